package org.khulasa.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.rometools.rome.io.SyndFeedInput;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Assumptions;
import org.khulasa.Articles;
import org.khulasa.TestDatabase;
import org.khulasa.TestServer;

/**
 * The data folder on a 3 MB tmpfs, filled by posts: writes that can't be stored get 503
 * problem+json, reads and feeds keep working, the database stays sound, and writes succeed again
 * once space is freed. Needs root (mount); skipped where mounting is not permitted.
 */
@Tag("slow")
class DiskFullTest {

    @TempDir
    Path temp;

    private Path mount;

    @Test
    void a_full_disk_refuses_writes_with_503_keeps_reads_working_and_recovers_when_space_is_freed() throws Exception {
        Assumptions.assumeFalse(TestDatabase.isPostgres(), "SQLite only: it fills the SQLite data folder; PostgreSQL keeps its data elsewhere");
        mount = temp.resolve("disk");
        Files.createDirectories(mount);
        mountTmpfs(mount, "3m");
        // Ballast to free later: the way an operator would make room.
        Path ballast = mount.resolve("ballast");
        Files.write(ballast, new byte[512 * 1024]);
        Path data = mount.resolve("data");

        List<Long> stored = new ArrayList<>();
        try (TestServer server = TestServer.start(data)) {
            int refused = 0;
            for (int i = 0; refused < 3 && i < 1_000; i++) {
                HttpResponse<String> r = server.post("/api/articles", bigArticle("خبر يملأ القرص " + i).toString());
                if (r.statusCode() == 201) {
                    stored.add(TestServer.parse(r.body()).get("id").asLong());
                    refused = 0;
                } else {
                    assertEquals(503, r.statusCode(), "a write the disk can't hold: " + r.body());
                    assertTrue(TestServer.header(r, "Content-Type").orElse("").startsWith("application/problem+json"));
                    assertTrue(TestServer.header(r, "Retry-After").isPresent());
                    assertTrue(!r.body().contains("SQLITE") && !r.body().contains("Exception"), r.body());
                    refused++;
                }
            }
            assertEquals(3, refused, "the disk filled up");
            // In WAL mode every write is appended to the log first: that is what ran into the wall.
            assertTrue(Files.size(data.resolve("khulasa.db-wal")) > 0, "the write-ahead log grew on the full disk");
            assertTrue(stored.size() > 5, "some articles fitted: " + stored.size());

            // An update and a delete can't be stored either, and change nothing.
            long first = stored.get(0);
            String before = server.get("/api/articles/" + first).body();
            int update = server.put("/api/articles/" + first, bigArticle("تعديل لا يتسع").toString()).statusCode();
            assertTrue(update == 503 || update == 200, "update on a full disk: " + update);
            if (update == 503) {
                assertEquals(before, server.get("/api/articles/" + first).body());
            }

            // Reads keep working.
            for (long id : stored) {
                assertEquals(200, server.get("/api/articles/" + id).statusCode(), "article " + id + " readable");
            }
            assertEquals(200, server.get("/health").statusCode());
            HttpResponse<String> feed = server.get("/feeds/rss.xml");
            assertEquals(200, feed.statusCode());
            new SyndFeedInput().build(new StringReader(feed.body()));

            // Room again: writes work.
            Files.delete(ballast);
            HttpResponse<String> again = server.post("/api/articles", Articles.article("بعد تحرير المساحة").toString());
            assertEquals(201, again.statusCode(), again.body());
            stored.add(TestServer.parse(again.body()).get("id").asLong());
        }

        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("khulasa.db"));
             ResultSet integrity = c.createStatement().executeQuery("PRAGMA integrity_check")) {
            integrity.next();
            assertEquals("ok", integrity.getString(1), "no corruption");
        }
        try (TestServer restarted = TestServer.start(data)) {
            for (long id : stored) {
                assertEquals(200, restarted.get("/api/articles/" + id).statusCode(), "article " + id + " after restart");
            }
        }
    }

    private static ObjectNode bigArticle(String title) {
        ObjectNode a = Articles.article(title);
        a.put("body", "<p>" + "نص طويل يملأ القرص. ".repeat(1_500) + "</p>");
        return a;
    }

    private static void mountTmpfs(Path where, String size) throws Exception {
        Process p;
        try {
            p = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=" + size, "tmpfs", where.toString())
                    .redirectErrorStream(true).start();
        } catch (java.io.IOException e) {
            Assumptions.abort("no mount command: " + e.getMessage());
            return;
        }
        String output = new String(p.getInputStream().readAllBytes());
        p.waitFor(30, TimeUnit.SECONDS);
        Assumptions.assumeTrue(p.exitValue() == 0, "mounting a tmpfs is not permitted here: " + output.strip());
    }

    @AfterEach
    void unmount() throws Exception {
        if (mount != null) {
            new ProcessBuilder("umount", mount.toString()).inheritIO().start().waitFor(30, TimeUnit.SECONDS);
        }
    }
}
