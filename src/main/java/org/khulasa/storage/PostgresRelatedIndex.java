package org.khulasa.storage;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.khulasa.article.RelatedMatcher.IndexedText;

/**
 * The word index of postgresql/002_related_text.sql: one {@code tsvector} per article, its title
 * terms weighted A and its body terms B, under a GIN index. The terms come normalised from Java
 * (org.khulasa.related), exactly those SQLite's FTS5 table receives, and go into the vector as
 * they are ({@code array_to_tsvector}): no text-search parser or locale stands between, so both
 * databases index the same words and matching (which ranks in Java) picks the same articles.
 */
final class PostgresRelatedIndex implements WordIndex {

    private final Handle h;
    /** Reading articles (not words) is plain SQL, the same on both databases. */
    private final SqliteRelatedIndex articles;

    PostgresRelatedIndex(Handle h) {
        this.h = h;
        this.articles = new SqliteRelatedIndex(h);
    }

    @Override
    public void put(long id, IndexedText text) {
        if (text.isEmpty()) {
            h.createUpdate("DELETE FROM related_text WHERE article_id = :id").bind("id", id).execute();
            return;
        }
        h.createUpdate("""
                        INSERT INTO related_text (article_id, words) VALUES (:id, CAST(:words AS tsvector))
                        ON CONFLICT (article_id) DO UPDATE SET words = excluded.words
                        """)
                .bind("id", id).bind("words", vector(text)).execute();
    }

    @Override
    public List<Long> newestWith(String term, boolean titleOnly, int limit) {
        // Terms are letters and digits only, so quoting them is enough for tsquery's syntax;
        // :A keeps title (and tag) words only.
        String query = "'" + term + "'" + (titleOnly ? ":A" : "");
        return h.createQuery("""
                        SELECT article_id FROM related_text WHERE words @@ CAST(:query AS tsquery)
                        ORDER BY article_id DESC LIMIT :limit
                        """)
                .bind("query", query).bind("limit", limit).mapTo(Long.class).list();
    }

    @Override
    public long newestId() {
        return articles.newestId();
    }

    @Override
    public List<Candidate> describe(Collection<Long> ids) {
        return articles.describe(ids);
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
