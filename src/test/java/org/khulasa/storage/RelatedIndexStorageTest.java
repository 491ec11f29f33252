package org.khulasa.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.khulasa.article.ArticleDraft;
import org.khulasa.article.Author;
import org.khulasa.article.Category;
import org.khulasa.article.IdempotencyKey;
import org.khulasa.article.Revisions;
import org.khulasa.related.RelatedArticles;

/** The word index and its term counts stay true to the stored articles through every write. */
class RelatedIndexStorageTest {

    @TempDir
    Path data;

    @Test
    void term_counts_after_creates_edits_and_deletes_equal_a_full_rebuild() throws Exception {
        String url = "jdbc:sqlite:" + data.resolve("k.db");
        try (JdbiArticleStore store = Database.open(url, Clock.systemUTC(), new RelatedArticles(3))) {
            long a = store.create(draft("أسعار النفط ترتفع بعد قرار أوبك", "ارتفعت أسعار النفط بعد خفض الإنتاج."),
                    IdempotencyKey.NONE).article().id();
            long b = store.create(draft("خام برنت يتجاوز تسعين دولاراً", "صعد خام برنت بعد قرار أوبك."),
                    IdempotencyKey.NONE).article().id();
            store.create(draft("النسور يتوج بكأس الجمهورية", "فاز النسور على الفجر في النهائي."), IdempotencyKey.NONE);
            store.update(a, draft("أسعار الذهب تتراجع", "تراجعت أسعار الذهب مع صعود الدولار."), Revisions.ANY);
            store.delete(b, Revisions.ANY);
            Map<String, Long> kept = counts(url);

            store.recomputeRelated((step, done, total) -> { });

            assertEquals(counts(url), kept);
            assertEquals(1L, kept.get("ذهب"), "the edit's new word is counted");
            assertFalse(kept.containsKey("برنت"), "the deleted article's words are gone: " + kept);
            assertFalse(kept.containsKey("اوبك"), "the edit's old words are gone: " + kept);
        }
    }

    @Test
    void the_index_holds_normalised_words_and_the_article_keeps_its_text() throws Exception {
        String url = "jdbc:sqlite:" + data.resolve("k.db");
        String title = "الْمُبَارَاةُ النِّهَائِيَّـــة لكأس الجمهورية";
        try (JdbiArticleStore store = Database.open(url, Clock.systemUTC(), new RelatedArticles(3))) {
            long id = store.create(draft(title, "تُقام المباراة على ملعب العباسيين."), IdempotencyKey.NONE)
                    .article().id();

            assertEquals(title, store.find(id, null).orElseThrow().content().title());
        }
        try (Connection c = DriverManager.getConnection(url);
             ResultSet rs = c.createStatement().executeQuery(
                     "SELECT COUNT(*) FROM related_text WHERE related_text MATCH 'title : \"مباراه\"'")) {
            assertEquals(1, rs.getInt(1));
        }
        assertTrue(counts(url).containsKey("نهائيه"));
    }

    private static Map<String, Long> counts(String url) throws Exception {
        Map<String, Long> counts = new TreeMap<>();
        try (Connection c = DriverManager.getConnection(url);
             ResultSet rs = c.createStatement().executeQuery("SELECT term, docs FROM related_terms WHERE docs > 0")) {
            while (rs.next()) {
                counts.put(rs.getString(1), rs.getLong(2));
            }
        }
        return counts;
    }

    private static ArticleDraft draft(String title, String body) {
        return ArticleDraft.published(title, null, "<p>" + body + "</p>", new Category("news", "أخبار"),
                List.of(new Author("desk", "المحرر")), null, List.of(), List.of(), null);
    }
}
