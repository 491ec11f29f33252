package org.khulasa.web;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.function.Function;
import org.khulasa.article.Slug;
import org.khulasa.feed.FeedFormat;
import org.khulasa.feed.FeedScope;
import org.khulasa.feed.Feeds;
import org.khulasa.feed.RenderedFeed;

/**
 * Serves feeds to pollers from {@link FeedCache}: conditional GET (ETag, Last-Modified → 304),
 * gzip from bytes compressed once, HEAD, and caching headers for proxies in front.
 *
 * <pre>curl -si -H 'If-None-Match: "…"' http://localhost:8080/feeds/category/politics/atom.xml</pre>
 */
public final class FeedHandler {
    static final String OPML_TYPE = "text/x-opml; charset=utf-8";
    private static final String CACHE_CONTROL = "public, max-age=300";

    private final Feeds feeds;
    private final FeedCache cache;
    private final Clock clock;

    FeedHandler(Feeds feeds, FeedCache cache, Clock clock) {
        this.feeds = feeds;
        this.cache = cache;
        this.clock = clock;
    }

    public Handler site(FeedFormat format) {
        return ctx -> serve(ctx, format.fileName(), format.contentType(),
                now -> feeds.render(FeedScope.site(), format, now));
    }

    public Handler category(FeedFormat format) {
        return ctx -> {
            String slug = slug(ctx);
            serve(ctx, "category/" + slug + "/" + format.fileName(), format.contentType(), now -> feeds.render(feeds.category(slug)
                    .orElseThrow(() -> ProblemException.notFound("no category has slug " + slug)), format, now));
        };
    }

    public Handler author(FeedFormat format) {
        return ctx -> {
            String slug = slug(ctx);
            serve(ctx, "author/" + slug + "/" + format.fileName(), format.contentType(), now -> feeds.render(feeds.author(slug)
                    .orElseThrow(() -> ProblemException.notFound("no author has slug " + slug)), format, now));
        };
    }

    public void opml(Context ctx) {
        serve(ctx, "index.opml", OPML_TYPE, now -> feeds.opml());
    }

    /** {@code key} names the feed in the cache; {@code render} runs only on a miss, with the request's time. */
    private void serve(Context ctx, String key, String contentType, Function<Instant, RenderedFeed> render) {
        Instant now = clock.instant();
        FeedCache.Entry entry = cache.get(key, now, () -> render.apply(now));
        boolean gzip = acceptsGzip(ctx.header("Accept-Encoding"));
        ctx.header("ETag", gzip ? entry.gzipEtag() : entry.etag())
                .header("Last-Modified", entry.lastModifiedHeader())
                .header("Cache-Control", CACHE_CONTROL)
                .header("Vary", "Accept-Encoding")
                .header("Content-Language", "ar")
                .header("X-Content-Type-Options", "nosniff");
        if (notModified(ctx, entry)) {
            ctx.status(304);
            return;
        }
        byte[] body = gzip ? entry.gzip() : entry.plain();
        ctx.contentType(contentType).header("Content-Length", String.valueOf(body.length));
        if (gzip) {
            // Set by us, so Javalin's own compression leaves the already-gzipped bytes alone.
            ctx.header("Content-Encoding", "gzip");
        }
        if (!ctx.method().equals(HandlerType.HEAD)) {
            ctx.result(body);
        }
    }

    /** If-None-Match wins when present (RFC 9110 §13.2.2); the comparison is weak, so W/ tags match too. */
    private static boolean notModified(Context ctx, FeedCache.Entry entry) {
        String ifNoneMatch = ctx.header("If-None-Match");
        if (ifNoneMatch != null) {
            for (String tag : ifNoneMatch.split(",")) {
                String t = tag.trim();
                if (t.startsWith("W/")) {
                    t = t.substring(2);
                }
                if (t.equals("*") || t.equals(entry.etag()) || t.equals(entry.gzipEtag())) {
                    return true;
                }
            }
            return false;
        }
        String ifModifiedSince = ctx.header("If-Modified-Since");
        if (ifModifiedSince == null) {
            return false;
        }
        try {
            Instant since = ZonedDateTime.parse(ifModifiedSince.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            return !entry.lastModified().isAfter(since);
        } catch (DateTimeParseException e) {
            return false; // an unreadable date is ignored, as RFC 9110 says
        }
    }

    /** Whether gzip is acceptable: listed (or {@code *}) without {@code q=0}. */
    static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        Boolean gzip = null;
        Boolean any = null;
        for (String part : acceptEncoding.toLowerCase(Locale.ROOT).split(",")) {
            String[] pieces = part.trim().split(";");
            String coding = pieces[0].trim();
            boolean allowed = true;
            for (int i = 1; i < pieces.length; i++) {
                String param = pieces[i].trim();
                if (param.startsWith("q=")) {
                    try {
                        allowed = Double.parseDouble(param.substring(2).trim()) > 0;
                    } catch (NumberFormatException e) {
                        allowed = false;
                    }
                }
            }
            if (coding.equals("gzip") || coding.equals("x-gzip")) {
                gzip = allowed;
            } else if (coding.equals("*")) {
                any = allowed;
            }
        }
        return gzip != null ? gzip : any != null && any;
    }

    private static String slug(Context ctx) {
        String slug = ctx.pathParam("slug");
        if (!Slug.isValid(slug)) {
            throw ProblemException.notFound("no feed at " + ctx.path());
        }
        return slug;
    }
}
