package org.khulasa.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.khulasa.Articles;
import org.khulasa.TestServer;

/**
 * {@code /metrics} as Prometheus reads it: the scrape is parsed by the Python client's own text
 * parser (Debian's python3-prometheus-client), not by anything of ours.
 */
class MetricsEndpointTest {
    private static final String TOKEN = "metrics-test-token";

    /** Prints every sample of the text on standard input as one JSON list; fails on a malformed scrape. */
    private static final String PARSER = """
            import json, sys
            from prometheus_client.parser import text_string_to_metric_families
            out = []
            for family in text_string_to_metric_families(sys.stdin.read()):
                for s in family.samples:
                    out.append({"family": family.name, "type": family.type, "name": s.name, "labels": s.labels, "value": s.value})
            print(json.dumps(out))
            """;

    @TempDir
    Path data;

    @Test
    void metrics_count_polls_writes_and_requests_as_a_prometheus_parser_reads_them() throws Exception {
        try (TestServer server = TestServer.start(data, Map.of("KHULASA_METRICS_TOKEN", TOKEN))) {
            long a = server.create(Articles.article("وزير الخارجية يزور دمشق").toString()).get("id").asLong();
            long b = server.create(Articles.article("وزير الخارجية يلتقي نظيره في دمشق").toString()).get("id").asLong();
            assertEquals(200, server.put("/api/articles/" + b, Articles.article("وزير الخارجية يلتقي نظيره").toString()).statusCode());
            assertEquals(204, server.delete("/api/articles/" + a).statusCode());
            assertEquals(401, server.post("/api/articles", "{}", "Authorization", "Bearer wrong").statusCode());

            // A miss renders; then a 200 and a 304 from the cache.
            HttpResponse<String> first = server.get("/feeds/atom.xml");
            assertEquals(200, first.statusCode());
            assertEquals(200, server.get("/feeds/atom.xml").statusCode());
            String etag = TestServer.header(first, "ETag").orElseThrow();
            assertEquals(304, server.get("/feeds/atom.xml", "If-None-Match", etag).statusCode());
            assertEquals(404, server.get("/no/such/page").statusCode());

            HttpResponse<String> scrape = server.get("/metrics", "Authorization", "Bearer " + TOKEN);
            assertEquals(200, scrape.statusCode(), scrape.body());
            assertTrue(TestServer.header(scrape, "Content-Type").orElseThrow().startsWith("text/plain; version=0.0.4"));
            List<JsonNode> samples = parse(scrape.body());

            assertEquals(1.0, value(samples, "khulasa_feed_polls_total", "result", "miss"));
            assertEquals(1.0, value(samples, "khulasa_feed_polls_total", "result", "cache_hit"));
            assertEquals(1.0, value(samples, "khulasa_feed_polls_total", "result", "not_modified"));
            assertEquals(1.0, value(samples, "khulasa_feed_render_duration_seconds_count"));
            assertEquals(2.0, value(samples, "khulasa_article_writes_total", "kind", "create", "status", "201"));
            assertEquals(1.0, value(samples, "khulasa_article_writes_total", "kind", "create", "status", "401"));
            assertEquals(1.0, value(samples, "khulasa_article_writes_total", "kind", "update", "status", "200"));
            assertEquals(1.0, value(samples, "khulasa_article_writes_total", "kind", "delete", "status", "204"));
            assertEquals(5.0, value(samples, "khulasa_article_write_duration_seconds_count", "kind", "create")
                    + value(samples, "khulasa_article_write_duration_seconds_count", "kind", "update")
                    + value(samples, "khulasa_article_write_duration_seconds_count", "kind", "delete"));
            assertEquals(1.0, value(samples, "khulasa_http_requests_total",
                    "method", "PUT", "route", "/api/articles/{id}", "status", "200"));
            assertEquals(1.0, value(samples, "khulasa_http_requests_total",
                    "method", "GET", "route", "unmatched", "status", "404"));
            // Each write of an article chooses its related list once; the delete chooses again
            // the list that linked to it.
            assertTrue(value(samples, "khulasa_related_match_duration_seconds_count") >= 3);
            // The pool opens its connections (8 at most) in the background: a busy machine may
            // be scraped before the last one is open.
            double connections = value(samples, "khulasa_db_pool_connections", "state", "total");
            assertTrue(connections >= 1 && connections <= 8, "pool connections: " + connections);
            assertTrue(value(samples, "jvm_memory_used_bytes", "area", "heap") > 0);
            assertTrue(samples.stream().anyMatch(s -> s.get("name").asText().equals("jvm_gc_collection_seconds_count")));
        }
    }

