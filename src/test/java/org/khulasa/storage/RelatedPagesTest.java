package org.khulasa.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.khulasa.article.ArticleDraft;
import org.khulasa.article.Author;
import org.khulasa.article.Category;
import org.khulasa.article.IdempotencyKey;
import org.khulasa.article.RelatedLink;
import org.khulasa.article.Revisions;
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
            for (int i = 0; i < 300; i++) {
                store.create(draft("مهرجان ثقافي رقم " + i, "فعاليات المهرجان الثقافي " + i + " في المدينة."),
                        IdempotencyKey.NONE);
            }
            long edited = store.create(draft("موسم الزيتون في جرش", "بدأ قطاف الزيتون في حقول جرش."),
                    IdempotencyKey.NONE).article().id();
            int[] pages = {0};

            store.recomputeRelated((step, done, total) -> {
                if (step.equals("choosing related articles") && done > 0 && pages[0]++ == 0) {
                    store.update(edited, draft("أسعار النفط تقفز بعد قرار أوبك", "قفزت أسعار النفط بعد خفض الإنتاج."),
                            Revisions.ANY);
                }
            });

            assertEquals(2, pages[0], "two pages were chosen");
            List<Long> related = store.find(edited, null).orElseThrow().related().stream().map(RelatedLink::id).toList();
            assertTrue(related.contains(oil), "the list follows the edited text: " + related);
        }
    }

    private static ArticleDraft draft(String title, String body) {
        return ArticleDraft.published(title, null, "<p>" + body + "</p>", new Category("news", "أخبار"),
                List.of(new Author("desk", "المحرر")), null, List.of(), List.of(), null);
    }
}
