package org.khulasa.storage;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.LongConsumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.khulasa.article.ArticleStore.RelatedProgress;
import org.khulasa.article.RelatedMatcher;

/**
 * The long jobs over the whole archive: indexing every article's words again, and choosing every
 * automatic related pick again. Each runs in pages, one write transaction per page, so that
 * editors' writes go on in between.
 */
final class RelatedRecompute {

    private static final int REINDEX_PAGE = 500;
    private static final int RECOMPUTE_PAGE = 100;
    private static final String ALL = "SELECT id FROM articles WHERE id > :after ORDER BY id LIMIT :size";
    private static final String IMPORTED = "SELECT article_id FROM imported_articles WHERE article_id > :after"
            + " ORDER BY article_id LIMIT :size";

    private final Jdbi jdbi;
    private final WriteQueue queue;
    private final Clock clock;
    private final RelatedMatcher matcher;
    private final Dialect dialect;
    private final ChangeStamps stamps;
    private final RelatedLists lists;

    RelatedRecompute(Jdbi jdbi, WriteQueue queue, Clock clock, RelatedMatcher matcher, Dialect dialect,
            ChangeStamps stamps, RelatedLists lists) {
        this.jdbi = jdbi;
        this.queue = queue;
        this.clock = clock;
        this.matcher = matcher;
        this.dialect = dialect;
        this.stamps = stamps;
        this.lists = lists;
    }

    void recomputeRelated(RelatedProgress progress) {
        // First every article's words, so that the lists of the second pass see the whole archive.
        reindexWords(progress);
        queue.guarded(() -> {
            chooseLists(ALL, 0, jdbi.withHandle(ArticleReads::count), progress);
            return null;
        });
    }

    /**
     * The related pass of an import: indexes the words of the articles imported with ids above
     * {@code after} (none indexed yet, so the counts only grow), then chooses their lists, as
     * {@link #recomputeRelated} would have; the lists of articles already there stay.
     */
    void relateImportedAfter(long after, RelatedProgress progress) {
        queue.guarded(() -> {
            long total = jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM imported_articles WHERE article_id > :after")
                    .bind("after", after).mapTo(Long.class).one());
            progress.report("indexing words", 0, total);
            forEachPage(IMPORTED, after, REINDEX_PAGE, (h, page) -> {
                ChangeStamps.lockWrites(h);
                try (StoredWordIndex index = dialect.wordIndex(h)) {
                    ArticleReads.textsOf(h, page).forEach((id, text) -> index.replace(id, null, matcher.indexText(text)));
                }
            }, done -> progress.report("indexing words", done, total));
            compact(progress);
            chooseLists(IMPORTED, after, total, progress);
            return null;
        });
    }

    private void chooseLists(String ids, long after, long total, RelatedProgress progress) {
        progress.report("choosing related articles", 0, total);
        forEachPage(ids, after, RECOMPUTE_PAGE, (h, page) -> {
            ChangeStamps.lockWrites(h);
            Instant now = clock.instant();
            ArticleReads.textsOf(h, page).forEach((id, text) -> lists.fill(h, id, text, matcher.indexText(text), now));
            stamps.next(h, now);
            page.forEach(id -> ChangeStamps.touchScopesOf(h, id));
        }, done -> progress.report("choosing related articles", done, total));
    }

    private void compact(RelatedProgress progress) {
        progress.report("compacting the word index", 0, 1);
        jdbi.useTransaction(h -> {
            try (StoredWordIndex index = dialect.wordIndex(h)) {
                index.compact();
            }
        });
        progress.report("compacting the word index", 1, 1);
    }

    /**
     * Indexes every article's words and counts them again, leaving related lists (and so every
     * feed) as they are. Each page takes the write lock, so counting and writes don't interleave.
     */
    void reindexWords(RelatedProgress progress) {
        queue.guarded(() -> {
            long total = jdbi.withHandle(ArticleReads::count);
            jdbi.useTransaction(h -> {
                ChangeStamps.lockWrites(h);
                try (StoredWordIndex index = dialect.wordIndex(h)) {
                    index.forgetAllCounts();
                }
            });
            progress.report("indexing words", 0, total);
            forEachPage(ALL, 0, REINDEX_PAGE, (h, page) -> {
                ChangeStamps.lockWrites(h);
                try (StoredWordIndex index = dialect.wordIndex(h)) {
                    ArticleReads.textsOf(h, page).forEach((id, text) -> index.replace(id, null, matcher.indexText(text)));
                }
            }, done -> progress.report("indexing words", done, total));
            compact(progress);
            return null;
        });
    }

    /** Runs {@code work} over the article ids {@code ids} selects above {@code start}, in pages, one transaction per page. */
    private void forEachPage(String ids, long start, int size, BiConsumer<Handle, List<Long>> work, LongConsumer done) {
        long after = start;
        long count = 0;
        while (true) {
            long from = after;
            List<Long> page = jdbi.withHandle(h -> h.createQuery(ids)
                    .bind("after", from).bind("size", size).mapTo(Long.class).list());
            if (page.isEmpty()) {
                return;
            }
            queue.writing(() -> jdbi.inTransaction(h -> {
                work.accept(h, page);
                return null;
            }));
            after = page.get(page.size() - 1);
            count += page.size();
            done.accept(count);
        }
    }
}
