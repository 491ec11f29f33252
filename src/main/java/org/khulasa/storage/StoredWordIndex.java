package org.khulasa.storage;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.ObjLongConsumer;
import org.jdbi.v3.core.Handle;
import org.khulasa.article.RelatedMatcher.IndexedText;
import org.khulasa.article.WordIndex;

/**
 * The word index related-article matching searches, with its term counts, kept by the store and
 * used for one transaction's work, then closed. Both dialects hold the same Java-normalised terms;
 * only their tables and search syntax (FTS5, tsvector) differ: a {@link WordIndexSql}. Term counts
 * ({@link TermCounts}) and candidate reads ({@link CandidateReads}) are the same portable SQL on both.
 */
final class StoredWordIndex implements WordIndex, AutoCloseable {

    private final Handle h;
    private final WordIndexSql table;
    private final TermCounts counts;
    private final CandidateReads candidates;
    private final PreparedSearch newest;
    private final PreparedSearch titles;

    StoredWordIndex(Handle h, WordIndexSql table) {
        this.h = h;
        this.table = table;
        this.counts = new TermCounts(h);
        this.candidates = new CandidateReads(h);
        this.newest = new PreparedSearch(h, table.newestSql());
        this.titles = new PreparedSearch(h, table.titlesSql());
    }

    /**
     * Indexes {@code id} under {@code now}, in place of {@code before} (null when it had none or
     * the counts were reset, when any row it has is dropped uncounted).
     */
    void replace(long id, IndexedText before, IndexedText now) {
        if (before != null) {
            forget(id, before);
        } else {
            table.drop(h, id);
        }
        if (!now.isEmpty()) {
            table.insert(h, id, now);
            counts.add(now, +1);
        }
    }

    /**
     * Indexes articles that are not in the index yet (new ones, or after their rows were
     * dropped), in one go: the same rows and counts as {@link #replace} for each.
     */
    void insertNew(Map<Long, IndexedText> words) {
        counts.addAll(insertUncounted(words));
    }

    /**
     * {@link #insertNew} without the counts, which the caller adds later with {@link #addCounts}
     * ({@link TermCounts#tally} of what this answers): the rows it wrote.
     */
    Collection<IndexedText> insertUncounted(Map<Long, IndexedText> words) {
        Map<Long, IndexedText> indexed = new LinkedHashMap<>();
        words.forEach((id, w) -> {
            if (!w.isEmpty()) {
                indexed.put(id, w);
            }
        });
        table.insertAll(h, indexed);
        return indexed.values();
    }

    /** Adds counts tallied from rows {@link #insertUncounted} wrote. */
    void addCounts(Map<String, Integer> tally) {
        counts.addTallied(tally);
    }

    /**
     * Takes {@code id} out of the index and its words, {@code before}, out of the counts; an
     * article stored before the index existed was never counted and changes no count.
     */
    void forget(long id, IndexedText before) {
        if (table.drop(h, id)) {
            counts.add(before, -1);
        }
    }

    /** Removes {@code id}'s row, leaving the counts alone (they were reset). */
    void drop(long id) {
        table.drop(h, id);
    }

    /** Sets every term count to nothing, before all articles are indexed again. */
    void forgetAllCounts() {
        counts.forgetAll();
    }

    /** Makes searches fast again after many writes, where the dialect has such a thing. */
    void compact() {
        table.compact(h);
    }

    @Override
    public List<Long> newestWith(String term, boolean titleOnly, int limit) {
        return newest.ids(new ArrayList<>(limit), table.query(term, titleOnly), limit);
    }

    @Override
    public Set<Long> titlesWith(String term, List<Long> among) {
        // No more than among.size() can match: every holder of the term in that range is one of them.
        return among.isEmpty() ? Set.of()
                : titles.ids(new HashSet<>(), table.query(term, true), Collections.min(among), Collections.max(among),
                        among.size());
    }

    @Override
    public Map<String, Long> articlesWith(Collection<String> terms) {
        return counts.of(terms);
    }

    /** How many terms some indexed article holds. */
    long termCount() {
        return counts.terms();
    }

    /** Each term some indexed article holds, with how many do, in one scan. */
    void eachTermCount(ObjLongConsumer<String> consumer) {
        counts.each(consumer);
    }

    /** How many rows hold the terms held by 2 to {@code limit} articles, in all, as counted. */
    long rareHolderCount(int limit) {
        return counts.rareHolders(limit);
    }

    /** The terms more than {@code limit} articles hold, as counted, in the index's order. */
    List<String> termsHeldByMore(int limit) {
        return counts.heldByMore(limit);
    }

    /** One row of the index: a term, an article holding it, and whether in its title or tags. */
    interface Postings {
        /** False when no more rows are wanted. */
        boolean accept(String term, long id, boolean inTitle);
    }

    /**
     * Hands {@code postings} the index's rows of the terms between each two consecutive
     * {@code bounds} (in the index's order; the bounds themselves excluded, a null first or last
     * one open), in term order, then article id order, until it wants no more; false when the
     * dialect cannot list them.
     */
    boolean eachPosting(List<String> bounds, Postings postings) {
        return table.eachPosting(h, bounds, postings);
    }

    /** Every candidate's description at once, for a pass over the archive ({@link CandidateTable}). */
    Optional<CandidateTable> candidateTable() {
        return CandidateTable.read(candidates);
    }

    @Override
    public long newestId() {
        return candidates.newestId();
    }

    @Override
    public List<Candidate> describe(Collection<Long> ids) {
        return candidates.describe(ids);
    }

    @Override
    public void close() {
        PreparedSearch.closeBoth(newest, titles);
    }
}
