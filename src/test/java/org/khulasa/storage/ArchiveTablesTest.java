package org.khulasa.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.khulasa.article.ArticleContent;
import org.khulasa.article.ArticleDraft;
import org.khulasa.article.Author;
import org.khulasa.article.Category;
import org.khulasa.article.IdempotencyKey;
import org.khulasa.article.Revisions;
import org.khulasa.article.Status;
import org.khulasa.article.WordIndex.Candidate;
import org.khulasa.article.WordIndex.Holders;
import org.khulasa.related.RelatedArticles;

/** What a pass over the archive reads into memory before it answers as the index's own searches and reads do. */
class ArchiveTablesTest {

    private static final int RARE = 5;

    @TempDir
    Path data;

    /** 150 articles of a small vocabulary, every seventh deleted: gaps among the ids, rows of the index no longer there. */
    private String archive() {
        String url = "jdbc:sqlite:" + data.resolve("k.db");
        try (JdbiArticleStore store = Database.open(url, Clock.systemUTC(), new RelatedArticles(3))) {
            Random random = new Random(20261202);
            List<Long> ids = new ArrayList<>();
            for (int i = 0; i < 150; i++) {
                ids.add(store.create(draft(words(random, 6), words(random, 40), i), IdempotencyKey.NONE).article().id());
            }
            for (int i = 0; i < 150; i += 7) {
                store.delete(ids.get(i), Revisions.ANY);
            }
        }
        return url;
    }

    @Test
    void every_count_and_every_rare_terms_holders_equal_the_indexs_answers() {
        Jdbi jdbi = Jdbi.create(archive());
        jdbi.useHandle(h -> {
            try (Handle other = jdbi.open();
                    StoredWordIndex index = new StoredWordIndex(h, new SqliteWordIndex());
                    StoredWordIndex beside = new StoredWordIndex(other, new SqliteWordIndex())) {
                // Listed on one connection, then half on each.
                assertEqualsIndex(h, index, TermTable.read(index, null, RARE).orElseThrow());
                assertEqualsIndex(h, index, TermTable.read(index, beside, RARE).orElseThrow());
            }
        });
    }

    /** Every count, and every rare term's holders where held (at two limits), as the index answers them. */
    private static void assertEqualsIndex(Handle h, StoredWordIndex index, TermTable table) {
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

    @Test
    void a_common_terms_newest_holders_are_kept_once_searched_and_answer_as_the_index_does() {
        Jdbi.create(archive()).useHandle(h -> {
            try (StoredWordIndex index = new StoredWordIndex(h, new SqliteWordIndex())) {
                TermTable table = TermTable.read(index, null, RARE).orElseThrow();
                List<String> common = index.termsHeldByMore(RARE);
                assertTrue(common.size() > 20, common.size() + " common terms");
                for (String term : common) {
                    assertTrue(table.keeps(term, RARE), term);
                    assertFalse(table.keeps(term, RARE + 1), "only the table's own limit is kept");
                    assertTrue(table.holders(term, RARE).isEmpty(),
                            term + " is neither read with the rare terms nor kept before it is searched");
                    Holders searched = index.holders(term, true, RARE);
                    assertTrue(table.keep(term, searched), term);
                    assertFalse(table.keep(term, searched), "a term is kept once");
                    for (int limit : new int[] {2, RARE}) {
                        assertSame(index.holders(term, true, limit), table.holders(term, limit).orElseThrow(), term);
                    }
                    assertTrue(table.holders(term, RARE + 1).isEmpty(), "more than were searched");
                }
                String rare = h.createQuery("SELECT term FROM related_terms WHERE docs BETWEEN 2 AND :rare LIMIT 1")
                        .bind("rare", RARE).mapTo(String.class).one();
                assertFalse(table.keeps(rare, RARE), rare + " is read whole with the rare terms");
                assertFalse(table.keep(rare, index.holders(rare, true, RARE)));
                assertSame(index.holders(rare, true, RARE), table.holders(rare, RARE).orElseThrow(), rare);
            }
        });
    }

    /** The same ids, newest first, with the same title marks. */
    private static void assertSame(Holders expected, Holders actual, String term) {
        assertArrayEquals(expected.ids(), actual.ids(), term);
        for (int i = 0; i < expected.ids().length; i++) {
            assertEquals(expected.titled(i), actual.titled(i), term + " in the title of " + expected.ids()[i]);
        }
    }

    @Test
    void every_candidates_description_equals_the_one_read_from_the_articles() {
        String url = "jdbc:sqlite:" + data.resolve("k.db");
        long newest;
        try (JdbiArticleStore store = Database.open(url, Clock.systemUTC(), new RelatedArticles(3))) {
            Random random = new Random(7);
            List<Long> ids = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                ArticleDraft d = draft(words(random, 4), words(random, 10), i);
                if (i % 9 == 4) {
                    // A draft is no candidate.
                    d = new ArticleDraft(new ArticleContent(d.content().title(), null, d.content().body(),
                            d.content().category(), d.content().authors(), Status.DRAFT, null),
                            List.of(), d.tags(), null, d.change(), null);
                }
                ids.add(store.create(d, IdempotencyKey.NONE).article().id());
            }
            store.delete(ids.get(11), Revisions.ANY);
            store.delete(ids.get(39), Revisions.ANY);
            newest = ids.get(39);
        }
        Jdbi.create(url).useHandle(h -> {
            CandidateReads reads = new CandidateReads(h);
            CandidateTable table = CandidateTable.read(reads).orElseThrow();
            int described = 0;
            for (long id = -1; id <= newest + 2; id++) {
                List<Candidate> expected = reads.describe(List.of(id));
                List<Candidate> actual = table.describe(List.of(id));
                assertEquals(expected.size(), actual.size(), "article " + id);
                if (!expected.isEmpty()) {
                    described++;
                    Candidate e = expected.get(0);
                    Candidate a = actual.get(0);
                    assertEquals(List.of(e.id(), e.category(), e.published()), List.of(a.id(), a.category(), a.published()));
                    assertEquals(new TreeSet<>(e.tags()), new TreeSet<>(a.tags()), "tags of " + id);
                    assertEquals(e.tags().size(), a.tags().size());
                }
            }
            assertEquals(40 - 2 - 4, described, "the published articles left");
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

    /** The {@code i}th article: one of three sections, with none to three tags. */
    private static ArticleDraft draft(String title, String body, int i) {
        String[] sections = {"news", "sports", "economy"};
        List<String> tags = List.of("غزة", "الدوري", "النفط", "عمّان").subList(0, i % 4);
        return ArticleDraft.published(title, null, "<p>" + body + "</p>", new Category(sections[i % 3], "قسم " + i % 3),
                List.of(new Author("desk", "المحرر")), null, List.of(), tags, null);
    }
}
