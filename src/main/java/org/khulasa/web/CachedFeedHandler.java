package org.khulasa.web;

import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Instant;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.khulasa.feed.FeedPath;
import org.khulasa.metrics.CachedAnswers;

/**
 * Answers a poll of a feed (or a view of a page) that is already in {@link FeedCache} straight from Jetty, ahead of
 * Javalin: pollers ask for the same few feeds all day, and most answers are a cached body or a
 * 304. Skipping the servlet layer and the router here roughly halves the cost of such an answer
 * (bench/README.md). Anything else, including every cache miss, goes on to Javalin, where
 * {@link FeedHandler} renders the feed, fills the cache and answers with the same headers.
 */
public final class CachedFeedHandler extends Handler.Wrapper {
    private final FeedCache cache;
    private final Clock clock;
    private final CachedAnswers.ByKind counts;

    CachedFeedHandler(FeedCache cache, Clock clock, CachedAnswers.ByKind counts) {
        this.cache = cache;
        this.clock = clock;
        this.counts = counts;
    }

    /**
     * Whether the path was sent exactly as the feed's own URL: no dot segments, percent-escapes or
     * {@code ;params}. Jetty hands this handler the path decoded and normalised, while Javalin
     * routes by the path as sent and answers other spellings 404: other spellings go on to it, so
     * they get the same answer whether the feed is cached or not.
     */
    private static boolean asWritten(Request request) {
        HttpURI uri = request.getHttpURI();
        return uri.getPath() != null && uri.getPath().equals(uri.getCanonicalPath());
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String method = request.getMethod();
        boolean head = HttpMethod.HEAD.is(method);
        String path = Request.getPathInContext(request);
        String key = FeedPath.cacheKeyOf(path);
        boolean page = key == null && PageHandler.isPage(path);
        if (page) {
            // A page's key is its path and query as pages link them; another spelling misses here.
            String query = request.getHttpURI().getQuery();
            key = query == null ? path : path + '?' + query;
        }
        Instant now = clock.instant();
        FeedCache.Entry entry = (head || HttpMethod.GET.is(method)) && key != null && asWritten(request)
                ? cache.peek(key, now)
                : null;
        if (entry == null) {
            return super.handle(request, response, callback);
        }
        HttpFields headers = request.getHeaders();
        boolean gzip = ConditionalGet.acceptsGzip(headers.get(HttpHeader.ACCEPT_ENCODING));
        boolean notModified = ConditionalGet.notModified(entry,
                headers.get(HttpHeader.IF_NONE_MATCH), headers.get(HttpHeader.IF_MODIFIED_SINCE));
        counts.of(page).answeredFromCache(notModified);
        HttpFields.Mutable out = response.getHeaders();
        for (HttpField field : entry.headers(gzip, notModified)) {
            out.add(field);
        }
        if (entry.isAheadOf(now)) {
            out.put(FeedCache.Entry.lastModifiedAt(now, out.get(HttpHeader.DATE)));
        }
        if (notModified) {
            response.setStatus(304);
            response.write(true, null, callback);
        } else {
            response.setStatus(200);
            response.write(true, head ? null : ByteBuffer.wrap(entry.body(gzip)), callback);
        }
        return true;
    }
}
