package org.khulasa.storage;

import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;

/**
 * Search on SQLite: FTS5 queries of {@code related_text} (sqlite/002). FTS5 walks a term's list
 * from its newest end and seeks to an id range, so both queries cost the same in any archive.
 * (Its bm25 ranks nothing here: the table keeps no positions, {@code detail=column}.)
 */
final class SqliteWordSearch implements WordSearch {

    private static final String NEWEST = """
            SELECT m.id, a.published_at FROM (
                SELECT rowid AS id FROM related_text WHERE related_text MATCH :match
                ORDER BY rowid DESC LIMIT :newest) m
            JOIN articles a ON a.id = m.id
            WHERE a.status = 'published' AND a.published_at <= :visibleAt
            ORDER BY m.id DESC
            """;
    private static final String BETWEEN = "SELECT rowid FROM related_text WHERE related_text MATCH :match"
            + " AND rowid BETWEEN :lo AND :hi";

    /**
     * As they come: FTS5 walks the lists the same way whatever the words. (Not in a transaction:
     * on SQLite every transaction takes the write lock, see SqliteDialect.)
     */
    @Override
    public <T> T planned(Handle h, Supplier<T> queries) {
        return queries.get();
    }

    /** {@code ("a" OR "b") AND ("c")}. */
    @Override
    public String everywhere(List<List<String>> words) {
        return WordSearch.join(words, "\"", "", " OR ", " AND ");
    }

    @Override
    public String allInTitle(List<List<String>> words) {
        return "title : (" + everywhere(words) + ")";
    }

    @Override
    public String anyInTitle(List<List<String>> words) {
        return allInTitle(WordSearch.eachTerm(words));
    }

    @Override
    public String newestSql() {
        return NEWEST;
    }

    /** Searched between the lowest and the highest of them, where FTS5 seeks straight to the range. */
    @Override
    public Set<Long> alsoMatching(Handle h, String match, List<Long> ids) {
        return new HashSet<>(h.createQuery(BETWEEN).bind("match", match)
                .bind("lo", Collections.min(ids)).bind("hi", Collections.max(ids)).mapTo(Long.class).list());
    }
}
