package org.khulasa.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.rometools.rome.io.SyndFeedInput;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPInputStream;
import org.jsoup.Jsoup;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.khulasa.Articles;
import org.khulasa.ServerProcess;
import org.khulasa.TestServer;

/**
 * A news peak against the real server (its own JVM) on 127.0.0.1: 64 pollers fetch every feed of
 * the OPML list over and over (half of them with If-None-Match and gzip, as aggregators do) while
 * 4 editors create and update articles, for {@code -Dkhulasa.load.seconds} (60 by default). No
 * 5xx, no failed connection, every acknowledged write readable afterwards, every feed still parses.
 * Throughput and latency percentiles are printed and written to {@code target/load-results.txt}.
 */
@Tag("slow")
class LoadTest {
    private static final int POLLERS = 64;
    private static final int EDITORS = 4;

    @TempDir
    Path temp;

    private final AtomicLong serverErrors = new AtomicLong();
    private final AtomicLong failedConnections = new AtomicLong();
    private final Map<String, AtomicLong> statuses = new ConcurrentHashMap<>();
    private final List<String> problems = java.util.Collections.synchronizedList(new ArrayList<>());

    @Test
    void sixty_four_pollers_and_four_editors_get_no_5xx_and_lose_nothing() throws Exception {
        Duration duration = Duration.ofSeconds(Long.getLong("khulasa.load.seconds", 60));
        try (ServerProcess server = ServerProcess.start(temp.resolve("data"), temp.resolve("server.log"), Map.of(), "--sample")) {
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
            List<String> feeds = feedsOf(client, server);
            assertTrue(feeds.size() >= 10, "the OPML lists the feeds: " + feeds);

            long deadline = System.nanoTime() + duration.toNanos();
            ExecutorService pool = Executors.newFixedThreadPool(POLLERS + EDITORS);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<long[]>> pollers = new ArrayList<>();
            for (int p = 0; p < POLLERS; p++) {
                int poller = p;
                pollers.add(pool.submit(() -> poll(client, server, feeds, poller, poller >= POLLERS / 2, start, deadline)));
            }
            List<Future<Map<Long, String>>> editors = new ArrayList<>();
            for (int e = 0; e < EDITORS; e++) {
                int editor = e;
                editors.add(pool.submit(() -> edit(client, server, editor, start, deadline)));
            }
            long began = System.nanoTime();
            start.countDown();
            List<long[]> latencies = new ArrayList<>();
            for (Future<long[]> f : pollers) {
                latencies.add(f.get(duration.toSeconds() + 120, TimeUnit.SECONDS));
            }
            Map<Long, String> acknowledged = new HashMap<>();
            long writes = 0;
            for (Future<Map<Long, String>> f : editors) {
                Map<Long, String> mine = f.get(120, TimeUnit.SECONDS);
                acknowledged.putAll(mine);
            }
            writes = statuses.entrySet().stream().filter(s -> s.getKey().startsWith("write "))
                    .mapToLong(s -> s.getValue().get()).sum();
            double seconds = (System.nanoTime() - began) / 1e9;
            pool.shutdown();

            long[] all = latencies.stream().flatMapToLong(Arrays::stream).sorted().toArray();
            String report = String.format(java.util.Locale.ROOT,
                    "load: %d s, %d pollers on %d feeds (half conditional+gzip), %d editors%n"
                            + "feed requests: %d (%.0f/s), latency p50 %.1f ms, p99 %.1f ms, max %.1f ms%n"
                            + "writes: %d (%.1f/s), acknowledged articles: %d%n"
                            + "statuses: %s; 5xx: %d; failed connections: %d%n",
                    duration.toSeconds(), POLLERS, feeds.size(), EDITORS,
                    all.length, all.length / seconds, percentile(all, 50), percentile(all, 99), percentile(all, 100),
                    writes, writes / seconds, acknowledged.size(), new java.util.TreeMap<>(statuses), serverErrors.get(),
                    failedConnections.get());
            System.out.print(report);
            Files.writeString(Path.of("target", "load-results.txt"), report);
            Files.copy(temp.resolve("server.log"), Path.of("target", "load-server.log"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);

            assertEquals(0, serverErrors.get(), "5xx answers: " + problems);
            assertEquals(0, failedConnections.get(), "failed connections: " + problems);
            assertTrue(problems.isEmpty(), String.join("\n", problems.subList(0, Math.min(20, problems.size()))));
            assertTrue(!acknowledged.isEmpty(), "the editors wrote");

            // Afterwards: every acknowledged write readable, every feed parses.
            for (Map.Entry<Long, String> w : acknowledged.entrySet()) {
                HttpResponse<String> r = client.send(get(server, "/api/articles/" + w.getKey()).build(),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                assertEquals(200, r.statusCode(), "article " + w.getKey());
                assertEquals(w.getValue(), TestServer.parse(r.body()).get("title").asText(), "article " + w.getKey());
            }
            for (String feed : feedsOf(client, server)) {
                HttpResponse<byte[]> r = client.send(get(server, feed).build(), HttpResponse.BodyHandlers.ofByteArray());
                assertEquals(200, r.statusCode(), feed);
                parse(feed, r.body());
            }
        }
    }

    private long[] poll(HttpClient client, ServerProcess server, List<String> feeds, int poller, boolean conditional,
                        CountDownLatch start, long deadline) throws InterruptedException {
        start.await();
        Map<String, String> etags = new HashMap<>();
        long[] latencies = new long[1024];
        int n = 0;
        for (int i = poller; System.nanoTime() < deadline; i++) {
            String feed = feeds.get(i % feeds.size());
            HttpRequest.Builder request = get(server, feed);
            if (conditional) {
                request.header("Accept-Encoding", "gzip");
                if (etags.containsKey(feed)) {
                    request.header("If-None-Match", etags.get(feed));
                }
            }
            long t0 = System.nanoTime();
            HttpResponse<byte[]> r;
            try {
                r = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            } catch (IOException e) {
                failedConnections.incrementAndGet();
                problems.add(feed + ": " + e);
                continue;
            }
            if (n == latencies.length) {
                latencies = Arrays.copyOf(latencies, n * 2);
            }
            latencies[n++] = System.nanoTime() - t0;
            count("feed " + r.statusCode());
            if (r.statusCode() >= 500) {
                serverErrors.incrementAndGet();
                problems.add(feed + ": " + r.statusCode());
            } else if (r.statusCode() == 200) {
                r.headers().firstValue("ETag").ifPresent(tag -> etags.put(feed, tag));
                if (i % 50 == 0) {
                    checkWellFormed(feed, r);
                }
            } else if (r.statusCode() != 304) {
                problems.add(feed + ": " + r.statusCode());
            }
        }
        return Arrays.copyOf(latencies, n);
    }

    private Map<Long, String> edit(HttpClient client, ServerProcess server, int editor, CountDownLatch start, long deadline)
            throws InterruptedException {
        start.await();
        Random random = new Random(editor);
        String[] categories = {"politics", "economy", "sports", "culture"};
        Map<Long, String> mine = new HashMap<>();
        List<Long> ids = new ArrayList<>();
        for (int i = 0; System.nanoTime() < deadline; i++) {
            boolean update = !ids.isEmpty() && random.nextInt(3) == 0;
            long id = update ? ids.get(random.nextInt(ids.size())) : 0;
            String title = "محرر " + editor + " خبر عاجل " + i + (update ? " (محدث)" : "");
            String json = Articles.article(title, categories[random.nextInt(categories.length)], "editor-" + editor).toString();
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.url(update ? "/api/articles/" + id : "/api/articles")))
                    .timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + TestServer.TOKEN).header("Content-Type", "application/json");
            if (update) {
                request.PUT(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
            } else {
                request.header("Idempotency-Key", "editor-" + editor + "-" + i)
                        .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
            }
            HttpResponse<String> r;
            try {
                r = client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (IOException e) {
                failedConnections.incrementAndGet();
                problems.add("write: " + e);
                continue;
            }
            count("write " + r.statusCode());
            if (r.statusCode() >= 500) {
                serverErrors.incrementAndGet();
                problems.add("write: " + r.statusCode() + " " + r.body());
            } else if (r.statusCode() == 201 || r.statusCode() == 200) {
                JsonNode a = TestServer.parse(r.body());
                mine.put(a.get("id").asLong(), title);
                if (!update) {
                    ids.add(a.get("id").asLong());
                }
            } else {
                problems.add("write: " + r.statusCode() + " " + r.body());
            }
        }
        return mine;
    }

    private void checkWellFormed(String feed, HttpResponse<byte[]> r) {
        try {
            byte[] body = r.body();
            if (r.headers().firstValue("Content-Encoding").orElse("").equals("gzip")) {
                body = new GZIPInputStream(new ByteArrayInputStream(body)).readAllBytes();
            }
            parse(feed, body);
        } catch (Exception e) {
            problems.add(feed + " does not parse: " + e);
        }
    }

    /** JSON Feed documents as JSON, the XML feeds with Rome. */
    private static void parse(String feed, byte[] body) throws Exception {
        if (feed.endsWith(".json")) {
            new com.fasterxml.jackson.databind.ObjectMapper().readTree(body).get("items").size();
        } else {
            new SyndFeedInput().build(new InputStreamReader(new ByteArrayInputStream(body), StandardCharsets.UTF_8));
        }
    }

    private void count(String key) {
        statuses.computeIfAbsent(key, k -> new AtomicLong()).incrementAndGet();
    }

    private static List<String> feedsOf(HttpClient client, ServerProcess server) throws Exception {
        HttpResponse<String> opml = client.send(get(server, "/feeds/index.opml").build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertEquals(200, opml.statusCode());
        List<String> feeds = new ArrayList<>();
        for (var outline : Jsoup.parse(opml.body(), "", Parser.xmlParser()).select("outline[xmlUrl]")) {
            feeds.add(URI.create(outline.attr("xmlUrl")).getPath());
        }
        return feeds;
    }

    private static HttpRequest.Builder get(ServerProcess server, String path) {
        return HttpRequest.newBuilder(URI.create(server.url(path))).timeout(Duration.ofSeconds(30)).GET();
    }

    private static double percentile(long[] sorted, int p) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }
}
