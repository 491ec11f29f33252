package org.khulasa.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.khulasa.article.ArticleDraft;
import org.khulasa.article.Author;
import org.khulasa.article.Category;
import org.khulasa.article.IdempotencyKey;
import org.khulasa.article.WordIndex.Holders;
import org.khulasa.related.RelatedArticles;

/** The index's terms read into memory answer as the index's own searches do. */
class TermTableTest {

    private static final int RARE = 5;

    @TempDir
    Path data;

    @Test
    void every_count_and_every_rare_terms_holders_equal_the_indexs_answers() {
        String url = "jdbc:sqlite:" + data.resolve("k.db");
        try (JdbiArticleStore store = Database.open(url, Clock.systemUTC(), new RelatedArticles(3))) {
            Random random = new Random(20261202);
            List<Long> ids = new ArrayList<>();
            for (int i = 0; i < 150; i++) {
                ids.add(store.create(draft(words(random, 6), words(random, 40)), IdempotencyKey.NONE).article().id());
            }
            // Gaps among the ids, and rows of the index that are no longer there.
            for (int i = 0; i < 150; i += 7) {
                store.delete(ids.get(i), org.khulasa.article.Revisions.ANY);
            }
        }
        Jdbi.create(url).useHandle(h -> {
            try (StoredWordIndex index = new StoredWordIndex(h, new SqliteWordIndex())) {
                TermTable table = TermTable.read(index, RARE).orElseThrow();
                assertTrue(table.holdsRare());
                Map<String, Long> counts = index.articlesWith(h.createQuery("SELECT term FROM related_terms")
                        .mapTo(String.class).list());
                int held = 0;
                int searched = 0;
                for (Map.Entry<String, Long> e : counts.entrySet()) {
                    String term = e.getKey();
                    assertEquals(e.getValue(), table.count(term), term);
                    for (int limit : new int[] {2, 100}) {
                        List<Long> newest = index.newestWith(term, false, limit);
                        Set<Long> inTitles = index.titlesWith(term, newest);
                        Holders holders = table.holders(term, limit).orElse(null);
                        if (holders == null) {
                            searched++;
                            assertTrue(e.getValue() > RARE || e.getValue() < 2, term + " is rare and not held");
                            continue;
                        }
                        held++;
                        assertArrayEquals(newest.stream().mapToLong(Long::longValue).toArray(), holders.ids(), term);
                        for (int i = 0; i < newest.size(); i++) {
                            assertEquals(inTitles.contains(newest.get(i)), holders.titled(i), term + " in title");
                        }
                    }
                }
                assertTrue(held > 100 && searched > 100, held + " answers held, " + searched + " left to searches");
                assertEquals(0, table.count("كلمة-لا-يحملها-مقال"));
            }
        });
    }

    /** Words of a small vocabulary, some far more frequent than others: common and rare terms both. */
    private static String words(Random random, int n) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < n; i++) {
            int rank = (int) Math.floor(Math.pow(random.nextDouble(), 2.5) * 400);
            out.append(i > 0 ? " " : "").append("كلمة").append(letters(rank));
        }
        return out.toString();
    }

    private static String letters(int rank) {
        String alphabet = "بتثجحخدذرزسشصضطظعغفقكلمن";
        return "" + alphabet.charAt(rank % alphabet.length()) + alphabet.charAt(rank / alphabet.length());
    }

    private static ArticleDraft draft(String title, String body) {
        return ArticleDraft.published(title, null, "<p>" + body + "</p>", new Category("news", "أخبار"),
                List.of(new Author("desk", "المحرر")), null, List.of(), List.of(), null);
    }
}
