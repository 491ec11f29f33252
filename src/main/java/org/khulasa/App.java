package org.khulasa;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Handler;
import io.javalin.json.JavalinJackson;
import java.time.Clock;
import java.util.Map;
import org.khulasa.article.ArticleStore;
import org.khulasa.feed.FeedFormat;
import org.khulasa.feed.SiteLinks;
import org.khulasa.web.ServerLimits;
import org.khulasa.web.Web;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The one route table and error mapping; {@link Main} and the tests both build the server here. */
public final class App {
    private static final Logger log = LoggerFactory.getLogger(App.class);

    private App() {
    }

    public static Javalin create(Config config, ArticleStore store, Clock clock) {
        Web web = new Web(config, store, clock, new SiteLinks(config.baseUrl()));
        if (config.editorTokens().isEmpty()) {
            log.warn("No editor tokens: the API refuses every write with 401. "
                    + "Set KHULASA_EDITOR_TOKENS=token1,token2 (for instance: openssl rand -hex 24) and restart.");
        }
        ObjectMapper mapper = web.mapper();
        return Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.startup.showOldJavalinVersionWarning = false;
            cfg.jsonMapper(new JavalinJackson(mapper, false));
            cfg.http.prefer405over404 = true;
            cfg.router.ignoreTrailingSlashes = true;
            ServerLimits.apply(cfg.jetty, web.cachedFeeds());

            cfg.routes.get("/health", ctx -> ctx.json(Map.of("status", "ok")));

            cfg.routes.before("/api/*", web.authForWrites());
            cfg.routes.get("/api/articles", web.api()::list);
            cfg.routes.post("/api/articles", web.api()::create);
            cfg.routes.get("/api/articles/{id}", web.api()::read);
            cfg.routes.put("/api/articles/{id}", web.api()::replace);
            cfg.routes.delete("/api/articles/{id}", web.api()::delete);

            cfg.routes.get("/", web.pages()::home);
            cfg.routes.get("/articles/{id}", web.pages()::article);
            cfg.routes.get("/category/{slug}", web.pages()::category);
            cfg.routes.get("/author/{slug}", web.pages()::author);
            cfg.routes.get("/assets/site.css", web.pages()::stylesheet);
            getAndHead(cfg, "/feeds/rss.xml", web.feeds().site(FeedFormat.RSS));
            getAndHead(cfg, "/feeds/atom.xml", web.feeds().site(FeedFormat.ATOM));
            getAndHead(cfg, "/feeds/category/{slug}/rss.xml", web.feeds().category(FeedFormat.RSS));
            getAndHead(cfg, "/feeds/category/{slug}/atom.xml", web.feeds().category(FeedFormat.ATOM));
            getAndHead(cfg, "/feeds/author/{slug}/rss.xml", web.feeds().author(FeedFormat.RSS));
            getAndHead(cfg, "/feeds/author/{slug}/atom.xml", web.feeds().author(FeedFormat.ATOM));
            getAndHead(cfg, "/feeds/index.opml", web.feeds()::opml);

            cfg.routes.exception(Exception.class, web.problems()::handle);
            // Requests no route matched (a handler's own 404/405 already has a body).
            cfg.routes.error(404, ctx -> web.problems().fillUnlessAnswered(ctx, 404, "Not found", "nothing is served at " + ctx.path()));
            cfg.routes.error(405, ctx -> web.problems().fillUnlessAnswered(ctx, 405, "Method not allowed",
                    ctx.req().getMethod() + " is not allowed on " + ctx.path()));
        });
    }

    /** Pollers probe with HEAD; Javalin would answer it with an empty 200 unless routed here. */
    private static void getAndHead(JavalinConfig cfg, String path, Handler handler) {
        cfg.routes.get(path, handler);
        cfg.routes.head(path, handler);
    }
}
