package org.khulasa.storage;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.khulasa.article.WordIndex;
import org.khulasa.article.RelatedMatcher.IndexedText;

/**
 * The word index related-article matching searches, with its term counts, kept by the store: one
 * per dialect (FTS5, tsvector), both holding the same Java-normalised terms. Used for one
 * transaction's work, then closed.
 */
interface StoredWordIndex extends WordIndex, AutoCloseable {

    /**
     * Indexes {@code id} under {@code now}, in place of {@code before} (null when it had none or
     * the counts were reset, when any row it has is dropped uncounted).
     */
    default void replace(long id, IndexedText before, IndexedText now) {
        if (before != null) {
            forget(id, before);
        } else {
            drop(id);
        }
        if (!now.isEmpty()) {
            insert(id, now);
            counts().add(now, +1);
        }
    }

    /**
     * Indexes articles that are not in the index yet (new ones, or after their rows were
     * dropped), in one go: the same rows and counts as {@link #replace} for each.
     */
    default void insertNew(Map<Long, IndexedText> words) {
        Map<Long, IndexedText> indexed = new LinkedHashMap<>();
        words.forEach((id, w) -> {
            if (!w.isEmpty()) {
                indexed.put(id, w);
            }
        });
        insertAll(indexed);
        counts().addAll(indexed.values());
    }

    /**
     * Takes {@code id} out of the index and its words, {@code before}, out of the counts; an
     * article stored before the index existed was never counted and changes no count.
     */
    default void forget(long id, IndexedText before) {
        if (drop(id)) {
            counts().add(before, -1);
        }
    }

    /** Removes {@code id}'s row, leaving the counts alone; true if it had one. */
    boolean drop(long id);

    /** Adds {@code id}'s row under {@code words}, leaving the counts alone. */
    void insert(long id, IndexedText words);

    /** Adds the rows of articles that have none, leaving the counts alone. */
    void insertAll(Map<Long, IndexedText> words);

    /** Makes searches fast again after many writes, where the dialect has such a thing. */
    void compact();

    /** The transaction this index works in. */
    Handle handle();

    /** The term counts this index keeps ({@code related_terms}, the same on every dialect). */
    default TermCounts counts() {
        return new TermCounts(handle());
    }

    /** Reads of the articles a search found (the same on every dialect). */
    default CandidateReads candidates() {
        return new CandidateReads(handle());
    }

    @Override
    default Map<String, Long> articlesWith(Collection<String> terms) {
        return counts().of(terms);
    }

    /** Sets every term count to nothing, before all articles are indexed again. */
    default void forgetAllCounts() {
        counts().forgetAll();
    }

    @Override
    default long newestId() {
        return candidates().newestId();
    }

    @Override
    default List<Candidate> describe(Collection<Long> ids) {
        return candidates().describe(ids);
    }

    @Override
    void close();
}
