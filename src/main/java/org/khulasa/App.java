package org.khulasa;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Handler;
import io.javalin.json.JavalinJackson;
import java.time.Clock;
import java.util.Map;
import org.khulasa.article.ArticleStore;
import org.khulasa.article.Filing;
import org.khulasa.article.ImportedArchive;
import org.khulasa.feed.FeedFormat;
import org.khulasa.feed.FeedPath;
import org.khulasa.feed.Sitemaps;
import org.khulasa.feed.FeedScope;
import org.khulasa.links.SiteLinks;
import org.khulasa.metrics.Metrics;
import org.khulasa.web.EndedSessions;
import org.khulasa.web.FeedHandler;
import org.khulasa.web.Handlers;
import org.khulasa.web.MetricsEndpoint;
import org.khulasa.web.PageHandler;
import org.khulasa.web.ServerLimits;
import org.khulasa.web.desk.Desk;
import org.khulasa.websub.Hub;
import org.khulasa.websub.HubEndpoint;
import org.khulasa.websub.WebSubStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The one route table and error mapping; {@link Main} and the tests both build the server here. */
public final class App {
    private static final Logger log = LoggerFactory.getLogger(App.class);

    private App() {
    }

    /**
     * A server without WebSub delivery (no database to keep subscriptions in): feeds still name the
     * hub; desk sessions signed out are remembered by this process only.
     */
    public static Javalin create(Config config, ArticleStore store, Clock clock) {
        return create(config, store, clock, new Metrics());
    }

    /** Without WebSub delivery, as {@link #create(Config, ArticleStore, Clock)}. */
    public static Javalin create(Config config, ArticleStore store, Clock clock, Metrics metrics) {
        return create(config, store, ImportedArchive.NONE, null, EndedSessions.inMemory(clock), clock, metrics);
    }

