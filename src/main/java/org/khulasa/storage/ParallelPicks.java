package org.khulasa.storage;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
 * writer alone would make, in a fraction of the time. Matching is nearly all reads and ranking.
 */
final class ParallelPicks implements AutoCloseable {

    /** One article to match: {@code count} picks wanted, none of {@code exclude}. */
    record Wanted(long id, ArticleText text, IndexedText words, Set<Long> exclude, int count) {
    }

    private final Jdbi jdbi;
    private final Dialect dialect;
    private final RelatedMatcher matcher;
    private final SearchCache cache;
    private final ExecutorService helpers;
    private final int helperCount;

    ParallelPicks(Jdbi jdbi, Dialect dialect, RelatedMatcher matcher, SearchCache cache) {
        this.jdbi = jdbi;
        this.dialect = dialect;
        this.matcher = matcher;
        this.cache = cache;
        this.helperCount = Runtime.getRuntime().availableProcessors() - 1;
        this.helpers = helperCount > 0 ? Executors.newFixedThreadPool(helperCount, r -> {
            Thread t = new Thread(r, "khulasa-related-picks");
            t.setDaemon(true);
            return t;
        }) : null;
    }

    /** Each article's picks, in {@code wanted}'s order; {@code h} is the writer's handle. */
    Map<Long, List<Long>> pick(Handle h, List<Wanted> wanted, Instant now) {
        AtomicInteger next = new AtomicInteger();
        List<List<Long>> picked = new ArrayList<>(wanted.size());
        wanted.forEach(w -> picked.add(null));
        List<Future<?>> running = new ArrayList<>();
        for (int i = 0; i < helperCount && wanted.size() > 1; i++) {
            running.add(helpers.submit(() -> {
                try (Handle reader = jdbi.open(); StoredWordIndex index = dialect.wordIndex(reader)) {
                    match(wanted, next, picked, now, cache.over(index));
                }
            }));
        }
        try (StoredWordIndex index = dialect.wordIndex(h)) {
            match(wanted, next, picked, now, cache.over(index));
        }
        for (Future<?> helper : running) {
            awaitHelper(helper);
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

    private static void awaitHelper(Future<?> helper) {
        try {
            helper.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while choosing related articles", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    @Override
    public void close() {
        if (helpers != null) {
            helpers.shutdownNow();
        }
    }
}
