package org.khulasa.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.khulasa.Articles;
import org.khulasa.Main;
import org.khulasa.SampleNewsroom;
import org.khulasa.TestDatabase;
import org.khulasa.TestServer;

/**
 * {@code java -jar khulasa.jar --copy-to jdbc:postgresql:…} moves a live SQLite newsroom into an
 * empty PostgreSQL database, and the site it serves from there is byte for byte the same.
 */
class CopyToPostgresTest {
    private static final String PUBLIC_URL = "https://akhbar.example.org";

    @TempDir
    Path sqliteData;

    @TempDir
    Path postgresData;

    String target;

    @BeforeEach
    void needsPostgres() {
        TestDatabase.requirePostgres();
        target = TestDatabase.urlFor(postgresData);
    }

    @Test
    void a_live_sqlite_newsroom_copied_to_postgresql_serves_the_same_bytes() throws Exception {
        Map<String, byte[]> before;
        List<String> paths;
        try (TestServer sqlite = TestServer.start(sqliteData, Map.of(
                "KHULASA_DB_URL", "jdbc:sqlite:" + sqliteData.resolve("khulasa.db"),
                "KHULASA_BASE_URL", PUBLIC_URL))) {
            SampleNewsroom.loadIfEmpty(sqlite.store, sqlite.archive);
            sqlite.delete("/api/articles/5");
            ObjectNode scheduled = Articles.article("خبر مجدول للغد");
            scheduled.put("published", Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString());
            sqlite.create(scheduled.toString());
            sqlite.post("/api/articles", Articles.withRelated(Articles.article("خبر بمفتاح"), 3, 7).toString(),
                    "Idempotency-Key", "cms-42");
            sqlite.store.endedSessions().end("signed-out-cookie-digest", Instant.now().plus(1, ChronoUnit.HOURS));
            // A topic no later write changes: nothing is pushed to the (unreachable) subscriber.
            sqlite.store.webSub().subscribe("https://reader.example/push/1", "reader.example",
                    PUBLIC_URL + "/feeds/tag/no-such-tag/rss.xml", "secret-1", Instant.now().plus(7, ChronoUnit.DAYS));
            paths = sitePaths(sqlite);
            sqlite.awaitChangesBehindClock(); // Last-Modified is then the stamps themselves, which the copy carries
            before = fetchAll(sqlite, paths);

            // Live: the SQLite server keeps running while the copy reads it.
            Process copy = copyCommand();
            String output = new String(copy.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(copy.waitFor(60, TimeUnit.SECONDS));
            assertEquals(0, copy.exitValue(), output);
            assertTrue(output.contains("articles") && output.contains("26 of 26") && output.contains("Done"), output);
        }

        try (TestServer postgres = TestServer.start(postgresData, Map.of("KHULASA_DB_URL", target, "KHULASA_BASE_URL", PUBLIC_URL))) {
            Map<String, byte[]> after = fetchAll(postgres, paths);
            for (String path : paths) {
                assertArrayEquals(before.get(path), after.get(path), path + " differs after the move");
            }
            // The idempotency key came along: the CMS's retry still gets the first article.
            HttpResponse<String> retry = postgres.post("/api/articles",
                    Articles.withRelated(Articles.article("خبر بمفتاح"), 3, 7).toString(), "Idempotency-Key", "cms-42");
            assertEquals(201, retry.statusCode());
            assertEquals("true", TestServer.header(retry, "Idempotent-Replayed").orElse(""));
            // A desk session signed out on SQLite stays signed out.
            assertTrue(postgres.store.endedSessions().ended("signed-out-cookie-digest"));
            assertFalse(postgres.store.endedSessions().ended("another-cookie-digest"));
            // The WebSub hub's subscriber came along.
            assertEquals(1, postgres.store.webSub().countForHost("reader.example", Instant.now()));
            assertEquals(27, TestServer.parse(retry.body()).get("id").asLong());
            // Ids go on after the largest copied one, and the word index was built on PostgreSQL:
            // a follow-up of article 1 finds it among the copied articles.
            JsonNode first = TestServer.parse(postgres.get("/api/articles/1").body());
            ObjectNode followUp = Articles.article("متابعة: " + first.get("title").asText(),
                    first.get("category").get("slug").asText(), first.get("authors").get(0).get("slug").asText());
            followUp.put("body", first.get("body").asText());
            followUp.set("tags", first.get("tags"));
            JsonNode created = postgres.create(followUp.toString());
            assertEquals(28, created.get("id").asLong());
            assertTrue(created.get("related").findValuesAsText("id").contains("1"), created.get("related").toString());
        }

        Process again = copyCommand();
        String output = new String(again.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(again.waitFor(60, TimeUnit.SECONDS));
        assertEquals(1, again.exitValue(), output);
        assertTrue(output.contains("not empty"), output);
    }

    @Test
    void copying_the_configured_database_into_itself_is_refused() throws Exception {
        ProcessBuilder builder = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "--copy-to", target)
                .redirectErrorStream(true);
        builder.environment().put("KHULASA_DB_URL", target);
        Process copy = builder.start();
        String output = new String(copy.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(copy.waitFor(60, TimeUnit.SECONDS));
        assertEquals(1, copy.exitValue(), output);
        assertTrue(output.contains("the configured database itself"), output);
    }

    /** Every page, article and list the site serves (feeds included once they exist). */
    private static List<String> sitePaths(TestServer server) {
        List<String> paths = new ArrayList<>(List.of("/", "/api/articles?limit=100", "/feeds/rss.xml",
                "/feeds/atom.xml", "/feeds/index.opml"));
        JsonNode all = TestServer.parse(server.get("/api/articles?limit=100",
                "Authorization", "Bearer " + TestServer.TOKEN).body());
        for (JsonNode article : all) {
            paths.add("/articles/" + article.get("id").asLong());
            paths.add("/api/articles/" + article.get("id").asLong());
        }
        server.store.categories(java.time.Instant.now()).forEach(c -> paths.addAll(List.of("/category/" + c.slug(),
                "/feeds/category/" + c.slug() + "/rss.xml", "/feeds/category/" + c.slug() + "/atom.xml")));
        server.store.authors(java.time.Instant.now()).forEach(a -> paths.addAll(List.of("/author/" + a.slug(),
                "/feeds/author/" + a.slug() + "/rss.xml", "/feeds/author/" + a.slug() + "/atom.xml")));
        return paths;
    }

    private static Map<String, byte[]> fetchAll(TestServer server, List<String> paths) {
        Map<String, byte[]> bodies = new LinkedHashMap<>();
        for (String path : paths) {
            HttpResponse<byte[]> r = server.getBytes(path);
            String head = r.statusCode() + " " + r.headers().firstValue("ETag").orElse("")
                    + " " + r.headers().firstValue("Last-Modified").orElse("") + "\n";
            byte[] status = head.getBytes(StandardCharsets.UTF_8);
            byte[] all = new byte[status.length + r.body().length];
            System.arraycopy(status, 0, all, 0, status.length);
            System.arraycopy(r.body(), 0, all, status.length, r.body().length);
            bodies.put(path, all);
        }
        return bodies;
    }

    /** The real command, in its own JVM: {@code Main --copy-to URL} with the SQLite folder configured. */
    private Process copyCommand() throws Exception {
        ProcessBuilder builder = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "--copy-to", target)
                .redirectErrorStream(true);
        builder.environment().remove("KHULASA_DB_URL");
        builder.environment().put("KHULASA_DATA", sqliteData.toString());
        assertTrue(Files.exists(sqliteData.resolve("khulasa.db")));
        return builder.start();
    }
}