    @Test
    void page_views_are_counted_by_result_though_cached_ones_never_reach_the_router() throws Exception {
        try (TestServer server = TestServer.start(data, Map.of("KHULASA_METRICS_TOKEN", TOKEN))) {
            long id = server.create(Articles.article("وزير الخارجية يزور دمشق").toString()).get("id").asLong();
            String page = "/articles/" + id;
            // A miss renders; then a 200 and a 304 from the cache, answered ahead of Javalin.
            HttpResponse<String> first = server.get(page);
            assertEquals(200, first.statusCode());
            assertEquals(200, server.get(page).statusCode());
            String etag = TestServer.header(first, "ETag").orElseThrow();
            assertEquals(304, server.get(page, "If-None-Match", etag).statusCode());
            assertEquals(404, server.get("/articles/999999").statusCode());

            List<JsonNode> samples = parse(server.get("/metrics", "Authorization", "Bearer " + TOKEN).body());
            assertEquals(1.0, value(samples, "khulasa_page_views_total", "result", "miss"));
            assertEquals(1.0, value(samples, "khulasa_page_views_total", "result", "cache_hit"));
            assertEquals(1.0, value(samples, "khulasa_page_views_total", "result", "not_modified"));
            assertEquals(1.0, value(samples, "khulasa_page_render_duration_seconds_count"));
            // Pages are not feed polls.
            assertEquals(0.0, value(samples, "khulasa_feed_polls_total", "result", "cache_hit"));
            assertEquals(0.0, value(samples, "khulasa_feed_polls_total", "result", "not_modified"));
        }
    }

    @Test
    void sitemap_and_robots_requests_are_counted_as_crawlers_reads_not_as_feed_polls() throws Exception {
        try (TestServer server = TestServer.start(data, Map.of("KHULASA_METRICS_TOKEN", TOKEN))) {
            server.create(Articles.article("وزير الخارجية يزور دمشق").toString());
            // Each is rendered once, then answered from the cache: a 200, then a 304.
            for (String path : List.of("/sitemap.xml", "/sitemaps/1.xml", "/news-sitemap.xml", "/robots.txt")) {
                HttpResponse<String> first = server.get(path);
                assertEquals(200, first.statusCode(), path);
                assertEquals(200, server.get(path).statusCode(), path);
                String etag = TestServer.header(first, "ETag").orElseThrow();
                assertEquals(304, server.get(path, "If-None-Match", etag).statusCode(), path);
            }

            List<JsonNode> samples = parse(server.get("/metrics", "Authorization", "Bearer " + TOKEN).body());
            assertEquals(4.0, value(samples, "khulasa_sitemap_requests_total", "result", "miss"));
            assertEquals(4.0, value(samples, "khulasa_sitemap_requests_total", "result", "cache_hit"));
            assertEquals(4.0, value(samples, "khulasa_sitemap_requests_total", "result", "not_modified"));
            assertEquals(4.0, value(samples, "khulasa_sitemap_render_duration_seconds_count"));
            for (String result : List.of("miss", "cache_hit", "not_modified")) {
                assertEquals(0.0, value(samples, "khulasa_feed_polls_total", "result", result), result);
            }
        }
    }

