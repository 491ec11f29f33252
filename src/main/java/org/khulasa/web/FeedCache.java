package org.khulasa.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Supplier;
import java.util.zip.GZIPOutputStream;
import org.khulasa.feed.RenderedFeed;

/**
 * Rendered feeds by path, ready to serve: plain and gzip bytes, ETags and Last-Modified. A hit
 * touches no database. The whole cache is dropped when an article is written; an entry also
 * goes stale by itself when the next scheduled article comes out. Concurrent misses of one path
 * share a single render.
 */
final class FeedCache {
    static final DateTimeFormatter HTTP_DATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);

    /**
     * Deflate level of the gzip copies: 4 compresses a 190 KB feed about three times faster than
     * the default 6 (one of the largest costs of a miss), for gzip bytes about 8 % larger.
     */
    static final int GZIP_LEVEL = 4;

    private final ConcurrentHashMap<String, FutureTask<Entry>> entries = new ConcurrentHashMap<>();

    /** The entry for {@code path}, rendering it (once, however many ask at the same time) when missing or stale. */
    Entry get(String path, Instant now, Supplier<RenderedFeed> render) {
        while (true) {
            FutureTask<Entry> task = entries.get(path);
            if (task == null) {
                FutureTask<Entry> mine = new FutureTask<>(() -> Entry.of(render.get()));
                task = entries.putIfAbsent(path, mine);
                if (task == null) {
                    task = mine;
                    mine.run();
                }
            }
            Entry entry = await(path, task);
            if (entry.isFreshAt(now)) {
                return entry;
            }
            entries.remove(path, task);
        }
    }

    /** Drops every entry: called after each write, since one article shows in several feeds. */
    void clear() {
        entries.clear();
    }

    private Entry await(String path, FutureTask<Entry> task) {
        try {
            return task.get();
        } catch (ExecutionException e) {
            // A failed render (unknown slug, database down) is not kept: the next poll tries again.
            entries.remove(path, task);
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a feed render", e);
        }
    }

    /** One rendered feed. ETags are strong and differ per content coding, as RFC 9110 asks. */
    record Entry(byte[] plain, byte[] gzip, String etag, String gzipEtag, Instant lastModified,
                 String lastModifiedHeader, Optional<Instant> staleAt) {

        static Entry of(RenderedFeed feed) {
            String hash = HexFormat.of().formatHex(sha256(feed.bytes()), 0, 16);
            // HTTP dates have whole seconds; comparing If-Modified-Since needs the same precision.
            Instant lastModified = feed.lastModified().truncatedTo(ChronoUnit.SECONDS);
            return new Entry(feed.bytes(), gzip(feed.bytes()), '"' + hash + '"', "\"" + hash + "-gz\"",
                    lastModified, HTTP_DATE.format(lastModified), feed.staleAt());
        }

        boolean isFreshAt(Instant now) {
            return staleAt.isEmpty() || now.isBefore(staleAt.get());
        }

        private static byte[] sha256(byte[] bytes) {
            try {
                return MessageDigest.getInstance("SHA-256").digest(bytes);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every JDK has SHA-256", e);
            }
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
