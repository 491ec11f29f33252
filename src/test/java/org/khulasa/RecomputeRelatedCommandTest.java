package org.khulasa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code java -jar khulasa.jar --recompute-related}, run as its own process over a real database. */
class RecomputeRelatedCommandTest {

    private static final String[] STORY = {
        "النسور يتوج بكأس الجمهورية بعد فوز مثير على الفجر",
        "عمر الخطيب نجم نهائي كأس الجمهورية يهدي اللقب لجماهير النسور",
        "مدرب الفجر: الطرد غيّر مجرى نهائي كأس الجمهورية أمام النسور",
        "جماهير النسور تحتفل بلقب كأس الجمهورية بعد الفوز على الفجر",
    };

    @TempDir
    Path data;

    @Test
    void the_command_shows_its_progress_and_gives_the_first_article_of_a_story_its_follow_ups() throws Exception {
        long first;
        try (TestServer server = TestServer.start(data)) {
            first = server.create(Articles.article(STORY[0], "sports", "omar").toString()).get("id").asLong();
            for (int i = 1; i < STORY.length; i++) {
                server.create(Articles.article(STORY[i], "sports", "omar").toString());
            }
            assertEquals(0, server.parse(server.get("/api/articles/" + first).body()).get("related").size());
        }
        String output = recompute();
        assertTrue(output.contains("indexing words: 4/4"), output);
        assertTrue(output.contains("choosing related articles: 4/4 (100%)"), output);
        try (TestServer server = TestServer.start(data)) {
            JsonNode related = server.parse(server.get("/api/articles/" + first).body()).get("related");
            assertEquals(3, related.size(), related.toString());
            related.forEach(r -> assertTrue(List.of(STORY).contains(r.get("title").asText())));
        }
    }

    @Test
    void lists_chosen_while_the_server_runs_move_the_feeds_showing_them_and_nothing_when_they_stay() throws Exception {
        try (TestServer server = TestServer.start(data)) {
            for (String title : STORY) {
                server.create(Articles.article(title, "sports", "omar").toString());
            }
            server.awaitChangesBehindClock();
            Map<String, HttpResponse<String>> before = fetch(server);
            before.forEach((feed, answer) -> assertEquals(304, server.get(feed, "If-Modified-Since",
                    TestServer.header(answer, "Last-Modified").orElseThrow()).statusCode(), feed));

            recompute();

            // The server hears of another process's write within half a second.
            Map<String, HttpResponse<String>> after = fetch(server);
            for (int i = 0; i < 100 && after.get(FEEDS.get(0)).body().equals(before.get(FEEDS.get(0)).body()); i++) {
                Thread.sleep(100);
                after = fetch(server);
            }
            for (String feed : FEEDS) {
                assertNotEquals(before.get(feed).body(), after.get(feed).body(), feed + ": the first article now links its follow-ups");
                HttpResponse<String> since = server.get(feed, "If-Modified-Since",
                        TestServer.header(before.get(feed), "Last-Modified").orElseThrow());
                assertEquals(200, since.statusCode(), feed + " after the lists were chosen");
                assertEquals(after.get(feed).body(), since.body(), feed);
                assertEquals(200, server.get(feed, "If-None-Match", TestServer.header(before.get(feed), "ETag").orElseThrow())
                        .statusCode(), feed);
            }

            // Chosen again the same, they move nothing: pollers keep their 304s.
            server.awaitChangesBehindClock();
            Map<String, HttpResponse<String>> settled = fetch(server);
            recompute();
            Thread.sleep(1500); // three times the server's watch for other processes' writes
            settled.forEach((feed, answer) -> {
                assertEquals(answer.body(), server.get(feed).body(), feed);
                assertEquals(304, server.get(feed, "If-Modified-Since",
                        TestServer.header(answer, "Last-Modified").orElseThrow()).statusCode(), feed);
            });
        }
    }

    private static final List<String> FEEDS = List.of("/feeds/atom.xml", "/feeds/rss.xml",
            "/feeds/category/sports/atom.xml", "/feeds/author/omar/rss.xml");

    private static Map<String, HttpResponse<String>> fetch(TestServer server) {
        Map<String, HttpResponse<String>> answers = new LinkedHashMap<>();
        FEEDS.forEach(feed -> answers.put(feed, server.get(feed)));
        return answers;
    }

    /** Runs the command in a process of its own; its output. */
    private String recompute() throws Exception {
        CommandProcess run = CommandProcess.run(data, List.of(), "--recompute-related");
        assertEquals(0, run.exit(), run.toString());
        return run.output();
    }
}
