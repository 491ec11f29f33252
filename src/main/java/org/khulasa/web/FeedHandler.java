package org.khulasa.web;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.eclipse.jetty.http.HttpField;
import org.khulasa.article.Changes;
import org.khulasa.article.Slug;
import org.khulasa.feed.FeedFormat;
import org.khulasa.feed.FeedPath;
import org.khulasa.feed.FeedScope;
import org.khulasa.feed.Feeds;
import org.khulasa.feed.RenderedFeed;
import org.khulasa.metrics.CachedAnswers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves feeds to pollers from {@link FeedCache}: conditional GET (ETag, Last-Modified → 304),
 * gzip from bytes compressed once, HEAD, and caching headers for proxies in front.
 *
 * <pre>curl -si -H 'If-None-Match: "…"' http://localhost:8080/feeds/category/politics/atom.xml</pre>
 */
public record FeedHandler(Feeds feeds, FeedCache cache, Clock clock, CachedAnswers polls) {
    static final String OPML_TYPE = "text/x-opml; charset=utf-8";
    private static final Logger log = LoggerFactory.getLogger(FeedHandler.class);

    /** The handler of the route {@code FeedPath.route(kind, format)}. */
    public Handler feed(FeedScope.Kind kind, FeedFormat format) {
        return ctx -> {
            String slug = kind == FeedScope.Kind.SITE ? null : slug(ctx);
            serve(ctx, FeedPath.of(kind, slug, format).cacheKey(), changed -> FeedScope.changedBy(kind, slug, changed),
                    format.contentType(),
                    now -> feeds.render(scope(kind, slug, now), format, now));
        };
    }

    /** The handler of the route {@code FeedPath.archiveRoute(kind, format)}: archive pages (RFC 5005). */
    public Handler archive(FeedScope.Kind kind, FeedFormat format) {
        return ctx -> {
            String slug = kind == FeedScope.Kind.SITE ? null : slug(ctx);
            String text = ctx.pathParam("page");
            if (!text.matches("(0|[1-9][0-9]{0,11})")) {
                throw ProblemException.notFound("no archive page " + text + " at " + ctx.path());
            }
            long page = Long.parseLong(text);
            FeedScope scope = scope(kind, slug, clock.instant());
            // An archive page holds the scope's older articles: the writes that change the scope's feeds change it.
            serve(ctx, FeedPath.archive(scope, page, format).cacheKey(), changed -> FeedScope.changedBy(kind, slug, changed),
                    format.contentType(),
                    now -> feeds.renderArchive(scope, format, page, now).orElseThrow(
                            () -> ProblemException.notFound("archive page " + page + " holds no article of this feed")));
        };
    }

    /** The OPML list names every category and author: any write may change it. */
    public void opml(Context ctx) {
        serve(ctx, FeedPath.OPML.cacheKey(), changed -> true, OPML_TYPE, feeds::opml);
    }

    private FeedScope scope(FeedScope.Kind kind, String slug, Instant now) {
        return switch (kind) {
            case SITE -> FeedScope.site();
            case CATEGORY -> feeds.category(slug, now)
                    .orElseThrow(() -> ProblemException.notFound("no category has slug " + slug));
            case AUTHOR -> feeds.author(slug, now)
                    .orElseThrow(() -> ProblemException.notFound("no author has slug " + slug));
            case TAG -> feeds.tag(slug, now)
                    .orElseThrow(() -> ProblemException.notFound("no tag has slug " + slug));
        };
    }

    /**
     * {@code key} names the feed in the cache (see {@link FeedPath}); {@code changedBy} tells which
     * writes change it; {@code render} runs only on a miss, with the request's time. Hits of feeds
     * usually never get here: {@link CachedFeedHandler} answers them first.
     */
    private void serve(Context ctx, String key, Predicate<Changes> changedBy, String contentType,
               Function<Instant, RenderedFeed> render) {
        Instant now = clock.instant();
        answerCounted(ctx, cache, polls, key, contentType, List.of(), now,
                () -> new FeedCache.Rendered(render.apply(now), changedBy));
    }

    /**
     * Answers with the document cached under {@code key}, rendering it first on a miss, and counts
     * the answer in {@code counts}: a miss with its time (compressing and hashing included: the
     * whole cost of a miss), or an answer from the cache (another request's render, finished or
     * awaited). {@code extra} are header fields every 200 of it carries.
     */
    static void answerCounted(Context ctx, FeedCache cache, CachedAnswers counts, String key, String contentType,
            List<HttpField> extra, Instant now, Supplier<FeedCache.Rendered> render) {
        long start = System.nanoTime();
        boolean[] rendered = {false};
        FeedCache.Entry entry = cache.get(key, contentType, extra, now, () -> {
            rendered[0] = true;
            return render.get();
        });
        boolean notModified = answer(ctx, entry, now);
        if (rendered[0]) {
            counts.rendered(System.nanoTime() - start);
        } else {
            counts.answeredFromCache(notModified);
        }
    }

    /**
     * Answers with a cached document at {@code now}: 304 when the request's validators match it,
     * else its gzip or plain bytes (none for HEAD). True for a 304.
     */
    static boolean answer(Context ctx, FeedCache.Entry entry, Instant now) {
        boolean gzip = ConditionalGet.acceptsGzip(ctx.header("Accept-Encoding"));
        boolean notModified = ConditionalGet.notModified(entry, ctx.header("If-None-Match"), ctx.header("If-Modified-Since"));
        for (HttpField field : entry.headers(gzip, notModified)) {
            ctx.header(field.getName(), field.getValue());
        }
        if (entry.isAheadOf(now)) {
            HttpField sent = FeedCache.Entry.lastModifiedAt(now, ctx.res().getHeader("Date"));
            ctx.header(sent.getName(), sent.getValue());
        }
        if (notModified) {
            ctx.status(304);
            ctx.res().setContentType(null); // Javalin's default text/plain: a 304 describes no body of its own
        } else if (!ctx.method().equals(HandlerType.HEAD)) {
            write(ctx, entry.body(gzip));
        }
        return notModified;
    }

    /**
     * Hands the cached bytes to the servlet response in one write. {@code ctx.result(bytes)} would
     * copy them through a new 32 KB buffer per request, a flush per chunk (bench/README.md).
     */
    private static void write(Context ctx, byte[] body) {
        try {
            ctx.res().getOutputStream().write(body);
        } catch (IOException e) {
            // The poller hung up mid-answer; nothing is left to tell it.
            log.debug("feed write to {} failed: {}", ctx.ip(), e.getMessage());
        }
    }

    private static String slug(Context ctx) {
        String slug = ctx.pathParam("slug");
        if (!Slug.isValid(slug)) {
            throw ProblemException.notFound("no feed at " + ctx.path());
        }
        return slug;
    }
}
