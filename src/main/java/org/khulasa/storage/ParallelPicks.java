package org.khulasa.storage;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.khulasa.article.RelatedMatcher;
import org.khulasa.article.RelatedMatcher.ArticleText;
import org.khulasa.article.RelatedMatcher.IndexedText;
import org.khulasa.article.WordIndex;

/**
 * The automatic picks of many articles at once, on every core: the writer's thread matches some
 * on its own handle while helper threads match the rest, each on a read handle of its own. Only
 * for a pass that writes no index rows (choosing lists) under the write lock: every handle then
 * reads the same index (the writer's uncommitted rows are list rows), so the picks are the ones the
 * writer alone would make. Matching is nearly all reads and ranking; SQLite lets two connections
 * read at once, though not at twice the speed of one.
 */
record ParallelPicks(Jdbi jdbi, Dialect dialect, RelatedMatcher matcher, SearchCache cache, ExecutorService helpers,
                     int helperCount) implements AutoCloseable {

    /** One article to match: {@code count} picks wanted, none of {@code exclude}. */
    record Wanted(long id, ArticleText text, IndexedText words, Set<Long> exclude, int count) {
    }

    /** Picks with one helper thread per core but the writer's own, until closed. */
    static ParallelPicks start(Jdbi jdbi, Dialect dialect, RelatedMatcher matcher, SearchCache cache) {
        int helpers = Runtime.getRuntime().availableProcessors() - 1;
        // On one core the writer's thread matches alone: no pool.
        return new ParallelPicks(jdbi, dialect, matcher, cache, helpers < 1 ? null : Executors.newFixedThreadPool(helpers, r -> {
            Thread t = new Thread(r, "khulasa-related-picks");
            t.setDaemon(true);
            return t;
        }), helpers);
    }

    /** Each article's picks, in {@code wanted}'s order; {@code h} is the writer's handle. */
    Map<Long, List<Long>> pick(Handle h, List<Wanted> wanted, Instant now) {
        AtomicInteger next = new AtomicInteger();
        List<List<Long>> picked = new ArrayList<>(wanted.size());
        wanted.forEach(w -> picked.add(null));
        List<CompletableFuture<Void>> running = new ArrayList<>();
        for (int i = 0; i < helperCount && wanted.size() > 1; i++) {
            running.add(CompletableFuture.runAsync(() -> {
                try (Handle reader = jdbi.open(); StoredWordIndex index = dialect.wordIndex(reader)) {
                    match(wanted, next, picked, now, cache.over(index));
                }
            }, helpers));
        }
        try (StoredWordIndex index = dialect.wordIndex(h)) {
            match(wanted, next, picked, now, cache.over(index));
        }
        try {
            CompletableFuture.allOf(running.toArray(CompletableFuture[]::new)).join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
        Map<Long, List<Long>> answer = new LinkedHashMap<>();
        for (int i = 0; i < wanted.size(); i++) {
            answer.put(wanted.get(i).id(), picked.get(i));
        }
        return answer;
    }

    /** Takes the next article not yet taken, until none is left: the threads share the work evenly. */
    private void match(List<Wanted> wanted, AtomicInteger next, List<List<Long>> picked, Instant now, WordIndex index) {
        for (int i = next.getAndIncrement(); i < wanted.size(); i = next.getAndIncrement()) {
            Wanted w = wanted.get(i);
            List<Long> ids = matcher.pick(w.text(), w.words(), w.id(), w.exclude(), w.count(), now, index);
            synchronized (picked) {
                picked.set(i, ids);
            }
        }
    }

    @Override
    public void close() {
        if (helpers != null) {
            helpers.shutdownNow();
        }
    }
}
