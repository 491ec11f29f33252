package org.khulasa.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Assumptions;
import org.khulasa.Articles;
import org.khulasa.TestDatabase;
import org.khulasa.Main;
import org.khulasa.ServerProcess;
import org.khulasa.TestServer;

/**
 * {@code java -jar khulasa.jar --backup FILE} against the data folder of a running server, while
 * an editor keeps posting: the copy is sound, and a server restored from it has every article
 * acknowledged before the backup began, exactly.
 */
class BackupTest {

    @TempDir
    Path temp;

    @Test
    void a_backup_taken_while_the_server_writes_restores_every_article() throws Exception {
        Assumptions.assumeFalse(TestDatabase.isPostgres(), "SQLite only: --backup copies SQLite databases; PostgreSQL is backed up with its own tools");
        Path data = temp.resolve("data");
        Path copy = temp.resolve("backups/khulasa-copy.db");
        Files.createDirectories(copy.getParent());
        Map<Long, JsonNode> beforeBackup = new ConcurrentHashMap<>();
        try (ServerProcess server = ServerProcess.start(data, temp.resolve("server.log"), Map.of())) {
            HttpClient client = HttpClient.newHttpClient();
            for (int i = 0; i < 40; i++) {
                JsonNode a = post(client, server, "خبر قبل النسخة " + i);
                beforeBackup.put(a.get("id").asLong(), a);
            }
            // An editor keeps writing through the backup.
            AtomicBoolean writing = new AtomicBoolean(true);
            Thread editor = new Thread(() -> {
                for (int i = 0; writing.get(); i++) {
                    try {
                        post(client, server, "خبر أثناء النسخ " + i);
                    } catch (Exception e) {
                        return;
                    }
                }
            });
            editor.start();
            ProcessBuilder command = new ProcessBuilder(javaBin(), "-cp", System.getProperty("java.class.path"),
                    Main.class.getName(), "--backup", copy.toString())
                    .redirectErrorStream(true).redirectOutput(temp.resolve("backup.log").toFile());
            command.environment().put("KHULASA_DATA", data.toString());
            Process backup = command.start();
            assertTrue(backup.waitFor(60, TimeUnit.SECONDS), "the backup finished");
            writing.set(false);
            editor.join();
            assertEquals(0, backup.exitValue(), Files.readString(temp.resolve("backup.log")));
            assertEquals(200, client.send(HttpRequest.newBuilder(URI.create(server.url("/health"))).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode(), "the server ran on");
        }

        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + copy);
             ResultSet integrity = c.createStatement().executeQuery("PRAGMA integrity_check")) {
            integrity.next();
            assertEquals("ok", integrity.getString(1));
        }
        // Restore: the copy becomes the data folder's database.
        Path restored = temp.resolve("restored");
        Files.createDirectories(restored);
        Files.copy(copy, restored.resolve("khulasa.db"));
        try (TestServer server = TestServer.start(restored)) {
            for (JsonNode expected : beforeBackup.values()) {
                HttpResponse<String> r = server.get("/api/articles/" + expected.get("id").asLong());
                assertEquals(200, r.statusCode());
                JsonNode actual = TestServer.parse(r.body());
                for (String field : List.of("title", "summary", "body", "category", "author", "published", "updated", "tags")) {
                    assertEquals(expected.get(field), actual.get(field), field + " of article " + expected.get("id"));
                }
            }
            assertEquals(201, server.post("/api/articles", Articles.article("بعد الاستعادة").toString()).statusCode(),
                    "the restored database takes writes");
        }
    }

    /** The backup process reads the same environment as the server: its data folder. */
    private static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static JsonNode post(HttpClient client, ServerProcess server, String title) throws Exception {
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(server.url("/api/articles")))
                .header("Authorization", "Bearer " + TestServer.TOKEN).header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(20))
                .POST(HttpRequest.BodyPublishers.ofString(Articles.article(title).toString(), StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertEquals(201, r.statusCode(), r.body());
        return TestServer.parse(r.body());
    }
}
