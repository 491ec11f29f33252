package org.khulasa.web;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.zip.GZIPOutputStream;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.PreEncodedHttpField;
import org.khulasa.article.Changes;
import org.khulasa.feed.RenderedFeed;
import org.khulasa.web.http.EntityTags;
import org.khulasa.web.http.HttpDates;

/**
 * Rendered documents by path, ready to serve: plain and gzip bytes, ETags, Last-Modified and the
 * response headers. A hit touches no database. Each entry says which writes change it: a write
 * drops those entries only ({@link #drop}), so the feeds of other categories and authors stay
 * rendered. An entry also goes stale by itself when the next scheduled article comes out.
 * Concurrent misses of one path share a single render. The cache holds at most its budget of
 * bytes (Caffeine, each entry weighed by its bytes): a crawler asking for every URL evicts the
 * least useful entries rather than filling the heap.
 */
final class FeedCache {
    /**
     * Deflate level of the gzip copies: 4 compresses a 190 KB feed about three times faster than
     * the default 6 (one of the largest costs of a miss), for gzip bytes about 8 % larger.
     */
    static final int GZIP_LEVEL = 4;

    private static final HttpField VARY = new PreEncodedHttpField(HttpHeader.VARY, "Accept-Encoding");
    private static final HttpField CONTENT_LANGUAGE = new PreEncodedHttpField(HttpHeader.CONTENT_LANGUAGE, "ar");
    private static final HttpField NO_SNIFF = new PreEncodedHttpField("X-Content-Type-Options", "nosniff");
    private static final HttpField GZIP = new PreEncodedHttpField(HttpHeader.CONTENT_ENCODING, "gzip");
    /** What an entry holds besides its bodies and key: header fields, strings, the objects around them. */
    private static final int ENTRY_OVERHEAD = 2_048;

    /** Renders done or under way; one under way weighs nothing until it completes. */
    private final AsyncCache<String, Entry> entries;

    /** At most {@code budgetBytes} of entries, evicted on the caller's thread as they come in. */
    FeedCache(long budgetBytes) {
        this.entries = Caffeine.newBuilder()
                .maximumWeight(budgetBytes)
                .weigher((String path, Entry entry) -> entry.weight(path))
                .executor(Runnable::run)
                .buildAsync();
    }

    /**
     * The entry for {@code path}, rendering it (once, however many ask at the same time) when
     * missing or stale; {@code contentType} is what it is served as, {@code changedBy} tells
     * which writes change it.
     */
    Entry get(String path, Predicate<Changes> changedBy, String contentType, Instant now, Supplier<RenderedFeed> render) {
        return get(path, contentType, List.of(), now, () -> new Rendered(render.get(), changedBy));
    }

    /** A rendered document and the writes that change it, known once it is rendered (an article page's scopes). */
    record Rendered(RenderedFeed document, Predicate<Changes> changedBy) {
    }

    /** As above; {@code extra} are header fields every 200 of it carries besides the usual ones. */
    Entry get(String path, String contentType, List<HttpField> extra, Instant now, Supplier<Rendered> render) {
        ConcurrentMap<String, CompletableFuture<Entry>> map = entries.asMap();
        while (true) {
            CompletableFuture<Entry> task = map.get(path);
            if (task == null) {
                CompletableFuture<Entry> mine = new CompletableFuture<>();
                task = map.putIfAbsent(path, mine);
                if (task == null) {
                    task = mine;
                    // Rendered on this thread, outside the map: other paths are never held up.
                    try {
                        Rendered rendered = render.get();
                        mine.complete(Entry.of(rendered.document(), contentType, extra, rendered.changedBy()));
                    } catch (RuntimeException | Error e) {
                        mine.completeExceptionally(e);
                    }
                }
            }
            Entry entry = await(path, task);
            if (entry.isFreshAt(now)) {
                return entry;
            }
            map.remove(path, task);
        }
    }

    /** The entry for {@code path} if it is rendered and fresh; null otherwise (never waits, never renders). */
    Entry peek(String path, Instant now) {
        CompletableFuture<Entry> task = entries.getIfPresent(path);
        if (task == null || !task.isDone() || task.isCompletedExceptionally()) {
            return null; // a failed render: the full path renders again and reports the failure
        }
        Entry entry = task.join(); // done: returns at once
        return entry.isFreshAt(now) ? entry : null;
    }

    /**
     * Drops the entries {@code changed} makes stale: called after each write commits, here or on
     * another instance. Renders under way are dropped too (they may have read before the commit).
     */
    void drop(Changes changed) {
        entries.asMap().values().removeIf(task -> !task.isDone() || task.isCompletedExceptionally()
                || task.join().changedBy().test(changed));
    }

    /** The bytes the cache holds, as its entries weigh them. */
    long weightedBytes() {
        entries.synchronous().cleanUp();
        return entries.synchronous().policy().eviction().orElseThrow().weightedSize().orElseThrow();
    }

