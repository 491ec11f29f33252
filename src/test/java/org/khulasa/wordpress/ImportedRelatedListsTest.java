package org.khulasa.wordpress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.khulasa.CommandProcess;
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
        CommandProcess run = ImportCommand.run(data, export);
        assertEquals(0, run.exit(), run.toString());
        Matcher imported = IMPORTED.matcher(run.output());
        assertTrue(imported.find(), run.output());
        int articles = Integer.parseInt(imported.group(1).replace(",", ""));
        assertTrue(articles > 1_000, run.output());

        int withLinks = 0;
        Map<Long, List<Long>> lists = new HashMap<>();
        try (TestServer server = TestServer.start(data);
             RelatedSuggestions writePath = new RelatedSuggestions(TestDatabase.urlFor(data), new RelatedArticles(3),
                     Clock.systemUTC())) {
            for (long id = 1; id <= articles; id++) {
                List<Long> stored = relatedIds(server, id);
                assertEquals(writePath.of(id), stored, "related list of article " + id);
                lists.put(id, stored);
                withLinks += stored.isEmpty() ? 0 : 1;
            }
        }
        assertTrue(withLinks > articles * 9 / 10, withLinks + " of " + articles + " articles have related links");

        // The words are counted once at the end of the import, not per batch: the counts must be
        // those of a recount from nothing, and the lists the ones a full recompute chooses.
        Map<String, Long> counted = termCounts();
        assertTrue(counted.size() > 1_000, counted.size() + " terms counted");
        CommandProcess recompute = ImportCommand.command(data, "--recompute-related");
        assertEquals(0, recompute.exit(), recompute.toString());
        assertEquals(counted, termCounts(), "term counts after a full recount");
        try (TestServer server = TestServer.start(data)) {
            for (long id = 1; id <= articles; id++) {
                assertEquals(lists.get(id), relatedIds(server, id), "related list of article " + id + " after a recompute");
            }
        }
    }

    private static List<Long> relatedIds(TestServer server, long id) throws Exception {
        JsonNode article = server.parse(server.get("/api/articles/" + id, "Authorization",
                "Bearer " + TestServer.TOKEN).body());
        List<Long> ids = new ArrayList<>();
        article.get("related").forEach(r -> ids.add(r.get("id").asLong()));
        return ids;
    }

    /** {@code related_terms} read directly: how many indexed articles hold each word. */
    private Map<String, Long> termCounts() throws Exception {
        Map<String, Long> counts = new HashMap<>();
        try (Connection c = DriverManager.getConnection(TestDatabase.urlFor(data));
             Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("SELECT term, docs FROM related_terms WHERE docs > 0")) {
            while (rows.next()) {
                counts.put(rows.getString(1), rows.getLong(2));
            }
        }
        return counts;
    }
}
