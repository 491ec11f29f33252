package org.khulasa.web;

import io.javalin.http.Context;
import org.khulasa.feed.Sitemaps;

/**
 * Serves sitemaps and robots.txt through the feed cache: rendered once per write (or when a
 * scheduled article comes out), with ETag, Last-Modified, 304 and gzip like feeds.
 *
 * <pre>curl -s http://localhost:8080/sitemap.xml</pre>
 */
public record SitemapHandler(Sitemaps sitemaps, FeedHandler server) {
    static final String XML = "application/xml; charset=utf-8";
    static final String TEXT = "text/plain; charset=utf-8";

    public void index(Context ctx) {
        server.serve(ctx, Sitemaps.INDEX_PATH, XML, sitemaps::index);
    }

    public void news(Context ctx) {
        server.serve(ctx, Sitemaps.NEWS_PATH, XML, sitemaps::news);
    }

    public void robots(Context ctx) {
        server.serve(ctx, Sitemaps.ROBOTS_PATH, TEXT, now -> sitemaps.robots());
    }

    /** {@code /sitemaps/{page}}, where the page is written {@code 12.xml}. */
    public void page(Context ctx) {
        String name = ctx.pathParam("page");
        if (!name.matches("[1-9][0-9]{0,17}\\.xml")) {
            throw ProblemException.notFound("no sitemap at " + ctx.path());
        }
        long page = Long.parseLong(name.substring(0, name.length() - 4));
        String path = Sitemaps.pagePath(page);
        server.serve(ctx, path, XML, now -> sitemaps.page(page, now)
                .orElseThrow(() -> ProblemException.notFound("no published article in sitemap page " + page)));
    }
}
