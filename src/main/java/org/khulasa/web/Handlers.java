package org.khulasa.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.util.List;
import org.khulasa.article.ArticleStore;
import org.khulasa.article.ImportedArchive;
import org.khulasa.feed.Feeds;
import org.khulasa.feed.Sitemaps;
import org.khulasa.links.SiteLinks;
import org.khulasa.metrics.CachedAnswers;
import org.khulasa.web.pages.DateStyle;
import org.khulasa.web.pages.Pages;
import org.khulasa.websub.Topics;

/**
 * The HTTP handlers, built once from their dependencies and wired to one feed cache; {@code App}
 * routes to them. {@code authForWrites} guards the API's writes; {@code jettyErrors} answers what
 * Jetty refuses before any route (414, 431, malformed requests) as problem+json; {@code cachedFeeds}
 * answers polls of documents already cached, in Jetty ahead of the routes (see
 * {@link CachedFeedHandler}); {@code cachedPages} renders the reader's pages into the same cache,
 * dropped by the same writes; {@code topics} are the feeds as WebSub topics, all of them
 * starting with {@code topicPrefix}.
 */
public record Handlers(ObjectMapper mapper, Problems problems, io.javalin.http.Handler authForWrites,
        org.eclipse.jetty.server.Request.Handler jettyErrors, DeskAccess deskAccess, ArticleApi api,
        FilingApi filings, FeedHandler feeds, CachedFeedHandler cachedFeeds, SitemapHandler sitemaps,
        Topics topics, String topicPrefix, OldAddresses oldAddresses, Pages pages, PageHandler cachedPages) {
    /** Articles are posted as JSON: 2 MB holds a very long story many times over. */
    public static final int MAX_BODY_BYTES = 2 * 1024 * 1024;

    /**
     * {@code feedSize} articles per feed and per page; pages write dates in {@code dateStyle}
     * (corrections in feeds are dated in its time zone);
     * {@code sitemapPageSize} article ids per sitemap page; {@code archiveSize} article ids per
     * archive page; {@code hubs} the WebSub hubs feeds name;
     * {@code archive} holds imported articles' old feed ids and old addresses; {@code endedSessions}
     * the desk sessions signed out; rendered documents take three quarters of {@code cacheBytes}, the item texts they are made of the rest;
     * {@code counts} count the answers to feeds and to pages; {@code afterWrite} runs after every write this instance commits (the WebSub hub's nudge).
     */
    public static Handlers create(ArticleStore store, ImportedArchive archive, Clock clock, SiteLinks links,
            List<String> editorTokens, EndedSessions endedSessions, String siteTitle, int feedSize, DateStyle dateStyle,
            int sitemapPageSize, int archiveSize, List<String> hubs, long cacheBytes, CachedAnswers.ByKind counts, Runnable afterWrite) {
        ObjectMapper mapper = Json.mapper();
        DeskSessions sessions = new DeskSessions(editorTokens, clock, endedSessions);
        EditorAuth auth = new EditorAuth(new EditorTokens(editorTokens), new AuthFailureLimiter(clock), sessions);
        Problems problems = new Problems(mapper);
        Pages pages = new Pages(store, clock, links, siteTitle, feedSize, dateStyle);
        FeedCache feedCache = new FeedCache(cacheBytes - cacheBytes / 4);
        Feeds feedSource = new Feeds(store, archive, links, siteTitle, feedSize, archiveSize, hubs,
                dateStyle.zone(), cacheBytes / 4);
        FeedHandler feeds = new FeedHandler(feedSource, feedCache, clock, counts.feedPolls());
        counts.feedPolls().watchCache(feedCache::weightedBytes);
        OldAddresses oldAddresses = new OldAddresses(archive, links, clock, problems);
        // A write, here or by another instance or process sharing the database, drops the feeds it
        // changed (site and tags, its categories and every byline's authors, those showing a changed
        // related title), no others, and the pages showing them (every page when the categories'
        // names change: each lists them); the old addresses are read again.
        store.onWrite(changed -> {
            feedCache.drop(changed);
            oldAddresses.forget();
        });
        FeedTopics topics = new FeedTopics(feedSource, links, clock);
        // The hub is nudged after this instance's writes, once the store has dropped what they changed.
        return new Handlers(mapper, problems, auth::requireForWrites, new JettyProblems(mapper),
                new DeskAccess(auth, sessions),
                new ArticleApi(store, new JsonBody(mapper, MAX_BODY_BYTES), auth, links, clock, afterWrite),
                new FilingApi(store, new JsonBody(mapper, MAX_BODY_BYTES), auth, clock, afterWrite),
                feeds, new CachedFeedHandler(feedCache, clock, counts),
                new SitemapHandler(new Sitemaps(store, links, siteTitle, sitemapPageSize), feedCache, clock, counts.sitemapRequests()),
                topics, topics.prefix(), oldAddresses, pages, new PageHandler(pages, feedCache, clock, counts.pageViews()));
    }
}
