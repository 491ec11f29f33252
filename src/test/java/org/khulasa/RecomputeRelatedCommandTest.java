package org.khulasa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
        Path log = data.resolve("recompute.log");
        ProcessBuilder process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "--recompute-related")
                .redirectErrorStream(true).redirectOutput(log.toFile());
        process.environment().put("KHULASA_DATA", data.toString());
        TestDatabase.serverUrlFor(data).ifPresent(url -> process.environment().put("KHULASA_DB_URL", url));
        Process running = process.start();

        assertTrue(running.waitFor(60, TimeUnit.SECONDS), "the command finishes");
        String output = Files.readString(log);
        assertEquals(0, running.exitValue(), output);
        assertTrue(output.contains("indexing words: 4/4"), output);
        assertTrue(output.contains("choosing related articles: 4/4 (100%)"), output);
        try (TestServer server = TestServer.start(data)) {
            JsonNode related = server.parse(server.get("/api/articles/" + first).body()).get("related");
            assertEquals(3, related.size(), related.toString());
            related.forEach(r -> assertTrue(List.of(STORY).contains(r.get("title").asText())));
        }
    }
}
