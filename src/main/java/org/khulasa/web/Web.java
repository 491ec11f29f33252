package org.khulasa.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import org.khulasa.Config;
import org.khulasa.article.ArticleStore;
import org.khulasa.feed.Feeds;
import org.khulasa.feed.SiteLinks;
import org.khulasa.web.pages.Pages;

/** Builds the HTTP handlers from their dependencies; {@code App} routes to them. */
public final class Web {
    /** Articles are posted as JSON: 2 MB holds a very long story many times over. */
    public static final int MAX_BODY_BYTES = 2 * 1024 * 1024;

    private final ObjectMapper mapper = Json.mapper();
    private final EditorAuth auth;
    private final ArticleApi api;
    private final Problems problems;
    private final Pages pages;
    private final FeedHandler feeds;
    private final CachedFeedHandler cachedFeeds;

    public Web(Config config, ArticleStore store, Clock clock, SiteLinks links) {
        this.auth = new EditorAuth(new EditorTokens(config.editorTokens()), new AuthFailureLimiter(clock));
        this.problems = new Problems(mapper);
        this.pages = new Pages(config, store, clock, links);
        FeedCache feedCache = new FeedCache();
        this.feeds = new FeedHandler(new Feeds(store, links, config.siteTitle(), config.feedSize()), feedCache, clock);
        this.cachedFeeds = new CachedFeedHandler(feedCache, clock);
        // Any write may change several feeds (site, category, author, related titles): drop them all.
        this.api = new ArticleApi(store, new JsonBody(mapper, MAX_BODY_BYTES), auth, links, clock, feedCache::clear);
        // Several instances on one PostgreSQL: another instance's write makes ours stale too.
        store.onWriteElsewhere(feedCache::clear);
    }

    public ObjectMapper mapper() {
        return mapper;
    }

    public Problems problems() {
        return problems;
    }

    public io.javalin.http.Handler authForWrites() {
        return auth::requireForWrites;
    }

    public FeedHandler feeds() {
        return feeds;
    }

    /** A Jetty handler answering polls of cached feeds before Javalin's servlet; see {@link CachedFeedHandler}. */
    public org.eclipse.jetty.server.Handler.Wrapper cachedFeeds() {
        return cachedFeeds;
    }

    public ArticleApi api() {
        return api;
    }

    public Pages pages() {
        return pages;
    }
}
