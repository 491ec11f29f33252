package org.khulasa.storage;

import org.khulasa.article.WordIndex;
import org.khulasa.article.RelatedMatcher.IndexedText;

/**
 * The word index related-article matching searches, with its term counts, kept by the store: one
 * per dialect (FTS5, tsvector), both holding the same Java-normalised terms. Used for one
 * transaction's work, then closed.
 */
interface StoredWordIndex extends WordIndex, AutoCloseable {

    /** Indexes {@code id} under {@code now}, in place of {@code before} (null when it had none or the counts were reset). */
    void replace(long id, IndexedText before, IndexedText now);

    /** Takes {@code id} out of the index and its words, {@code before}, out of the counts. */
    void forget(long id, IndexedText before);

    /** Makes searches fast again after many writes, where the dialect has such a thing. */
    void compact();

    /** Sets every term count to nothing, before all articles are indexed again. */
    void forgetAllCounts();

    @Override
    void close();
}
