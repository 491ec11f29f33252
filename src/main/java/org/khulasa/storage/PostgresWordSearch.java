package org.khulasa.storage;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;

/**
 * Search on PostgreSQL: tsqueries over {@code related_text}'s vectors (postgresql/002), written
 * from the Java terms as they are (no text-search configuration, as the vectors were); title
 * (and tag) terms carry weight A, so {@code 'term':A} finds them there only.
 */
final class PostgresWordSearch extends WordSearch {

    private static final String AMONG = "SELECT article_id FROM related_text WHERE article_id = ANY(:ids)"
            + " AND words @@ CAST(:match AS tsquery)";

    PostgresWordSearch() {
        super("SELECT article_id AS id FROM related_text WHERE words @@ CAST(:match AS tsquery)"
                + " ORDER BY article_id DESC LIMIT :newest");
    }

    /**
     * Plans each query for its own words. The best plan depends on them: for a common word, walk
     * the ids backwards until enough match; for a rare one, ask the GIN index. A plan cached for
     * any words (what the driver's server-side statements get after a few runs) walks backwards
     * always, which for a rare word reads every row: seconds at a million articles.
     */
    @Override
    public <T> T planned(Handle h, Supplier<T> queries) {
        return h.inTransaction(tx -> {
            tx.execute("SET LOCAL plan_cache_mode = force_custom_plan"); // for this transaction only
            return queries.get();
        });
    }

    /** {@code ('a' | 'b') & ('c')}; {@code :A} on each term keeps it to title (and tag) words. */
    @Override
    public String match(List<List<String>> words, boolean titleOnly) {
        return WordSearch.join(words, "'", titleOnly ? ":A" : "", " | ", " & ");
    }

    /**
     * Looked up by id: GIN holds no weights, so a title-only query read through it would recheck
     * every article holding the words anywhere (a third of the archive, for a common word).
     */
    @Override
    public Set<Long> alsoMatching(Handle h, String match, List<Long> ids) {
        return new HashSet<>(h.createQuery(AMONG).bind("match", match).bindArray("ids", Long.class, ids)
                .mapTo(Long.class).list());
    }
}
