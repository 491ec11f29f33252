package org.khulasa.wordpress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.khulasa.TestDatabase;
import org.khulasa.TestServer;
import org.khulasa.bench.WxrGenerator;
import org.khulasa.related.RelatedArticles;
import org.khulasa.storage.RelatedSuggestions;

/**
 * The import chooses related lists in bulk, a page of articles at a time, reusing searches from
 * one article to the next: each list must be the one the editor's write path would choose for
 * that article in the imported archive.
 */
class ImportedRelatedListsTest {

    /** Several write batches and several pages of lists, stories shared across them. */
    private static final int POSTS = 1_200;
    private static final Pattern IMPORTED = Pattern.compile("Imported ([0-9,]+) articles");

    @TempDir
    Path data;

    @Test
    void every_imported_list_is_the_one_the_write_path_chooses_over_the_whole_archive() throws Exception {
        Path export = data.resolve("export.xml");
        try (Writer w = new BufferedWriter(Files.newBufferedWriter(export, StandardCharsets.UTF_8))) {
            WxrGenerator.write(w, POSTS);
        }
        ImportCommand run = ImportCommand.run(data, export);
        assertEquals(0, run.exit(), run.toString());
        Matcher imported = IMPORTED.matcher(run.output());
        assertTrue(imported.find(), run.output());
        int articles = Integer.parseInt(imported.group(1).replace(",", ""));
        assertTrue(articles > 1_000, run.output());

        int withLinks = 0;
        try (TestServer server = TestServer.start(data);
             RelatedSuggestions writePath = new RelatedSuggestions(TestDatabase.urlFor(data), new RelatedArticles(3),
                     Clock.systemUTC())) {
            for (long id = 1; id <= articles; id++) {
                JsonNode article = server.parse(server.get("/api/articles/" + id, "Authorization",
                        "Bearer " + TestServer.TOKEN).body());
                List<Long> stored = new ArrayList<>();
                article.get("related").forEach(r -> stored.add(r.get("id").asLong()));
                assertEquals(writePath.of(id), stored, "related list of article " + id);
                withLinks += stored.isEmpty() ? 0 : 1;
            }
        }
        assertTrue(withLinks > articles * 9 / 10, withLinks + " of " + articles + " articles have related links");
    }
}
