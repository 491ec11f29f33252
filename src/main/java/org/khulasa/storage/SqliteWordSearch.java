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
final class SqliteWordSearch extends WordSearch {

    private static final String BETWEEN = "SELECT rowid FROM related_text WHERE related_text MATCH :match"
            + " AND rowid BETWEEN :lo AND :hi";

    SqliteWordSearch() {
        super("SELECT rowid AS id FROM related_text WHERE related_text MATCH :match"
                + " ORDER BY rowid DESC LIMIT :newest");
    }

    /**
     * As they come: FTS5 walks the lists the same way whatever the words. (Not in a transaction:
     * on SQLite every transaction takes the write lock, see SqliteDialect.)
     */
    @Override
    public <T> T planned(Handle h, Supplier<T> queries) {
        return queries.get();
    }

    /** {@code ("a" OR "b") AND ("c")}, kept to the title column by {@code title : (...)}. */
    @Override
    public String match(List<List<String>> words, boolean titleOnly) {
        String all = WordSearch.join(words, "\"", "", " OR ", " AND ");
        return titleOnly ? "title : (" + all + ")" : all;
    }

    /** Searched between the lowest and the highest of them, where FTS5 seeks straight to the range. */
    @Override
    public Set<Long> alsoMatching(Handle h, String match, List<Long> ids) {
        return new HashSet<>(h.createQuery(BETWEEN).bind("match", match)
                .bind("lo", Collections.min(ids)).bind("hi", Collections.max(ids)).mapTo(Long.class).list());
    }
}