    @Test
    void websub_deliveries_are_counted_by_kind_and_outcome() throws Exception {
        // An external hub that takes every publish ping: each change of a feed is one delivery.
        HttpServer hub = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        hub.createContext("/hub", exchange -> {
            try (exchange) {
                exchange.getRequestBody().readAllBytes();
                exchange.sendResponseHeaders(204, -1);
            }
        });
        hub.start();
        String hubUrl = "http://127.0.0.1:" + hub.getAddress().getPort() + "/hub";
        try (TestServer server = TestServer.start(data, Map.of("KHULASA_METRICS_TOKEN", TOKEN, "KHULASA_WEBSUB_HUBS", hubUrl))) {
            server.create(Articles.article("رياضة", "sports", "omar-khatib").toString());
            // Site, category and author feeds in three formats: nine pings, made off the write's thread.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            double delivered = 0;
            while (delivered < 9 && System.nanoTime() < deadline) {
                Thread.sleep(100);
                List<JsonNode> samples = parse(server.get("/metrics", "Authorization", "Bearer " + TOKEN).body());
                delivered = samples.stream().filter(s -> s.get("name").asText().equals("khulasa_websub_deliveries_total")
                                && s.get("labels").path("kind").asText().equals("publish")
                                && s.get("labels").path("outcome").asText().equals("delivered"))
                        .mapToDouble(s -> s.get("value").asDouble()).sum();
            }
            assertEquals(9.0, delivered, "publish pings counted as delivered");
        } finally {
            hub.stop(0);
        }
    }

    @Test
    void metrics_need_their_own_token() {
        try (TestServer server = TestServer.start(data, Map.of("KHULASA_METRICS_TOKEN", TOKEN))) {
            HttpResponse<String> none = server.get("/metrics");
            assertEquals(401, none.statusCode());
            assertTrue(TestServer.header(none, "Content-Type").orElseThrow().startsWith("application/problem+json"));
            assertEquals("Bearer", TestServer.header(none, "WWW-Authenticate").orElseThrow());
            assertEquals(401, server.get("/metrics", "Authorization", "Bearer " + TestServer.TOKEN).statusCode(),
                    "an editor token is not a metrics token");
            assertEquals(401, server.get("/metrics", "Authorization", "Bearer " + TOKEN + "x").statusCode());
        }
    }

    @Test
    void without_a_metrics_token_there_is_no_metrics_endpoint() {
        try (TestServer server = TestServer.start(data)) {
            assertEquals(404, server.get("/metrics", "Authorization", "Bearer " + TestServer.TOKEN).statusCode());
        }
    }

    /** The value of the one sample named {@code name} with these label pairs (others may differ). */
    private static double value(List<JsonNode> samples, String name, String... labels) {
        List<JsonNode> found = new ArrayList<>();
        for (JsonNode s : samples) {
            boolean match = s.get("name").asText().equals(name);
            for (int i = 0; match && i < labels.length; i += 2) {
                match = labels[i + 1].equals(s.get("labels").path(labels[i]).asText(null));
            }
            if (match) {
                found.add(s);
            }
        }
        assertEquals(1, found.size(), () -> name + " " + List.of(labels) + ": " + found);
        return found.get(0).get("value").asDouble();
    }

    private static List<JsonNode> parse(String scrape) throws IOException, InterruptedException {
        Process python = new ProcessBuilder("/usr/bin/python3", "-c", PARSER).redirectErrorStream(false).start();
        try (var in = python.getOutputStream()) {
            in.write(scrape.getBytes(StandardCharsets.UTF_8));
        }
        byte[] out = python.getInputStream().readAllBytes();
        String err = new String(python.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(python.waitFor(30, TimeUnit.SECONDS), "the parser finished");
        assertEquals(0, python.exitValue(), "the Prometheus parser refused the scrape: " + err);
        List<JsonNode> samples = new ArrayList<>();
        TestServer.parse(new String(out, StandardCharsets.UTF_8)).forEach(samples::add);
        return samples;
    }
}
