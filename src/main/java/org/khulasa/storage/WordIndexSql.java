package org.khulasa.storage;

import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.khulasa.article.RelatedMatcher.IndexedText;

/**
 * What the word index says in one dialect's SQL: how its table ({@code related_text}) is written,
 * dropped and searched. The rest of the index is the same on every dialect: {@link StoredWordIndex}.
 */
abstract sealed class WordIndexSql permits SqliteWordIndex, PostgresWordIndex {

    private final String newestSql;
    private final String titlesSql;

    /**
     * {@code id}: the table's article id column; {@code matches}: its condition matching a
     * {@link #query} (a parameter).
     */
    WordIndexSql(String id, String matches) {
        this.newestSql = "SELECT %1$s FROM related_text WHERE %2$s ORDER BY %1$s DESC LIMIT ?".formatted(id, matches);
        this.titlesSql = "SELECT %1$s FROM related_text WHERE %2$s AND %1$s BETWEEN ? AND ? ORDER BY %1$s DESC LIMIT ?"
                .formatted(id, matches);
    }

    /** Removes {@code id}'s row; true if it had one. */
    abstract boolean drop(Handle h, long id);

    /** Adds {@code id}'s row under {@code words}. */
    abstract void insert(Handle h, long id, IndexedText words);

    /** Adds the rows of articles that have none, as one batch. */
    abstract void insertAll(Handle h, Map<Long, IndexedText> words);

    /** Makes searches fast again after many writes, where the dialect has such a thing. */
    abstract void compact(Handle h);

    /** Ids of the rows matching a {@link #query} (parameter 1), newest first, at most parameter 2. */
    final String newestSql() {
        return newestSql;
    }

    /**
     * Ids of the rows matching a {@link #query} (parameter 1) with ids from parameter 2 to
     * parameter 3, newest first, at most parameter 4.
     */
    final String titlesSql() {
        return titlesSql;
    }

    /**
     * {@link StoredWordIndex#eachPosting}: false where the dialect has no listing of its rows
     * (PostgreSQL's tsvector has none cheaper than its searches).
     */
    boolean eachPosting(Handle h, List<String> bounds, StoredWordIndex.Postings postings) {
        return false;
    }

    /**
     * The search for {@code term} in this dialect's query syntax: in the title (and tags) only, or
     * anywhere. Terms are letters and digits only, so quoting them is enough.
     */
    abstract String query(String term, boolean titleOnly);
}
