package org.khulasa.related;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.khulasa.TestDatabase;
import org.khulasa.TestServer;

/**
 * PostgreSQL's word index (a weighted tsvector) finds what SQLite's FTS5 table finds: the same
 * corpus posted in the same order to both gets the same related lists, when posted and after a
 * full recompute, so the precision measured on SQLite holds on PostgreSQL. Skipped without
 * KHULASA_TEST_DB_URL (RelatedPrecisionTest itself then runs on PostgreSQL too in CI).
 */
class RelatedOnPostgresTest {

    @TempDir
    Path sqliteData;

    @TempDir
    Path postgresData;

    @Test
    void the_corpus_gets_the_same_related_lists_on_postgresql_as_on_sqlite() throws Exception {
        TestDatabase.requirePostgres();
        List<ObjectNode> corpus = RelatedCorpus.inPostingOrder();
        try (TestServer sqlite = TestServer.start(sqliteData,
                Map.of("KHULASA_DB_URL", "jdbc:sqlite:" + sqliteData.resolve("khulasa.db")));
             TestServer postgres = TestServer.start(postgresData)) {
            for (ObjectNode article : corpus) {
                sqlite.create(article.toString());
                postgres.create(article.toString());
            }
            Map<Long, List<Long>> onSqlite = lists(sqlite, corpus.size());
            assertEquals(onSqlite, lists(postgres, corpus.size()), "lists as posted");
            assertTrue(onSqlite.values().stream().filter(l -> !l.isEmpty()).count() > corpus.size() / 2);

            sqlite.store.recomputeRelated((step, done, total) -> { });
            postgres.store.recomputeRelated((step, done, total) -> { });
            assertEquals(lists(sqlite, corpus.size()), lists(postgres, corpus.size()), "lists after a recompute");
        }
    }

    private static Map<Long, List<Long>> lists(TestServer server, int count) {
        Map<Long, List<Long>> lists = new LinkedHashMap<>();
        for (long id = 1; id <= count; id++) {
            List<Long> related = new ArrayList<>();
            TestServer.parse(server.get("/api/articles/" + id).body()).get("related")
                    .forEach(r -> related.add(r.get("id").asLong()));
            lists.put(id, related);
        }
        return lists;
    }
}
