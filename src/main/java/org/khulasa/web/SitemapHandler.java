package org.khulasa.web;

import io.javalin.http.Context;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import org.khulasa.feed.RenderedFeed;
import org.khulasa.feed.Sitemaps;
import org.khulasa.metrics.CachedAnswers;

/**
 * Serves sitemaps and robots.txt through the feed cache: rendered once per write (or when a
 * scheduled article comes out), with ETag, Last-Modified, 304 and gzip like feeds. Counted in
 * {@code requests}: crawlers' reads, not feed polls.
 *
 * <pre>curl -s http://localhost:8080/sitemap.xml</pre>
 */
public record SitemapHandler(Sitemaps sitemaps, FeedCache cache, Clock clock, CachedAnswers requests) {
    static final String XML = "application/xml; charset=utf-8";
    static final String TEXT = "text/plain; charset=utf-8";

    public void index(Context ctx) {
        serve(ctx, Sitemaps.INDEX_PATH, XML, sitemaps::index);
    }

    public void news(Context ctx) {
        serve(ctx, Sitemaps.NEWS_PATH, XML, sitemaps::news);
    }

    public void robots(Context ctx) {
        serve(ctx, Sitemaps.ROBOTS_PATH, TEXT, now -> sitemaps.robots());
    }

    /** {@code /sitemaps/{page}}, where the page is written {@code 12.xml}. */
    public void page(Context ctx) {
        String name = ctx.pathParam("page");
        if (!name.matches("[1-9][0-9]{0,17}\\.xml")) {
            throw ProblemException.notFound("no sitemap at " + ctx.path());
        }
        long page = Long.parseLong(name.substring(0, name.length() - 4));
        String path = Sitemaps.pagePath(page);
        serve(ctx, path, XML, now -> sitemaps.page(page, now)
                .orElseThrow(() -> ProblemException.notFound("no published article in sitemap page " + page)));
    }

    /** A sitemap lists every article (and the news one the newest): any write changes it. */
    private void serve(Context ctx, String key, String contentType, Function<Instant, RenderedFeed> render) {
        Instant now = clock.instant();
        FeedHandler.answerCounted(ctx, cache, requests, key, contentType, List.of(), now,
                () -> new FeedCache.Rendered(render.apply(now), changed -> true));
    }
}
