package org.khulasa.storage;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.khulasa.article.RelatedMatcher.IndexedText;

/**
 * The word index of postgresql/002_related_text.sql: one {@code tsvector} per article, its title
 * terms weighted A and its body terms B, under a GIN index. The terms come normalised from Java
 * (org.khulasa.related), exactly those SQLite's FTS5 table receives, and go into the vector as
 * they are (written in tsvector syntax, not run through a text-search configuration): no parser
 * or locale stands between, so both databases index the same words and matching (which ranks in
 * Java, the same for both) picks the same articles.
 */
final class PostgresWordIndex extends WordIndexSql {

    PostgresWordIndex() {
        super("article_id", "words @@ CAST(? AS tsquery)");
    }

    @Override
    public boolean drop(Handle h, long id) {
        return h.createUpdate("DELETE FROM related_text WHERE article_id = :id").bind("id", id).execute() > 0;
    }

    @Override
    public void insert(Handle h, long id, IndexedText words) {
        h.createUpdate("""
                        INSERT INTO related_text (article_id, words) VALUES (:id, CAST(:words AS tsvector))
                        ON CONFLICT (article_id) DO UPDATE SET words = excluded.words
                        """)
                .bind("id", id).bind("words", vector(words)).execute();
    }

    @Override
    public void insertAll(Handle h, Map<Long, IndexedText> words) {
        IndexJdbc.batch(h, "INSERT INTO related_text (article_id, words) VALUES (?, CAST(? AS tsvector))", words,
                (s, id, w) -> {
                    s.setLong(1, id);
                    s.setString(2, vector(w));
                });
    }

    /** GIN keeps itself in shape (autovacuum merges its pending list): nothing to do. */
    @Override
    public void compact(Handle h) {
    }

    /** {@code :A} keeps title (and tag) words only. */
    @Override
    public String query(String term, boolean titleOnly) {
        return "'" + term + "'" + (titleOnly ? ":A" : "");
    }

    /**
     * The vector in PostgreSQL's input syntax, one entry per term: {@code 'term':1A} in the title,
     * {@code 'term':2B} in the body, {@code 'term':1A,2B} in both. Weights live on positions (a
     * vector without positions loses them, and a title-only search would match body words), and
     * one position per place is all matching needs. Terms are letters and digits only: quoting
     * them is enough.
     */
    static String vector(IndexedText text) {
        Map<String, String> places = new LinkedHashMap<>();
        for (String term : text.title().split(" ")) {
            if (!term.isEmpty()) {
                places.put(term, "1A");
            }
        }
        for (String term : text.body().split(" ")) {
            if (!term.isEmpty()) {
                places.merge(term, "2B", (title, body) -> title.equals("2B") ? title : title + ",2B");
            }
        }
        StringBuilder vector = new StringBuilder();
        places.forEach((term, at) -> vector.append(vector.isEmpty() ? "" : " ")
                .append('\'').append(term).append("':").append(at));
        return vector.toString();
    }
}
