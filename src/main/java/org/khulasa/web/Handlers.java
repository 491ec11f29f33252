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
import org.khulasa.websub.Topics;

/** The HTTP handlers, built once from their dependencies and wired to one feed cache; {@code App} routes to them. */
public final class Handlers {
    /** Articles are posted as JSON: 2 MB holds a very long story many times over. */
    public static final int MAX_BODY_BYTES = 2 * 1024 * 1024;

    private final ObjectMapper mapper = Json.mapper();
    private final EditorAuth auth;
    private final DeskAccess deskAccess;
    private final ArticleApi api;
    private final FilingApi filings;
    private final Problems problems;
    private final Pages pages;
    private final PageHandler cachedPages;
    private final FeedHandler feeds;
    private final CachedFeedHandler cachedFeeds;
    private final SitemapHandler sitemaps;
    private final FeedTopics topics;

    private final OldAddresses oldAddresses;

    /**
     * {@code feedSize} articles per feed and per page; pages write dates in {@code dateStyle}
     * (corrections in feeds are dated in its time zone);
     * {@code sitemapPageSize} article ids per sitemap page; {@code archiveSize} article ids per
     * archive page; {@code hubs} the WebSub hubs feeds name;
     * {@code archive} holds imported articles' old feed ids and old addresses; rendered documents
     * take three quarters of {@code cacheBytes}, the item texts they are made of the rest;
     * {@code afterWrite} runs after every write this instance commits (the WebSub hub's nudge).
     */
    public Handlers(ArticleStore store, ImportedArchive archive, Clock clock, SiteLinks links, List<String> editorTokens,
                    String siteTitle, int feedSize, DateStyle dateStyle, int sitemapPageSize, int archiveSize,
                    List<String> hubs, long cacheBytes, FeedPolls polls, Runnable afterWrite) {
        DeskSessions sessions = new DeskSessions(editorTokens, clock);
        this.auth = new EditorAuth(new EditorTokens(editorTokens), new AuthFailureLimiter(clock), sessions);
        this.deskAccess = new DeskAccess(auth, sessions);
        this.problems = new Problems(mapper);
        this.pages = new Pages(store, clock, links, siteTitle, feedSize, dateStyle);
        FeedCache feedCache = new FeedCache(cacheBytes - cacheBytes / 4);
        Feeds feedSource = new Feeds(store, archive, links, siteTitle, feedSize, archiveSize, hubs,
                dateStyle.zone(), cacheBytes / 4);
        this.feeds = new FeedHandler(feedSource, feedCache, clock, polls);
        this.cachedPages = new PageHandler(pages, feedCache, clock);
        polls.watchCache(feedCache::weightedBytes);
        this.topics = new FeedTopics(feedSource, links, clock);
        this.cachedFeeds = new CachedFeedHandler(feedCache, clock, polls);
        this.oldAddresses = new OldAddresses(archive, links, clock, problems);
        // The hub is nudged after this instance's writes, once the store has dropped what they changed.
        this.api = new ArticleApi(store, new JsonBody(mapper, MAX_BODY_BYTES), auth, links, clock, afterWrite);
        this.filings = new FilingApi(store, new JsonBody(mapper, MAX_BODY_BYTES), auth, clock, afterWrite);
        // A write, here or by another instance or process sharing the database, drops the feeds it
        // changed (site and tags, its categories and every byline's authors, those showing a changed
        // related title), no others, and the pages showing them (every page when the categories'
        // names change: each lists them); the old addresses are read again.
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

    /** Answers what Jetty refuses before any route (414, 431, malformed requests) as problem+json. */
    public org.eclipse.jetty.server.Request.Handler jettyErrors() {
        return new JettyProblems(mapper);
    }

    public FilingApi filings() {
        return filings;
    }

    public SitemapHandler sitemaps() {
        return sitemaps;
    }

    /** The feeds as WebSub topics. */
    public Topics topics() {
        return topics;
    }

    /** Where the site's feeds live: every WebSub topic starts with it. */
    public String topicPrefix() {
        return topics.prefix();
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

    /** The reader's pages, cached with the feeds and dropped by the same writes. */
    public PageHandler cachedPages() {
        return cachedPages;
    }
}
