package org.khulasa.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.khulasa.article.ArticleContent;
import org.khulasa.article.ArticleDraft;
import org.khulasa.article.ArticleStore.RelatedProgress;
import org.khulasa.article.Author;
import org.khulasa.article.Category;
import org.khulasa.article.Change;
import org.khulasa.article.IdempotencyKey;
import org.khulasa.article.RelatedLink;
import org.khulasa.article.Revisions;
import org.khulasa.article.Status;
import org.khulasa.related.ArabicTerms;
import org.khulasa.related.RelatedArticles;

/**
 * Choosing every list again reads each page's texts while the page before it is written; an
 * editor's write in between must not leave a list chosen from the text as it was before.
 */
class RelatedPagesTest {

    @TempDir
    Path data;

    @Test
    void an_article_edited_during_the_pass_gets_the_list_of_its_new_text() {
        String url = "jdbc:sqlite:" + data.resolve("k.db");
        try (JdbiArticleStore store = Database.open(url, Clock.systemUTC(), new RelatedArticles(3))) {
            long oil = store.create(draft("أسعار النفط ترتفع بعد قرار أوبك", "ارتفعت أسعار النفط بعد خفض الإنتاج."),
                    IdempotencyKey.NONE).article().id();
            // More than a page (250) of articles, so the edited one is on a page read ahead.
            festivals(store, 300);
            long edited = store.create(draft("موسم الزيتون في جرش", "بدأ قطاف الزيتون في حقول جرش."),
                    IdempotencyKey.NONE).article().id();
            int[] pages = {0};

            store.recomputeRelated(afterFirstPage("choosing related articles", pages, () -> store.update(edited,
                    draft("أسعار النفط تقفز بعد قرار أوبك", "قفزت أسعار النفط بعد خفض الإنتاج."), Revisions.ANY)));

            assertEquals(2, pages[0], "two pages were chosen");
            List<Long> related = store.find(edited, null).orElseThrow().related().stream().map(RelatedLink::id).toList();
            assertTrue(related.contains(oil), "the list follows the edited text: " + related);
        }
    }

    @Test
    void a_draft_edited_during_a_reindex_is_indexed_by_its_new_words() throws Exception {
        String url = "jdbc:sqlite:" + data.resolve("k.db");
        try (JdbiArticleStore store = Database.open(url, Clock.systemUTC(), new RelatedArticles(3))) {
            // More than a page (500) of the reindex pass, so the draft is on a page read ahead.
            festivals(store, 510);
            long edited = store.create(unpublished("موسم الزيتون في جرش", "بدأ قطاف الزيتون في حقول جرش."),
                    IdempotencyKey.NONE).article().id();
            int[] pages = {0};

            // Saving a draft moves no stamp readers see: only its revision tells the pass.
            store.recomputeRelated(afterFirstPage("indexing words", pages, () -> store.update(edited,
                    unpublished("حصاد القمح في حوران", "بدأ حصاد القمح في سهول حوران."), Revisions.ANY)));

            assertEquals(2, pages[0], "two pages were indexed");
            assertEquals(List.of(edited), indexedUnder(url, "القمح"), "indexed by its new words");
            assertEquals(List.of(), indexedUnder(url, "الزيتون"), "its old words are gone");
        }
    }

    /** {@code count} articles of one festival, which none of the tests' other articles resemble. */
    private static void festivals(JdbiArticleStore store, int count) {
        for (int i = 0; i < count; i++) {
            store.create(draft("مهرجان ثقافي رقم " + i, "فعاليات المهرجان الثقافي " + i + " في المدينة."),
                    IdempotencyKey.NONE);
        }
    }

    /** Progress that runs {@code edit} once {@code step}'s first page is done, counting its pages in {@code pages[0]}. */
    private static RelatedProgress afterFirstPage(String step, int[] pages, Runnable edit) {
        return (name, done, total) -> {
            if (name.equals(step) && done > 0 && pages[0]++ == 0) {
                edit.run();
            }
        };
    }

    /** The articles the word index holds under {@code word}'s term, read from SQLite's FTS5 table. */
    private static List<Long> indexedUnder(String url, String word) throws Exception {
        String term = ArabicTerms.words(word).get(0).get(0);
        try (Connection c = DriverManager.getConnection(url);
                PreparedStatement q = c.prepareStatement("SELECT rowid FROM related_text WHERE related_text MATCH ?")) {
            q.setString(1, "\"" + term + "\"");
            List<Long> ids = new ArrayList<>();
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
            return ids;
        }
    }

    private static ArticleDraft unpublished(String title, String body) {
        return new ArticleDraft(new ArticleContent(title, null, "<p>" + body + "</p>", new Category("news", "أخبار"),
                List.of(new Author("desk", "المحرر")), Status.DRAFT, null), List.of(), List.of(), null, Change.UPDATE, null);
    }

    private static ArticleDraft draft(String title, String body) {
        return ArticleDraft.published(title, null, "<p>" + body + "</p>", new Category("news", "أخبار"),
                List.of(new Author("desk", "المحرر")), null, List.of(), List.of(), null);
    }
}
