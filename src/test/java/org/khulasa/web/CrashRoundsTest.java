package org.khulasa.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Assumptions;
import org.khulasa.Articles;
import org.khulasa.TestDatabase;
import org.khulasa.ServerProcess;
import org.khulasa.TestServer;

/**
 * Ten rounds of: start the real server on the same data, check everything so far, then four
 * editors create and update articles until a SIGKILL at a random moment. Every article carries
 * one marker in every field, so a half-written one shows as fields that disagree.
 */
@Tag("slow")
class CrashRoundsTest {
    private static final long SEED = 7_2026L;
    private static final int ROUNDS = 10;

    @TempDir
    Path data;

    /** Every version the server acknowledged, per article: the latest must be what is stored. */
    private final Map<Long, String> acknowledged = new ConcurrentHashMap<>();
    /** Versions sent but not answered when the server died: each may or may not have been stored. */
    private final Map<Long, Set<String>> inFlight = new ConcurrentHashMap<>();
    private final Set<String> createsInFlight = ConcurrentHashMap.newKeySet();

    @Test
    void ten_hard_kills_during_bursts_of_writes_lose_no_acknowledged_article_and_leave_none_half_written() throws Exception {
        Assumptions.assumeFalse(TestDatabase.isPostgres(), "SQLite only: it checks the SQLite file after each kill (integrity_check, WAL); PostgreSQL keeps its own durability");
        Random random = new Random(SEED);
        Path db = data.resolve("db");
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        for (int round = 0; round < ROUNDS; round++) {
            try (ServerProcess server = ServerProcess.start(db, data.resolve("server.log"), Map.of())) {
                verify(server, client, "before round " + round);
                burst(server, client, random, round);
            }
        }
        try (ServerProcess server = ServerProcess.start(db, data.resolve("server.log"), Map.of())) {
            verify(server, client, "after the last round");
            server.terminate(Duration.ofSeconds(20));
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db.resolve("khulasa.db"));
             ResultSet integrity = c.createStatement().executeQuery("PRAGMA integrity_check")) {
            integrity.next();
            assertEquals("ok", integrity.getString(1));
            ResultSet migrations = c.createStatement().executeQuery("SELECT COUNT(*), COUNT(DISTINCT version) FROM schema_migrations");
            migrations.next();
            assertEquals(migrations.getInt(2), migrations.getInt(1), "each migration recorded once after " + (ROUNDS + 1) + " starts");
        }
        assertTrue(acknowledged.size() >= ROUNDS, "writes were acknowledged: " + acknowledged.size());
    }

    private void burst(ServerProcess server, HttpClient client, Random random, int round) throws Exception {
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger sequence = new AtomicInteger();
        CountDownLatch firstAcknowledged = new CountDownLatch(1);
        ExecutorService editors = Executors.newFixedThreadPool(4);
        List<Long> updatable = new ArrayList<>(acknowledged.keySet());
        for (int e = 0; e < 4; e++) {
            Random mine = new Random(random.nextLong());
            editors.submit(() -> {
                while (running.get()) {
                    String marker = "r" + round + "n" + sequence.incrementAndGet();
                    boolean update = !updatable.isEmpty() && mine.nextInt(3) == 0;
                    long target = update ? updatable.get(mine.nextInt(updatable.size())) : -1;
                    String json = draft(marker).toString();
                    try {
                        if (update) {
                            inFlight.computeIfAbsent(target, k -> ConcurrentHashMap.newKeySet()).add(marker);
                            HttpResponse<String> r = send(client, server, "PUT", "/api/articles/" + target, json);
                            if (r.statusCode() == 200) {
                                acknowledged.put(target, marker);
                                firstAcknowledged.countDown();
                            }
                        } else {
                            createsInFlight.add(marker);
                            HttpResponse<String> r = send(client, server, "POST", "/api/articles", json);
                            if (r.statusCode() == 201) {
                                acknowledged.put(TestServer.parse(r.body()).get("id").asLong(), marker);
                                firstAcknowledged.countDown();
                            }
                        }
                    } catch (Exception dead) {
                        return null;
                    }
                }
                return null;
            });
        }
        // The kill comes while writes are going on: once this round's first write is acknowledged
        // (a fresh server on a busy machine may take seconds to answer one), at a random moment.
        assertTrue(firstAcknowledged.await(60, TimeUnit.SECONDS), "a write was acknowledged in round " + round);
        Thread.sleep(300 + random.nextInt(1500));
        server.kill();
        running.set(false);
        editors.shutdown();
        assertTrue(editors.awaitTermination(60, TimeUnit.SECONDS));
    }

    private void verify(ServerProcess server, HttpClient client, String when) throws Exception {
        long maxId = acknowledged.keySet().stream().mapToLong(Long::longValue).max().orElse(0) + 50;
        for (long id = 1; id <= maxId; id++) {
            HttpResponse<String> r = send(client, server, "GET", "/api/articles/" + id, null);
            String expected = acknowledged.get(id);
            if (r.statusCode() == 404) {
                assertTrue(expected == null, "article " + id + " (" + expected + ") was acknowledged but is gone " + when);
                continue;
            }
            assertEquals(200, r.statusCode(), r.body());
            String marker = wholeMarker(TestServer.parse(r.body()), when);
            if (expected == null) {
                assertTrue(createsInFlight.contains(marker), "article " + id + " is one that was sent: " + marker);
                acknowledged.put(id, marker); // stored, so from now on it must stay
            } else if (!marker.equals(expected)) {
                assertTrue(inFlight.getOrDefault(id, Set.of()).contains(marker),
                        "article " + id + " holds " + marker + ", neither the acknowledged " + expected + " nor one in flight " + when);
                acknowledged.put(id, marker);
            }
        }
    }

    /** The marker shared by every field; fails when fields disagree (a half-written article). */
    private static String wholeMarker(JsonNode a, String when) {
        String marker = a.get("title").asText().replaceAll(".* ", "");
        String id = "article " + a.get("id") + " " + when;
        assertEquals("ملخص " + marker, a.get("summary").asText(), id);
        assertEquals("<p>نص " + marker + "</p>", a.get("body").asText(), id);
        // (category and author names are shared, renamed by later posts: not the article's own)
        assertEquals("cat-" + marker.length() % 3, a.get("category").get("slug").asText(), id);
        assertEquals(List.of("وسم " + marker, "ثان " + marker), List.of(a.get("tags").get(0).asText(), a.get("tags").get(1).asText()), id);
        assertEquals("صورة " + marker, a.get("image").get("caption").asText(), id);
        assertEquals("https://example.com/" + marker + ".jpg", a.get("image").get("url").asText(), id);
        return marker;
    }

    private static ObjectNode draft(String marker) {
        ObjectNode a = Articles.article("خبر عاجل " + marker, "cat-" + marker.length() % 3, "editor-" + marker.length() % 2);
        a.put("summary", "ملخص " + marker);
        a.put("body", "<p>نص " + marker + "</p>");
        a.putObject("category").put("slug", "cat-" + marker.length() % 3).put("name", "قسم " + marker);
        a.putArray("tags").add("وسم " + marker).add("ثان " + marker);
        a.putObject("image").put("url", "https://example.com/" + marker + ".jpg").put("caption", "صورة " + marker);
        return a;
    }

    private static HttpResponse<String> send(HttpClient client, ServerProcess server, String method, String path, String json)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.url(path))).timeout(Duration.ofSeconds(20))
                .header("Authorization", "Bearer " + TestServer.TOKEN);
        if (json != null) {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
