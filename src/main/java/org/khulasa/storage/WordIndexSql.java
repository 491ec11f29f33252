package org.khulasa.storage;

import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.khulasa.article.RelatedMatcher.IndexedText;

/**
 * What the word index says in one dialect's SQL: how its table ({@code related_text}) is written,
 * dropped and searched. The rest of the index is the same on every dialect: {@link StoredWordIndex}.
 */
interface WordIndexSql {

    /** Removes {@code id}'s row; true if it had one. */
    boolean drop(Handle h, long id);

    /** Adds {@code id}'s row under {@code words}. */
    void insert(Handle h, long id, IndexedText words);

    /** Adds the rows of articles that have none, as one batch. */
    void insertAll(Handle h, Map<Long, IndexedText> words);

    /** Makes searches fast again after many writes, where the dialect has such a thing. */
    void compact(Handle h);

    /** Ids of the rows matching a {@link #query} (parameter 1), newest first, at most parameter 2. */
    String newestSql();

    /**
     * Ids of the rows matching a {@link #query} (parameter 1) with ids from parameter 2 to
     * parameter 3, newest first, at most parameter 4.
     */
    String titlesSql();

    /**
     * The search for {@code term} in this dialect's query syntax: in the title (and tags) only, or
     * anywhere. Terms are letters and digits only, so quoting them is enough.
     */
    String query(String term, boolean titleOnly);
}
