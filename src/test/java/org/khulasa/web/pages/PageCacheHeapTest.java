package org.khulasa.web.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.khulasa.Articles;
import org.khulasa.TestDatabase;
import org.khulasa.TestServer;

/**
 * Crawlers asking for 100,000 distinct pages over HTTP (four at a time): each is a valid
 * page (200) and is cached, and yet the cache stays within its budget (KHULASA_CACHE_MB) and the
 * heap retained after a GC grows by no more than the budget and a margin. The pages are the
 * home, category, author and tag pages at 25,000 cursors each, all of them valid.
 * {@code -Dkhulasa.heap.urls=…} asks for fewer or more.
 */
@Tag("slow")
@Timeout(value = 12, unit = TimeUnit.MINUTES) // about 1-4 ms a page on two busy cores
class PageCacheHeapTest {
    private static final int CACHE_MB = 8;
    private static final int CRAWLERS = 4;
    private static final long BUDGET = CACHE_MB * 1024L * 1024;
    /** Jetty's buffers, the JIT's code and the pools' state, grown under a first load. */
    private static final long MARGIN = 24L * 1024 * 1024;
    private static final String METRICS_TOKEN = "heap-test-metrics-token";
    private static final Pattern CACHE_BYTES = Pattern.compile("(?m)^khulasa_cache_bytes ([0-9.eE+]+)$");

    @TempDir
    Path dataDir;

    @Test
    void a_hundred_thousand_distinct_pages_keep_the_cache_and_the_heap_within_the_budget() {
        Assumptions.assumeFalse(TestDatabase.isPostgres(), "once is enough: the cache and its budget are the same code on"
                + " both databases, which only render the misses (and this test takes minutes)");
        int urls = Integer.getInteger("khulasa.heap.urls", 100_000);
        try (TestServer server = TestServer.start(dataDir, Map.of("KHULASA_CACHE_MB", String.valueOf(CACHE_MB),
                "KHULASA_METRICS_TOKEN", METRICS_TOKEN))) {
            for (int i = 1; i <= 3; i++) {
                ObjectNode article = Articles.article("خبر رقم " + i);
                article.putArray("tags").add("news");
                server.create(article.toString());
            }
            server.awaitChangesBehindClock(); // the same Last-Modified for a page asked for twice
            List<String> lists = List.of("/", "/category/politics", "/author/nizar-samir", "/tag/news");
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            // Every cursor lists the three articles (all published before it): each a page of its own.
            String before = "?before=2999-01-01T00:00:00Z&before_id=";
            warmUp(http, server, lists, before);
            long heapBefore = retainedHeap();
            long started = System.nanoTime();
            // A few crawlers at once: each page is still asked for once, and two cores stay busy.
            ExecutorService crawlers = Executors.newFixedThreadPool(CRAWLERS);
            CompletionService<Long> crawled = new ExecutorCompletionService<>(crawlers);
            long largest = 0;
            try {
                for (int c = 0; c < CRAWLERS; c++) {
                    int crawler = c;
                    crawled.submit(() -> crawl(http, server, lists, before, crawler, urls));
                }
                for (int c = 0; c < CRAWLERS; c++) {
                    largest = Math.max(largest, next(crawled)); // the first to fail stops the others
                }
            } finally {
                crawlers.shutdownNow();
            }
            long seconds = (System.nanoTime() - started) / 1_000_000_000;
            long heapAfter = retainedHeap();
            System.out.printf("%,d pages in %d s; cache at most %,d bytes of %,d; retained heap %,d → %,d bytes%n",
                    urls, seconds, largest, BUDGET, heapBefore, heapAfter);
            assertTrue(largest > BUDGET / 4, "pages were cached: at most " + largest + " bytes held");
            assertTrue(heapAfter - heapBefore < BUDGET + MARGIN,
                    "the heap grew by " + (heapAfter - heapBefore) + " bytes, budget " + BUDGET + " and margin " + MARGIN);
        }
    }

    /**
     * Pages {@code crawler}, {@code crawler + CRAWLERS}, … of {@code urls}: each a 200; every
     * 1,000th checks the cache's bytes against the budget. The most bytes seen held.
     */
    private static long crawl(HttpClient http, TestServer server, List<String> lists, String before, int crawler, int urls) {
        long largest = 0;
        for (int i = crawler; i < urls; i += CRAWLERS) {
            String path = lists.get(i % lists.size()) + before + (1_000_000 + i);
            HttpResponse<Void> page = send(http, server, path);
            assertEquals(200, page.statusCode(), path);
            if (i % 1_000 == 999) {
                long held = cacheBytes(server);
                largest = Math.max(largest, held);
                assertTrue(held <= BUDGET, "after about " + (i + 1) + " pages the cache holds " + held + " bytes");
                // Asked again, the same validators (cached or rendered anew, the page is the same).
                HttpResponse<Void> again = send(http, server, path);
                assertEquals(page.headers().firstValue("ETag"), again.headers().firstValue("ETag"));
                assertEquals(page.headers().firstValue("Last-Modified"), again.headers().firstValue("Last-Modified"));
            }
        }
        return largest;
    }

    private static long next(CompletionService<Long> crawled) {
        try {
            return crawled.take().get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Error error) {
                throw error; // an assertion of the crawler
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The first loads grow Jetty's pools and compile the code: measured before, not counted. */
    private static void warmUp(HttpClient http, TestServer server, List<String> lists, String before) {
        for (int i = 0; i < 1_000; i++) {
            send(http, server, lists.get(i % lists.size()) + before + (500_000 + i));
        }
    }

    private static HttpResponse<Void> send(HttpClient http, TestServer server, String path) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.local(path)))
                .header("Accept-Encoding", "gzip").timeout(Duration.ofSeconds(30)).build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static long cacheBytes(TestServer server) {
        String metrics = server.get("/metrics", "Authorization", "Bearer " + METRICS_TOKEN).body();
        Matcher m = CACHE_BYTES.matcher(metrics);
        assertTrue(m.find(), "khulasa_cache_bytes is reported");
        return (long) Double.parseDouble(m.group(1));
    }

    /** Heap in use once garbage is collected (a few rounds, as one may leave finalizable objects behind). */
    private static long retainedHeap() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
        }
        return used;
    }
}
