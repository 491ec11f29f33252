package org.khulasa.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.zip.GZIPOutputStream;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.PreEncodedHttpField;
import org.khulasa.article.Changes;
import org.khulasa.feed.RenderedFeed;
import org.khulasa.web.http.EntityTags;

/**
 * Rendered documents by path, ready to serve: plain and gzip bytes, ETags, Last-Modified and the
 * response headers. A hit touches no database. Each entry says which writes change it: a write
 * drops those entries only ({@link #drop}), so the feeds of other categories and authors stay
 * rendered. An entry also goes stale by itself when the next scheduled article comes out.
 * Concurrent misses of one path share a single render.
 */
final class FeedCache {
    static final DateTimeFormatter HTTP_DATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);

    /**
     * Deflate level of the gzip copies: 4 compresses a 190 KB feed about three times faster than
     * the default 6 (one of the largest costs of a miss), for gzip bytes about 8 % larger.
     */
    static final int GZIP_LEVEL = 4;

    private static final HttpField CACHE_CONTROL = new PreEncodedHttpField(HttpHeader.CACHE_CONTROL, "public, max-age=300");
    private static final HttpField VARY = new PreEncodedHttpField(HttpHeader.VARY, "Accept-Encoding");
    private static final HttpField CONTENT_LANGUAGE = new PreEncodedHttpField(HttpHeader.CONTENT_LANGUAGE, "ar");
    private static final HttpField NO_SNIFF = new PreEncodedHttpField("X-Content-Type-Options", "nosniff");
    private static final HttpField GZIP = new PreEncodedHttpField(HttpHeader.CONTENT_ENCODING, "gzip");

    private final ConcurrentHashMap<String, Slot> entries = new ConcurrentHashMap<>();

    /** A render, done or under way, and the writes that make it stale. */
    private record Slot(FutureTask<Entry> task, Predicate<Changes> changedBy) {
    }

    /**
     * The entry for {@code path}, rendering it (once, however many ask at the same time) when
     * missing or stale; {@code contentType} is what it is served as, {@code changedBy} tells
     * which writes change it.
     */
    Entry get(String path, Predicate<Changes> changedBy, String contentType, Instant now, Supplier<RenderedFeed> render) {
        while (true) {
            Slot slot = entries.get(path);
            if (slot == null) {
                Slot mine = new Slot(new FutureTask<>(() -> Entry.of(render.get(), contentType)), changedBy);
                slot = entries.putIfAbsent(path, mine);
                if (slot == null) {
                    slot = mine;
                    mine.task.run();
                }
            }
            Entry entry = await(path, slot);
            if (entry.isFreshAt(now)) {
                return entry;
            }
            entries.remove(path, slot);
        }
    }

    /** The entry for {@code path} if it is rendered and fresh; null otherwise (never waits, never renders). */
    Entry peek(String path, Instant now) {
        Slot slot = entries.get(path);
        FutureTask<Entry> task = slot == null ? null : slot.task;
        if (task == null || !task.isDone()) {
            return null;
        }
        try {
            Entry entry = task.get(); // done: returns at once
            return entry.isFreshAt(now) ? entry : null;
        } catch (ExecutionException | java.util.concurrent.CancellationException e) {
            return null; // a failed render: the full path renders again and reports the failure
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /**
     * Drops the entries {@code changed} makes stale: called after each write commits, here or on
     * another instance. A render under way is dropped too (it may have read before the commit).
     */
    void drop(Changes changed) {
        entries.values().removeIf(slot -> slot.changedBy.test(changed));
    }

    /** How many entries are held, rendered or being rendered. */
    int size() {
        return entries.size();
    }

    private Entry await(String path, Slot slot) {
        try {
            return slot.task.get();
        } catch (ExecutionException e) {
            // A failed render (unknown slug, database down) is not kept: the next poll tries again.
            entries.remove(path, slot);
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a feed render", e);
        }
    }

    /**
     * One rendered feed, with the response headers of each way it is answered built once (Jetty
     * pre-encodes them). ETags are strong and differ per content coding, as RFC 9110 asks.
     */
    record Entry(byte[] plain, byte[] gzip, String etag, String gzipEtag, Instant lastModified,
                 Optional<Instant> staleAt, List<HttpField> plainHeaders, List<HttpField> gzipHeaders,
                 List<HttpField> plainNotModified, List<HttpField> gzipNotModified) {

        static Entry of(RenderedFeed feed, String contentType) {
            String hash = EntityTags.hashOf(feed.bytes());
            String etag = '"' + hash + '"';
            String gzipEtag = "\"" + hash + "-gz\"";
            byte[] gzip = gzip(feed.bytes());
            // HTTP dates have whole seconds; comparing If-Modified-Since needs the same precision.
            Instant lastModified = feed.lastModified().truncatedTo(ChronoUnit.SECONDS);
            List<HttpField> plainValidators = validators(etag, lastModified);
            List<HttpField> gzipValidators = validators(gzipEtag, lastModified);
            return new Entry(feed.bytes(), gzip, etag, gzipEtag, lastModified, feed.staleAt(),
                    body(plainValidators, contentType, feed.bytes().length, false),
                    body(gzipValidators, contentType, gzip.length, true),
                    plainValidators, gzipValidators);
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
        private static List<HttpField> validators(String etag, Instant lastModified) {
            return List.of(
                    new PreEncodedHttpField(HttpHeader.ETAG, etag),
                    new PreEncodedHttpField(HttpHeader.LAST_MODIFIED, HTTP_DATE.format(lastModified)),
                    CACHE_CONTROL, VARY);
        }

        private static List<HttpField> body(List<HttpField> validators, String contentType, int length, boolean gzipped) {
            List<HttpField> fields = new ArrayList<>(validators);
            fields.add(new PreEncodedHttpField(HttpHeader.CONTENT_TYPE, contentType));
            fields.add(new PreEncodedHttpField(HttpHeader.CONTENT_LENGTH, length));
            fields.add(CONTENT_LANGUAGE);
            fields.add(NO_SNIFF);
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
