package org.khulasa.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.util.List;
import org.khulasa.article.ArticleStore;
import org.khulasa.article.ImportedArchive;
import org.khulasa.feed.Feeds;
import org.khulasa.feed.Sitemaps;
import org.khulasa.links.SiteLinks;
import org.khulasa.metrics.FeedPolls;
import org.khulasa.web.pages.DateStyle;
import org.khulasa.web.pages.Pages;

/** The HTTP handlers, built once from their dependencies and wired to one feed cache; {@code App} routes to them. */
public final class Handlers {
    /** Articles are posted as JSON: 2 MB holds a very long story many times over. */
    public static final int MAX_BODY_BYTES = 2 * 1024 * 1024;

    private final ObjectMapper mapper = Json.mapper();
    private final EditorAuth auth;
    private final DeskAccess deskAccess;
    private final ArticleApi api;
    private final Problems problems;
    private final Pages pages;
    private final FeedHandler feeds;
    private final CachedFeedHandler cachedFeeds;
    private final SitemapHandler sitemaps;

    private final OldAddresses oldAddresses;

    /**
     * {@code feedSize} articles per feed and per page; pages write dates in {@code dateStyle};
     * {@code sitemapPageSize} article ids per sitemap page;
     * {@code archive} holds imported articles' old feed ids and old addresses; rendered feeds
     * take three quarters of {@code cacheBytes}, the item texts they are made of the rest.
     */
    public Handlers(ArticleStore store, ImportedArchive archive, Clock clock, SiteLinks links, List<String> editorTokens,
                    String siteTitle, int feedSize, DateStyle dateStyle, int sitemapPageSize, FeedPolls polls,
                    long cacheBytes) {
        DeskSessions sessions = new DeskSessions(editorTokens, clock);
        this.auth = new EditorAuth(new EditorTokens(editorTokens), new AuthFailureLimiter(clock), sessions);
        this.deskAccess = new DeskAccess(auth, sessions);
        this.problems = new Problems(mapper);
        this.pages = new Pages(store, clock, links, siteTitle, feedSize, dateStyle);
        FeedCache feedCache = new FeedCache(cacheBytes - cacheBytes / 4);
        this.feeds = new FeedHandler(new Feeds(store, archive, links, siteTitle, feedSize, cacheBytes / 4), feedCache, clock, polls);
        this.cachedFeeds = new CachedFeedHandler(feedCache, clock, polls);
        this.oldAddresses = new OldAddresses(archive, links, clock, problems);
        this.api = new ArticleApi(store, new JsonBody(mapper, MAX_BODY_BYTES), auth, links, clock);
        // A write, here or by another instance or process sharing the database, drops the feeds it
        // changed (site, its categories and authors, those showing a changed related title), no
        // others; the old addresses are read again.
        store.onWrite(changed -> {
            feedCache.drop(changed);
            oldAddresses.forget();
        });
        this.sitemaps = new SitemapHandler(new Sitemaps(store, links, siteTitle, sitemapPageSize), feeds);
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

    /** Answers polls of feeds already cached, in Jetty ahead of the routes; see {@link CachedFeedHandler}. */
    public CachedFeedHandler cachedFeeds() {
        return cachedFeeds;
    }

    /** Sign-in and sessions for the desk, which App builds on these handlers. */
    public DeskAccess deskAccess() {
        return deskAccess;
    }

    public SitemapHandler sitemaps() {
        return sitemaps;
    }

    public ArticleApi api() {
        return api;
    }

    public OldAddresses oldAddresses() {
        return oldAddresses;
    }

    public Pages pages() {
        return pages;
    }
}
