package org.khulasa.storage;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.LongConsumer;
import java.util.stream.Collectors;
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
        Instant before = jdbi.withHandle(h -> {
            Instant stamp = ChangeStamps.lastWrite(h);
            // Listing the index is SQLite's work more than Java's: on two connections it takes half the time.
            boolean cores = Runtime.getRuntime().availableProcessors() > 1;
            try (Handle other = cores ? jdbi.open() : null;
                    StoredWordIndex index = dialect.wordIndex(h);
                    StoredWordIndex beside = cores ? dialect.wordIndex(other) : null) {
                cache.readTables(index, beside);
            }
            return stamp;
        });
        progress.report("reading the word index", 1, 1);
        progress.report("choosing related articles", 0, total);
        try (ParallelPicks picks = ParallelPicks.start(jdbi, dialect, matcher, cache)) {
            forEachPage(ids, after, RECOMPUTE_PAGE, before, (h, page, unchanged) -> {
                if (!unchanged) {
                    cache.clear();
                }
                Instant now = clock.instant();
                ChangeStamps.Before start = ChangeStamps.before(h, now);
                Set<Long> changed = lists.fillAll(h, page.texts(), page.words(), now, picks);
                Instant stamped = stamps.next(h, now);
                // Feeds and pages show the lists: those showing an article whose list changed move.
                ChangeStamps.shownArticlesChanged(h, changed, now);
                stamps.announce(h, start, clock.instant());
                return stamped;
            }, done -> progress.report("choosing related articles", done, total));
        }
    }

    /** What a pass does with one page, under the write lock; the last write's stamp after it. */
    @FunctionalInterface
    private interface PageWork {
        /** {@code unchanged}: no one else wrote since the page before (or since {@code before}, for the first). */
        Instant write(Handle h, Page page, boolean unchanged);
    }

    /**
     * Runs {@code work} over the article ids {@code ids} selects above {@code start}, {@code size}
     * at a time, one transaction per page, committed lazily; the pass is on disk once this returns.
     * The next page's texts are read and analysed on a thread of their own while this one is
     * written: that work needs no lock, and the writing would otherwise wait for it page by page.
     * Under the lock, the articles written since their page was read are read again.
     * {@code before} is the last write's stamp when the pass started.
     */
    private void forEachPage(String ids, long start, int size, Instant before, PageWork work, LongConsumer done) {
        ExecutorService reader = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "khulasa-related-texts");
            t.setDaemon(true);
            return t;
        });
        try {
            Instant[] stamped = {before};
            long count = 0;
            CompletableFuture<Page> next = CompletableFuture.supplyAsync(() -> Page.read(this, ids, start, size), reader);
            while (true) {
                Page page = join(next);
                if (page.ids().isEmpty()) {
                    break;
                }
                next = CompletableFuture.supplyAsync(() -> Page.read(this, ids, page.last(), size), reader);
                queue.writing(() -> LazyCommits.inTransaction(jdbi, dialect, h -> {
                    ChangeStamps.lockWrites(h);
                    boolean unchanged = ChangeStamps.lastWrite(h).equals(stamped[0]);
                    stamped[0] = work.write(h, page.current(this, h), unchanged);
                    return null;
                }));
                count += page.ids().size();
                done.accept(count);
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
     * A page of articles, with their texts and words, read while the page before it was written,
     * and the revisions they were read at (read first: a write landing in between shows as a
     * changed revision, never the other way round).
     */
    private record Page(List<Long> ids, Map<Long, Long> revisions, Map<Long, ArticleText> texts,
                        Map<Long, IndexedText> words) {
        static Page read(RelatedRecompute pass, String ids, long after, int size) {
            return pass.jdbi.withHandle(h -> {
                List<Long> page = h.createQuery(ids).bind("after", after).bind("size", size).mapTo(Long.class).list();
                Map<Long, Long> revisions = ArticleReads.revisionsOf(h, page);
                Map<Long, ArticleText> texts = ArticleReads.textsOf(h, page);
                return new Page(page, revisions, texts, pass.indexTexts(texts));
            });
        }

        /**
         * The page as it stands under the write lock: the articles written since it was read
         * (edited, or deleted) read again. Every write of an article moves its revision, drafts'
         * and scheduled ones' too, which move no other stamp.
         */
        Page current(RelatedRecompute pass, Handle h) {
            Map<Long, Long> now = ArticleReads.revisionsOf(h, ids);
            Set<Long> changed = ids.stream().filter(id -> !Objects.equals(now.get(id), revisions.get(id)))
                    .collect(Collectors.toSet());
            if (changed.isEmpty()) {
                return this;
            }
            Map<Long, ArticleText> fresh = ArticleReads.textsOf(h, List.copyOf(changed));
            Map<Long, IndexedText> freshWords = pass.indexTexts(fresh);
            // In the page's order; an article deleted since has no text, nor words, any more.
            Map<Long, ArticleText> texts = new LinkedHashMap<>();
            Map<Long, IndexedText> words = new LinkedHashMap<>();
            for (long id : ids) {
                boolean again = changed.contains(id);
                ArticleText text = again ? fresh.get(id) : this.texts.get(id);
                if (text != null) {
                    texts.put(id, text);
                    words.put(id, again ? freshWords.get(id) : this.words.get(id));
                }
            }
            return new Page(ids, now, texts, words);
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
            Instant before = jdbi.inTransaction(h -> {
                ChangeStamps.lockWrites(h);
                try (StoredWordIndex index = dialect.wordIndex(h)) {
                    index.forgetAllCounts();
                }
                return ChangeStamps.lastWrite(h);
            });
            progress.report("indexing words", 0, total);
            forEachPage(ALL, 0, REINDEX_PAGE, before, (h, page, unchanged) -> {
                try (StoredWordIndex index = dialect.wordIndex(h)) {
                    // The counts were reset: each row goes uncounted, then all come back counted.
                    page.words().keySet().forEach(index::drop);
                    index.insertNew(page.words());
                }
                return ChangeStamps.lastWrite(h);
            }, done -> progress.report("indexing words", done, total));
            compact(progress);
            return null;
        });
    }
}
