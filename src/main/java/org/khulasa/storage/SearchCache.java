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
 * Before the pass, what a large archive's pass would otherwise search one by one is read into
 * memory where it fits ({@link #readTables}): every term's count and every rare term's holders
 * ({@link TermTable}, which also keeps the common terms' newest holders once searched), and every
 * candidate's description ({@link CandidateTable}). Each map keeps its most recently used entries
 * only, so memory stays flat however large the archive: some 150 MB at most without the tables,
 * sized so that a 100,000-article archive's searches all stay (a pass over a larger one forgets
 * the least used); with them, the maps hold only what the tables had no room for, within a
 * quarter of the bound, and all of it some 180 MB at most, within an import's 256 MB heap.
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
    /**
     * Terms held by at most this many articles are rare: with the index's terms in memory
     * ({@link TermTable}), their holders are too, and the common terms' are kept there once
     * searched; the answers kept here are what did not fit, within a quarter of the bound.
     */
    private static final int RARE = 100;

    /** Both read by {@link #readTables} before the pass; dropped by {@link #clear} for the rest of it. */
    private TermTable terms;
    private CandidateTable candidateTable;
    private final Map<String, Long> counts = recent(COUNTS);
    private final Map<HoldersKey, WordIndex.Holders> holders = recent(Integer.MAX_VALUE);
    private long held;
    private final Map<Long, Optional<WordIndex.Candidate>> candidates = recent(CANDIDATES);
    private long newestId = -1;

    /** A term's newest holders, at most {@code limit}. */
    private record HoldersKey(String term, int limit) {
    }

    /**
     * Reads the index's terms and the candidates' descriptions into memory for the pass, where
     * they fit: a long read, made before the pass takes the write lock, half of it through
     * {@code beside} (another connection, or null) on another thread. The caller notes when the
     * last write was before it, and clears the cache if another came since.
     */
    void readTables(StoredWordIndex index, StoredWordIndex beside) {
        TermTable read = TermTable.read(index, beside, RARE).orElse(null);
        CandidateTable described = index.candidateTable().orElse(null);
        synchronized (this) {
            terms = read;
            candidateTable = described;
        }
    }

    private synchronized TermTable terms() {
        return terms;
    }

    private synchronized CandidateTable candidateTable() {
        return candidateTable;
    }

    /** Forgets every answer, the terms read before the pass included: they are not read again, searched instead. */
    synchronized void clear() {
        terms = null;
        candidateTable = null;
        counts.clear();
        holders.clear();
        candidates.clear();
        newestId = -1;
        held = 0;
    }

    /** Forgets the searches least recently used until the ids held fit the bound again. */
    private void trim() {
        Iterator<WordIndex.Holders> eldest = holders.values().iterator();
        long bound = terms != null && terms.holdsRare() ? HELD / 4 : HELD;
        while (held > bound && eldest.hasNext()) {
            held -= eldest.next().size() + ENTRY;
            eldest.remove();
        }
    }

    /** Keeps {@code found} among the recent answers. */
    private synchronized void remember(HoldersKey key, WordIndex.Holders found) {
        WordIndex.Holders replaced = holders.put(key, found);
        held += found.size() + ENTRY - (replaced == null ? 0 : replaced.size() + ENTRY);
        trim();
    }

    /** {@code index} (this transaction's, or a reader's beside it), answering from memory where it can. */
    WordIndex over(StoredWordIndex index) {
        return new WordIndex() {
            @Override
            public Holders holders(String term, boolean titles, int limit) {
                TermTable all = terms();
                if (all != null) {
                    Optional<Holders> held = all.holders(term, limit);
                    if (held.isPresent()) {
                        return held.get();
                    }
                    if (all.keeps(term, limit)) {
                        // Searched with titles whether asked or not: kept once, for every later ask.
                        Holders found = index.holders(term, true, limit);
                        if (!all.keep(term, found)) {
                            remember(new HoldersKey(term, limit), found);
                        }
                        return found;
                    }
                }
                HoldersKey key = new HoldersKey(term, limit);
                Holders known;
                synchronized (SearchCache.this) {
                    known = holders.get(key);
                }
                if (known != null && (known.inTitle() != null || !titles)) {
                    return known;
                }
                // Asked with titles once, a term keeps them: its holders are searched again.
                Holders found = index.holders(term, titles || known != null, limit);
                remember(key, found);
                return found;
            }

            @Override
            public List<Long> newestWith(String term, boolean titleOnly, int limit) {
                if (titleOnly) {
                    return index.newestWith(term, true, limit);
                }
                long[] ids = holders(term, false, limit).ids();
                List<Long> list = new ArrayList<>(ids.length);
                for (long id : ids) {
                    list.add(id);
                }
                return list;
            }

            @Override
            public Set<Long> titlesWith(String term, List<Long> among) {
                return index.titlesWith(term, among);
            }

            @Override
            public Map<String, Long> articlesWith(Collection<String> terms) {
                TermTable all = terms();
                if (all != null) {
                    Map<String, Long> answer = new HashMap<>();
                    for (String t : terms) {
                        long n = all.count(t);
                        if (n > 0) {
                            answer.put(t, n);
                        }
                    }
                    return answer;
                }
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
                CandidateTable all = candidateTable();
                if (all != null) {
                    return all.describe(ids);
                }
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

    private static <K, V> Map<K, V> recent(int size) {
        return new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > size;
            }
        };
    }
}
