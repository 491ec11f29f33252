package org.khulasa.storage;

import java.util.List;

/**
 * Search on PostgreSQL: tsqueries over {@code related_text}'s vectors (postgresql/002), written
 * from the Java terms as they are (no text-search configuration, as the vectors were); title
 * (and tag) terms carry weight A, so {@code 'term':A} finds them there only.
 */
final class PostgresWordSearch implements WordSearch {

    private static final String NEWEST = """
            SELECT m.id, a.published_at FROM (
                SELECT article_id AS id FROM related_text WHERE words @@ CAST(:match AS tsquery)
                ORDER BY article_id DESC LIMIT :newest) m
            JOIN articles a ON a.id = m.id
            WHERE a.status = 'published' AND a.published_at <= :visibleAt
            ORDER BY m.id DESC
            """;
    private static final String BETWEEN = "SELECT article_id FROM related_text WHERE words @@ CAST(:match AS tsquery)"
            + " AND article_id BETWEEN :lo AND :hi";

    /** {@code ('a' | 'b') & ('c')}. */
    @Override
    public String everywhere(List<List<String>> words) {
        return WordSearch.join(words, "'", "", " | ", " & ");
    }

    @Override
    public String allInTitle(List<List<String>> words) {
        return WordSearch.join(words, "'", ":A", " | ", " & ");
    }

    @Override
    public String anyInTitle(List<List<String>> words) {
        return allInTitle(WordSearch.eachTerm(words));
    }

    @Override
    public String newestSql() {
        return NEWEST;
    }

    @Override
    public String betweenSql() {
        return BETWEEN;
    }
}
