package org.khulasa.storage;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.khulasa.article.WordIndex;

/**
 * The word index as a pass over many articles searches it, remembering answers: articles of one
 * story search the same rare words, and all of them the same common ones. Only for a pass that
 * writes no index rows nor articles itself (choosing lists); the answers are those of the index
 * at the time, so a pass forgets them all whenever someone else has written ({@link #clear}).
 * Each map keeps its most recently used entries only, so memory stays flat however large the archive:
 * some 150 MB at most, sized so that a 100,000-article archive's searches all stay (a pass over a
 * larger one forgets the least used), within an import's 256 MB heap.
 * Several threads may search through it at once ({@link ParallelPicks}), each over its own handle:
 * the maps are touched under this object's lock, the database is read outside it.
 */
final class SearchCache {

    private static final int COUNTS = 200_000;
    /**
     * What the searches' answers may hold, in longs (8 bytes): each answer its ids plus
     * {@value #ENTRY} for the entry itself. Most words are rare and find a few articles.
     */
    private static final int HELD = 8_000_000;
    private static final int ENTRY = 16;
    private static final int CANDIDATES = 120_000;

    private final Map<String, Long> counts = recent(COUNTS);
    private final Map<String, long[]> newest = recent(Integer.MAX_VALUE);
    private final Map<String, long[][]> titles = recent(Integer.MAX_VALUE);
    private long held;
    private final Map<Long, Optional<WordIndex.Candidate>> candidates = recent(CANDIDATES);
    private long newestId = -1;

    synchronized void clear() {
        counts.clear();
        newest.clear();
        titles.clear();
        candidates.clear();
        newestId = -1;
        held = 0;
    }

    /** Forgets the searches least recently used until the ids held fit the bound again. */
    private void trim() {
        while (held > HELD && !newest.isEmpty()) {
            Iterator<long[]> eldest = newest.values().iterator();
            held -= eldest.next().length + ENTRY;
            eldest.remove();
        }
        while (held > HELD && !titles.isEmpty()) {
            Iterator<long[][]> eldest = titles.values().iterator();
            long[][] gone = eldest.next();
            held -= gone[0].length + gone[1].length + ENTRY;
            eldest.remove();
        }
    }

    /** {@code index} (this transaction's, or a reader's beside it), answering from memory where it can. */
    WordIndex over(WordIndex index) {
        return new WordIndex() {
            @Override
            public List<Long> newestWith(String term, boolean titleOnly, int limit) {
                String key = (titleOnly ? "t" : "a") + limit + ":" + term;
                long[] ids;
                synchronized (SearchCache.this) {
                    ids = newest.get(key);
                }
                if (ids == null) {
                    ids = longs(index.newestWith(term, titleOnly, limit));
                    synchronized (SearchCache.this) {
                        long[] replaced = newest.put(key, ids);
                        held += ids.length + ENTRY - (replaced == null ? 0 : replaced.length + ENTRY);
                        trim();
                    }
                }
                return boxed(ids);
            }

            @Override
            public Set<Long> titlesWith(String term, List<Long> among) {
                long[] asked = longs(among);
                long[][] known;
                synchronized (SearchCache.this) {
                    known = titles.get(term);
                }
                if (known == null || !Arrays.equals(known[0], asked)) {
                    known = new long[][] {asked, longs(index.titlesWith(term, among))};
                    synchronized (SearchCache.this) {
                        long[][] replaced = titles.put(term, known);
                        held += known[0].length + known[1].length
                                - (replaced == null ? -ENTRY : replaced[0].length + replaced[1].length);
                        trim();
                    }
                }
                return new HashSet<>(boxed(known[1]));
            }

            @Override
            public Map<String, Long> articlesWith(Collection<String> terms) {
                Map<String, Long> answer = new HashMap<>();
                List<String> missing = new ArrayList<>();
                synchronized (SearchCache.this) {
                    for (String t : terms) {
                        Long n = counts.get(t);
                        if (n == null) {
                            missing.add(t);
                        } else if (n > 0) {
                            answer.put(t, n);
                        }
                    }
                }
                if (!missing.isEmpty()) {
                    Map<String, Long> found = index.articlesWith(missing);
                    synchronized (SearchCache.this) {
                        missing.forEach(t -> counts.put(t, found.getOrDefault(t, 0L)));
                    }
                    answer.putAll(found);
                }
                return answer;
            }

            @Override
            public long newestId() {
                synchronized (SearchCache.this) {
                    if (newestId >= 0) {
                        return newestId;
                    }
                }
                long id = index.newestId();
                synchronized (SearchCache.this) {
                    newestId = id;
                }
                return id;
            }

            @Override
            public List<Candidate> describe(Collection<Long> ids) {
                List<Candidate> answer = new ArrayList<>();
                List<Long> missing = new ArrayList<>();
                synchronized (SearchCache.this) {
                    for (long id : ids) {
                        Optional<Candidate> c = candidates.get(id);
                        if (c == null) {
                            missing.add(id);
                        } else {
                            c.ifPresent(answer::add);
                        }
                    }
                }
                if (!missing.isEmpty()) {
                    Map<Long, Candidate> found = new HashMap<>();
                    index.describe(missing).forEach(c -> found.put(c.id(), c));
                    synchronized (SearchCache.this) {
                        missing.forEach(id -> candidates.put(id, Optional.ofNullable(found.get(id))));
                    }
                    answer.addAll(found.values());
                }
                return answer;
            }
        };
    }

    private static long[] longs(Collection<Long> ids) {
        return ids.stream().mapToLong(Long::longValue).toArray();
    }

    private static List<Long> boxed(long[] ids) {
        List<Long> list = new ArrayList<>(ids.length);
        for (long id : ids) {
            list.add(id);
        }
        return list;
    }

    private static <K, V> Map<K, V> recent(int size) {
        return new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > size;
            }
        };
    }
}
