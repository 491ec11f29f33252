package org.khulasa.storage;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BiConsumer;
import java.util.function.LongConsumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.khulasa.article.ArticleStore.RelatedProgress;
import org.khulasa.article.RelatedMatcher;
import org.khulasa.article.RelatedMatcher.ArticleText;
import org.khulasa.article.RelatedMatcher.IndexedText;

/**
 * The long jobs over the whole archive: indexing every article's words again, and choosing every
 * automatic related pick again. Each runs in pages, one write transaction per page, so that
 * editors' writes go on in between.
 */
record RelatedRecompute(Jdbi jdbi, WriteQueue queue, Clock clock, RelatedMatcher matcher, Dialect dialect,
            ChangeStamps stamps, RelatedLists lists) {
    private static final int REINDEX_PAGE = 500;
    private static final int RECOMPUTE_PAGE = 250;
    private static final String ALL = "SELECT id FROM articles WHERE id > :after ORDER BY id LIMIT :size";
    private static final String IMPORTED = "SELECT article_id FROM imported_articles WHERE article_id > :after"
            + " ORDER BY article_id LIMIT :size";

    void recomputeRelated(RelatedProgress progress) {
        // First every article's words, so that the lists of the second pass see the whole archive.
        reindexWords(progress);
        queue.guarded(() -> {
            chooseLists(ALL, 0, jdbi.withHandle(ArticleReads::count), progress);
            return null;
        });
    }

    /**
     * The related pass of an import: chooses the lists of the articles imported with ids above
     * {@code after}, whose words were indexed as they were written, as {@link #recomputeRelated}
     * would have; the lists of articles already there stay.
     */
    void relateImportedAfter(long after, RelatedProgress progress) {
        queue.guarded(() -> {
            long total = jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM imported_articles WHERE article_id > :after")
                    .bind("after", after).mapTo(Long.class).one());
            compact(progress);
            chooseLists(IMPORTED, after, total, progress);
            return null;
        });
    }

    /**
     * Every page's lists are chosen from the same index (this pass writes lists only), so the
     * searches repeated from page to page are answered from memory, unless someone else wrote
     * between two pages; and a page's articles are matched on every core ({@link ParallelPicks}).
     */
    private void chooseLists(String ids, long after, long total, RelatedProgress progress) {
        SearchCache cache = new SearchCache();
        progress.report("reading the word index", 0, 1);
        // Read outside the write lock: editors' writes go on meanwhile, and clear it at the first page.
        Instant[] stamped = {jdbi.withHandle(h -> {
            Instant before = ChangeStamps.lastWrite(h);
            // Listing the index is SQLite's work more than Java's: on two connections it takes half the time.
            boolean cores = Runtime.getRuntime().availableProcessors() > 1;
            try (Handle other = cores ? jdbi.open() : null;
                    StoredWordIndex index = dialect.wordIndex(h);
                    StoredWordIndex beside = cores ? dialect.wordIndex(other) : null) {
                cache.readTables(index, beside);
            }
            return before;
        })};
        progress.report("reading the word index", 1, 1);
        progress.report("choosing related articles", 0, total);
        ExecutorService reader = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "khulasa-related-texts");
            t.setDaemon(true);
            return t;
        });
        try (ParallelPicks picks = ParallelPicks.start(jdbi, dialect, matcher, cache)) {
            long count = 0;
            // The next page's texts are read and analysed while this one's lists are chosen: that
            // work needs no lock, and the picking threads would otherwise wait for it page by page.
            CompletableFuture<Page> next = CompletableFuture.supplyAsync(() -> Page.read(this, ids, after), reader);
            boolean unchanged = true;
            while (true) {
                Page page = join(next);
                if (page.ids().isEmpty()) {
                    break;
                }
                next = CompletableFuture.supplyAsync(() -> Page.read(this, ids, page.last()), reader);
                boolean readBeforeChange = !unchanged;
                unchanged = queue.writing(() -> LazyCommits.inTransaction(jdbi, dialect, h -> {
                    ChangeStamps.lockWrites(h);
                    boolean still = ChangeStamps.lastWrite(h).equals(stamped[0]);
                    if (!still) {
                        cache.clear();
                    }
                    // Texts read before someone else's write may be stale: read again under the lock.
                    Page current = still && !readBeforeChange ? page : page.again(this, h);
                    Instant now = clock.instant();
                    ChangeStamps.Before before = ChangeStamps.before(h, now);
                    lists.fillAll(h, current.texts(), current.words(), now, picks);
                    stamped[0] = stamps.next(h, now);
                    ChangeStamps.touchScopesOf(h, page.ids());
                    stamps.announce(h, before, clock.instant());
                    return still;
                }));
                count += page.ids().size();
                progress.report("choosing related articles", count, total);
            }
            queue.writing(() -> {
                LazyCommits.settle(jdbi, dialect);
                return null;
            });
        } finally {
            reader.shutdownNow();
        }
    }

    /**
     * A page of articles to choose lists for, with their texts and words, read while the page
     * before it was written: still fresh under the lock unless someone else wrote before either
     * page took it.
     */
    private record Page(List<Long> ids, Map<Long, ArticleText> texts, Map<Long, IndexedText> words) {
        static Page read(RelatedRecompute pass, String ids, long after) {
            return pass.jdbi.withHandle(h -> {
                List<Long> page = h.createQuery(ids).bind("after", after).bind("size", RECOMPUTE_PAGE).mapTo(Long.class).list();
                Map<Long, ArticleText> texts = ArticleReads.textsOf(h, page);
                return new Page(page, texts, pass.indexTexts(texts));
            });
        }

        Page again(RelatedRecompute pass, Handle h) {
            Map<Long, ArticleText> fresh = ArticleReads.textsOf(h, ids);
            return new Page(ids, fresh, pass.indexTexts(fresh));
        }

        long last() {
            return ids.get(ids.size() - 1);
        }
    }

    private static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    /** Each article's words, analysed on every core (the texts' HTML parsed and split: pure work). */
    private Map<Long, IndexedText> indexTexts(Map<Long, ArticleText> texts) {
        Map<Long, IndexedText> words = new ConcurrentHashMap<>();
        texts.entrySet().parallelStream().forEach(e -> words.put(e.getKey(), matcher.indexText(e.getValue())));
        Map<Long, IndexedText> ordered = new LinkedHashMap<>();
        texts.keySet().forEach(id -> ordered.put(id, words.get(id)));
        return ordered;
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
                Map<Long, IndexedText> words = indexTexts(ArticleReads.textsOf(h, page));
                try (StoredWordIndex index = dialect.wordIndex(h)) {
                    // The counts were reset: each row goes uncounted, then all come back counted.
                    words.keySet().forEach(index::drop);
                    index.insertNew(words);
                }
            }, done -> progress.report("indexing words", done, total));
            compact(progress);
            return null;
        });
    }

    /**
     * Runs {@code work} over the article ids {@code ids} selects above {@code start}, in pages, one
     * transaction per page, committed lazily; the pass is on disk once this returns.
     */
    private void forEachPage(String ids, long start, int size, BiConsumer<Handle, List<Long>> work, LongConsumer done) {
        long after = start;
        long count = 0;
        while (true) {
            long from = after;
            List<Long> page = jdbi.withHandle(h -> h.createQuery(ids)
                    .bind("after", from).bind("size", size).mapTo(Long.class).list());
            if (page.isEmpty()) {
                queue.writing(() -> {
                    LazyCommits.settle(jdbi, dialect);
                    return null;
                });
                return;
            }
            queue.writing(() -> LazyCommits.inTransaction(jdbi, dialect, h -> {
                work.accept(h, page);
                return null;
            }));
            after = page.get(page.size() - 1);
            count += page.size();
            done.accept(count);
        }
    }
}
