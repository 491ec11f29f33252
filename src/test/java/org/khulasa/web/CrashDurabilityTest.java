package org.khulasa.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.khulasa.Articles;
import org.khulasa.ServerProcess;
import org.khulasa.TestServer;

class CrashDurabilityTest {

    @TempDir
    Path data;

    @Test
    void every_acknowledged_article_survives_a_hard_kill_right_after_a_burst_of_posts() throws Exception {
        Map<Long, JsonNode> acknowledged = new ConcurrentHashMap<>();
        CountDownLatch firstHalf = new CountDownLatch(100);
        Map<String, Integer> otherAnswers = new ConcurrentHashMap<>();
        Path log = data.resolve("server.log");
        try (ServerProcess server = ServerProcess.start(data.resolve("db"), log, Map.of())) {
            HttpClient client = HttpClient.newHttpClient();
            ExecutorService editors = Executors.newFixedThreadPool(4);
            try {
                for (int i = 0; i < 200; i++) {
                    String title = "خبرٌ عاجل رقم " + i + " — الطقس في دمشق ☀️";
                    String json = Articles.article(title, "news", "rana-youssef").toString();
                    editors.submit(() -> {
                        try {
                            HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(server.url("/api/articles")))
                                    .header("Authorization", "Bearer " + TestServer.TOKEN)
                                    .header("Content-Type", "application/json")
                                    .timeout(Duration.ofSeconds(20))
                                    .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build(),
                                    HttpResponse.BodyHandlers.ofString());
                            if (r.statusCode() == 201) {
                                JsonNode article = TestServer.parse(r.body());
                                acknowledged.put(article.get("id").asLong(), article);
                                firstHalf.countDown();
                            } else {
                                otherAnswers.merge(String.valueOf(r.statusCode()), 1, Integer::sum);
                            }
                        } catch (IOException e) {
                            otherAnswers.merge(e.getClass().getSimpleName(), 1, Integer::sum);
                        }
                        return null;
                    });
                }
                // Kill as soon as the first half is acknowledged: the rest is in flight.
                assertTrue(firstHalf.await(60, TimeUnit.SECONDS), "only " + acknowledged.size()
                        + " posts acknowledged within 60 s; other answers: " + otherAnswers);
                server.kill();
            } finally {
                editors.shutdownNow();
                editors.awaitTermination(30, TimeUnit.SECONDS);
            }
        }

        assertTrue(acknowledged.size() >= 100, "the burst was acknowledged before the kill");
        try (TestServer restarted = TestServer.start(data.resolve("db"))) {
            for (JsonNode expected : acknowledged.values()) {
                HttpResponse<String> r = restarted.get("/api/articles/" + expected.get("id").asLong());
                assertEquals(200, r.statusCode(), "article " + expected.get("id") + " survived the kill");
                JsonNode actual = TestServer.parse(r.body());
                for (String field : List.of("title", "summary", "body", "category", "author", "published", "updated", "tags")) {
                    assertEquals(expected.get(field), actual.get(field), field + " of article " + expected.get("id"));
                }
            }
            // Nothing half-written: every stored article is complete.
            JsonNode all = TestServer.parse(restarted.get("/api/articles?limit=100",
                    "Authorization", "Bearer " + TestServer.TOKEN).body());
            for (JsonNode a : all) {
                assertTrue(a.get("title").asText().startsWith("خبرٌ عاجل رقم "), "whole title");
                assertEquals("news", a.get("category").get("slug").asText());
                assertEquals(1, a.get("tags").size());
            }
        }
    }
}
