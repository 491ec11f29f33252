package org.khulasa.storage;

import org.khulasa.article.RelatedIndex;
import org.khulasa.article.RelatedMatcher.IndexedText;

/** The word index related-article matching searches, kept by the store: one per dialect, same terms in both. */
interface WordIndex extends RelatedIndex {

    /** Replaces what {@code id} is indexed under; an empty text removes it from the index. */
    void put(long id, IndexedText text);
}
