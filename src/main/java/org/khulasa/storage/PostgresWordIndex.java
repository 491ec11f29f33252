package org.khulasa.storage;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.khulasa.article.RelatedMatcher.IndexedText;

/**
 * The word index of postgresql/002_related_text.sql: one {@code tsvector} per article, its title
 * terms weighted A and its body terms B, under a GIN index. The terms come normalised from Java
 * (org.khulasa.related), exactly those SQLite's FTS5 table receives, and go into the vector as
 * they are (written in tsvector syntax, not run through a text-search configuration): no parser
 * or locale stands between, so both databases index the same words and matching (which ranks in
 * Java, the same for both) picks the same articles. Term counts ({@link TermCounts}) and candidate
 * reads ({@link CandidateReads}) are the same portable SQL as SQLite's.
 */
final class PostgresWordIndex implements StoredWordIndex {

    private final Handle h;
    private final TermCounts counts;
    private final CandidateReads candidates;
    private PreparedStatement newest;
    private PreparedStatement titles;

    PostgresWordIndex(Handle h) {
        this.h = h;
        this.counts = new TermCounts(h);
        this.candidates = new CandidateReads(h);
    }

    @Override
    public void replace(long id, IndexedText before, IndexedText now) {
        if (before != null) {
            forget(id, before);
        }
        if (now.isEmpty()) {
            h.createUpdate("DELETE FROM related_text WHERE article_id = :id").bind("id", id).execute();
            return;
        }
        h.createUpdate("""
                        INSERT INTO related_text (article_id, words) VALUES (:id, CAST(:words AS tsvector))
                        ON CONFLICT (article_id) DO UPDATE SET words = excluded.words
                        """)
                .bind("id", id).bind("words", vector(now)).execute();
        counts.add(now, +1);
    }

    @Override
    public void forget(long id, IndexedText before) {
        int deleted = h.createUpdate("DELETE FROM related_text WHERE article_id = :id").bind("id", id).execute();
        if (deleted > 0) {
            counts.add(before, -1);
        }
    }

    /** GIN keeps itself in shape (autovacuum merges its pending list): nothing to do. */
    @Override
    public void compact() {
    }

    @Override
    public void forgetAllCounts() {
        counts.forgetAll();
    }

    @Override
    public Map<String, Long> articlesWith(Collection<String> terms) {
        return counts.of(terms);
    }

    @Override
    public List<Long> newestWith(String term, boolean titleOnly, int limit) {
        // Terms are letters and digits only, so quoting them is enough for tsquery's syntax;
        // :A keeps title (and tag) words only.
        String query = "'" + term + "'" + (titleOnly ? ":A" : "");
        try {
            if (newest == null) {
                newest = h.getConnection().prepareStatement("SELECT article_id FROM related_text"
                        + " WHERE words @@ CAST(? AS tsquery) ORDER BY article_id DESC LIMIT ?");
            }
            newest.setString(1, query);
            newest.setInt(2, limit);
            return IndexJdbc.ids(newest, new ArrayList<>(limit));
        } catch (SQLException e) {
            throw IndexJdbc.failure("searching the word index", e);
        }
    }

    @Override
    public Set<Long> titlesWith(String term, List<Long> among) {
        if (among.isEmpty()) {
            return Set.of();
        }
        try {
            if (titles == null) {
                titles = h.getConnection().prepareStatement("SELECT article_id FROM related_text"
                        + " WHERE words @@ CAST(? AS tsquery) AND article_id BETWEEN ? AND ?");
            }
            titles.setString(1, "'" + term + "':A");
            titles.setLong(2, java.util.Collections.min(among));
            titles.setLong(3, java.util.Collections.max(among));
            return IndexJdbc.ids(titles, new java.util.HashSet<>());
        } catch (SQLException e) {
            throw IndexJdbc.failure("searching the word index", e);
        }
    }

    @Override
    public long newestId() {
        return candidates.newestId();
    }

    @Override
    public List<Candidate> describe(Collection<Long> ids) {
        return candidates.describe(ids);
    }

    @Override
    public void close() {
        IndexJdbc.closeAll(newest, titles);
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