    private Entry await(String path, CompletableFuture<Entry> task) {
        try {
            return task.join();
        } catch (CompletionException | java.util.concurrent.CancellationException e) {
            // A failed render (unknown slug, database down) is not kept: the next poll tries again.
            entries.asMap().remove(path, task);
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /**
     * One rendered feed, with the response headers of each way it is answered built once (Jetty
     * pre-encodes them). ETags are strong and differ per content coding, as RFC 9110 asks.
     */
    record Entry(byte[] plain, byte[] gzip, String etag, String gzipEtag, Instant lastModified,
                 Optional<Instant> staleAt, List<HttpField> plainHeaders, List<HttpField> gzipHeaders,
                 List<HttpField> plainNotModified, List<HttpField> gzipNotModified, Predicate<Changes> changedBy) {

        static Entry of(RenderedFeed feed, String contentType, List<HttpField> extra, Predicate<Changes> changedBy) {
            String hash = EntityTags.hashOf(feed.bytes());
            String etag = '"' + hash + '"';
            String gzipEtag = "\"" + hash + "-gz\"";
            byte[] gzip = gzip(feed.bytes());
            // HTTP dates have whole seconds; comparing If-Modified-Since needs the same precision.
            Instant lastModified = feed.lastModified().truncatedTo(ChronoUnit.SECONDS);
            HttpField cacheControl = new PreEncodedHttpField(HttpHeader.CACHE_CONTROL,
                    "public, max-age=" + feed.maxAge().toSeconds());
            List<HttpField> plainValidators = validators(etag, lastModified, cacheControl);
            List<HttpField> gzipValidators = validators(gzipEtag, lastModified, cacheControl);
            return new Entry(feed.bytes(), gzip, etag, gzipEtag, lastModified, feed.staleAt(),
                    body(plainValidators, contentType, feed.bytes().length, false, feed.link(), extra),
                    body(gzipValidators, contentType, gzip.length, true, feed.link(), extra),
                    plainValidators, gzipValidators, changedBy);
        }

        /** Roughly the heap it holds, in bytes, filed under {@code path}. */
        int weight(String path) {
            return plain.length + gzip.length + 2 * path.length() + ENTRY_OVERHEAD;
        }

        /**
         * Whether the stamp is still ahead of {@code now}: stamps are whole seconds rounded up, each
         * one past the last ({@code ChangeStamps}), so they lead the clock right after a write, and
         * for as many seconds as there were writes in a burst.
         */
        boolean isAheadOf(Instant now) {
            return lastModified.isAfter(now);
        }

        /**
         * The Last-Modified sent while the stamp {@link #isAheadOf} the clock: the answer's own time,
         * its {@code Date} (which Jetty sets as the request comes in) when it has one, as RFC 9110
         * §8.8.2.1 asks. If-Modified-Since is still compared with the stamp, so that time never
         * earns a 304 before the change it stands for.
         */
        static HttpField lastModifiedAt(Instant now, String date) {
            Instant clock = now.truncatedTo(ChronoUnit.SECONDS);
            Instant sent = HttpDates.parse(date).filter(dated -> dated.isBefore(clock)).orElse(clock);
            return new HttpField(HttpHeader.LAST_MODIFIED, HttpDates.format(sent));
        }

        boolean isFreshAt(Instant now) {
            return staleAt.isEmpty() || now.isBefore(staleAt.get());
        }

        /** The bytes to send: gzip or plain. */
        byte[] body(boolean gzipped) {
            return gzipped ? gzip : plain;
        }

        /** The headers of a 200 (with the body's type and length) or of a 304. */
        List<HttpField> headers(boolean gzipped, boolean notModified) {
            if (notModified) {
                return gzipped ? gzipNotModified : plainNotModified;
            }
            return gzipped ? gzipHeaders : plainHeaders;
        }

        /**
         * What a 304 repeats of the 200 (RFC 9110 §15.4.5): the validators and caching fields.
         * Not its length: some HTTP parsers (wrk's, older Node's) then wait for a body that a
         * 304 never has, and the connection hangs.
         */
        private static List<HttpField> validators(String etag, Instant lastModified, HttpField cacheControl) {
            return List.of(
                    new PreEncodedHttpField(HttpHeader.ETAG, etag),
                    new PreEncodedHttpField(HttpHeader.LAST_MODIFIED, HttpDates.format(lastModified)),
                    cacheControl, VARY);
        }

        private static List<HttpField> body(List<HttpField> validators, String contentType, int length, boolean gzipped,
                String link, List<HttpField> extra) {
            List<HttpField> fields = new ArrayList<>(validators);
            if (link != null) {
                fields.add(new PreEncodedHttpField(HttpHeader.LINK, link));
            }
            fields.add(new PreEncodedHttpField(HttpHeader.CONTENT_TYPE, contentType));
            fields.add(new PreEncodedHttpField(HttpHeader.CONTENT_LENGTH, length));
            fields.add(CONTENT_LANGUAGE);
            fields.add(NO_SNIFF);
            fields.addAll(extra);
            if (gzipped) {
                // Set by us, so Javalin's own compression leaves the already-gzipped bytes alone.
                fields.add(GZIP);
            }
            return List.copyOf(fields);
        }

        private static byte[] gzip(byte[] bytes) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 4 + 64);
            try (GZIPOutputStream gz = new GZIPOutputStream(out) {
                {
                    def.setLevel(GZIP_LEVEL);
                }
            }) {
                gz.write(bytes);
            } catch (IOException e) {
                throw new UncheckedIOException("compressing in memory failed", e);
            }
            return out.toByteArray();
        }
    }
}