    /**
     * {@code archive}: imported articles keep their old feed ids and old addresses answer 301;
     * {@code webSub}: where the hub keeps subscriptions and deliveries (null for none);
     * {@code endedSessions}: the desk sessions signed out before they expire;
     * {@code metrics} counts what the server does; {@code /metrics} serves them when a token is set.
     */
    public static Javalin create(Config config, ArticleStore store, ImportedArchive archive, WebSubStore webSub,
            EndedSessions endedSessions, Clock clock, Metrics metrics) {
        // The hub reads the feeds the handlers serve, and they nudge it after writes: built in turn.
        Hub[] hub = new Hub[1];
        Handlers web = Handlers.create(store, archive, clock, new SiteLinks(config.baseUrl()), config.editorTokens(),
                endedSessions, config.siteTitle(), config.feedSize(), config.dateStyle(), config.sitemapPageSize(), config.archiveSize(),
                config.advertisedHubs(), config.cacheBytes(),
                metrics.cachedAnswers(), () -> {
                    if (hub[0] != null) {
                        hub[0].nudge();
                    }
                });
        if (webSub != null) {
            hub[0] = new Hub(webSub, web.topics(), clock, config.baseUrl() + "/websub", config.webSubHubs(),
                    config.webSubAllowPrivate(), metrics.webSubDeliveries());
        }
        Desk desk = new Desk(store, clock, web.deskAccess(), web.api(), web.pages(), config.baseUrl(),
                config.siteTitle(), config.timeZone());
        if (config.editorTokens().isEmpty()) {
            log.warn("No editor tokens: the API refuses every write with 401. "
                    + "Set KHULASA_EDITOR_TOKENS=token1,token2 (for instance: openssl rand -hex 24) and restart.");
        }
        return Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.startup.showOldJavalinVersionWarning = false;
            cfg.jsonMapper(new JavalinJackson(web.mapper(), false));
            cfg.http.prefer405over404 = true;
            cfg.router.ignoreTrailingSlashes = true;

            // Ahead of this whole table, in Jetty: CachedFeedHandler answers a GET or HEAD of a feed
            // already in the feed cache (200 or 304) without routing it. Everything else, a feed
            // the cache lacks included, comes on to the routes below.
            cfg.jetty.modifyServer(server -> server.setHandler(web.cachedFeeds()));
            ServerLimits.apply(cfg.jetty);
            cfg.jetty.modifyServer(server -> server.setErrorHandler(web.jettyErrors()));

            cfg.requestLogger.http(metrics.requestLogger());
            getAndHead(cfg, "/health", ctx -> ctx.json(Map.of("status", "ok")));
            config.metricsToken().ifPresent(token -> cfg.routes.get("/metrics", new MetricsEndpoint(metrics, token)));
            if (hub[0] != null) {
                cfg.events.serverStarted(hub[0]::start);
                cfg.events.serverStopping(hub[0]::close);
                if (config.webSubHubs().isEmpty()) {
                    cfg.routes.post("/websub", new HubEndpoint(hub[0], web.topicPrefix())::handle);
                }
            }

            cfg.routes.before("/api/*", web.authForWrites());
            getAndHead(cfg, "/api/articles", web.api()::list);
            cfg.routes.post("/api/articles", web.api()::create);
            getAndHead(cfg, "/api/articles/{id}", web.api()::read);
            cfg.routes.put("/api/articles/{id}", web.api()::replace);
            cfg.routes.delete("/api/articles/{id}", web.api()::delete);
            for (Filing.Kind kind : Filing.Kind.values()) {
                String path = kind == Filing.Kind.CATEGORY ? "/api/categories" : "/api/authors";
                getAndHead(cfg, path, web.filings().list(kind));
                getAndHead(cfg, path + "/{slug}", web.filings().read(kind));
                cfg.routes.put(path + "/{slug}", web.filings().rename(kind));
                cfg.routes.delete(path + "/{slug}", web.filings().remove(kind));
            }

            // The writing desk: pages for editors, a client of the API above (see Desk).
            cfg.routes.get("/desk", desk::home);
            cfg.routes.post("/desk/signin", desk::signIn);
            cfg.routes.post("/desk/signout", desk::signOut);
            cfg.routes.get("/desk/new", desk::newArticle);
            cfg.routes.get("/desk/articles/{id}", desk::editArticle);
            cfg.routes.get("/desk/assets/{file}", desk::asset);
            cfg.routes.before("/desk/api/*", desk::requireEditor);
            cfg.routes.get("/desk/api/now", desk::now);
            cfg.routes.get("/desk/api/titles", desk::titles);
            cfg.routes.post("/desk/api/suggestions", desk::suggestions);
            cfg.routes.post("/desk/api/preview", desk::preview);

            cfg.routes.before("/", web.oldAddresses()::beforeHome);
            // Pages are cached as feeds are (PageHandler); hits are answered by CachedFeedHandler.
            PageHandler pages = web.cachedPages();
            getAndHead(cfg, "/", pages.page(web.pages()::home));
            getAndHead(cfg, "/articles/{id}", pages.page(web.pages()::article));
            getAndHead(cfg, "/category/{slug}", pages.page(web.pages()::category));
            getAndHead(cfg, "/author/{slug}", pages.page(web.pages()::author));
            getAndHead(cfg, "/tag/{slug}", pages.page(web.pages()::tag));
            getAndHead(cfg, "/search", web.pages()::search);
            getAndHead(cfg, "/assets/site.css", web.pages()::stylesheet);

            // /feeds/rss.xml, /feeds/category/{slug}/atom.xml, …: FeedPath builds these paths, the
            // feeds' URLs and their cache keys alike. Reached on a cache miss: render, cache, answer.
            FeedHandler feeds = web.feeds();
            for (FeedScope.Kind kind : FeedScope.Kind.values()) {
                for (FeedFormat format : FeedFormat.values()) {
                    getAndHead(cfg, FeedPath.route(kind, format), feeds.feed(kind, format));
                }
            }
            getAndHead(cfg, FeedPath.OPML.path(), feeds::opml);
            // Archive pages (RFC 5005): /feeds/archive/{page}/atom.xml, /feeds/category/{slug}/archive/{page}/rss.xml, …
            for (FeedScope.Kind kind : FeedScope.Kind.values()) {
                for (FeedFormat format : FeedFormat.values()) {
                    getAndHead(cfg, FeedPath.archiveRoute(kind, format), feeds.archive(kind, format));
                }
            }

            // Crawlers' documents, cached like feeds.
            getAndHead(cfg, Sitemaps.INDEX_PATH, web.sitemaps()::index);
            getAndHead(cfg, Sitemaps.PAGE_ROUTE, web.sitemaps()::page);
            getAndHead(cfg, Sitemaps.NEWS_PATH, web.sitemaps()::news);
            getAndHead(cfg, Sitemaps.ROBOTS_PATH, web.sitemaps()::robots);

            cfg.routes.exception(Exception.class, web.problems()::handle);
            // Requests no route matched (a handler's own 404/405 already has a body).
            cfg.routes.error(404, ctx -> {
                if (!web.oldAddresses().answer(ctx)) {
                    web.problems().fillUnlessAnswered(ctx, 404, "Not found", "nothing is served at " + ctx.path());
                }
            });
            cfg.routes.error(405, ctx -> web.problems().fillUnlessAnswered(ctx, 405, "Method not allowed",
                    ctx.req().getMethod() + " is not allowed on " + ctx.path()));
        });
    }

    /**
     * HEAD answers as GET would, without the body (Jetty drops it, keeping the length): Javalin
     * would otherwise answer HEAD of any GET route with an empty 200, even where GET is a 404.
     */
    private static void getAndHead(JavalinConfig cfg, String path, Handler handler) {
        cfg.routes.get(path, handler);
        cfg.routes.head(path, handler);
    }
}
