package org.khulasa.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.khulasa.article.RelatedMatcher.IndexedText;

/**
 * The word index of migrations 002 and 004 (an FTS5 table and the term counts), read and
 * written through one handle. Matching runs some thirty searches per article: they go through
 * plain JDBC, as Jdbi's per-statement work would cost more than the searches themselves.
 */
final class SqliteRelatedIndex implements WordIndex {

    private final Handle h;
    private PreparedStatement newest;
    private PreparedStatement titles;

    SqliteRelatedIndex(Handle h) {
        this.h = h;
    }

    /** Indexes {@code id} under {@code now}, in place of {@code before} (null when it had none). */
    @Override
    public void replace(long id, IndexedText before, IndexedText now) {
        if (before != null) {
            forget(id, before);
        } else {
            h.createUpdate("DELETE FROM related_text WHERE rowid = :id").bind("id", id).execute();
        }
        if (!now.isEmpty()) {
            h.createUpdate("INSERT INTO related_text (rowid, title, body) VALUES (:id, :title, :body)")
                    .bind("id", id).bind("title", now.title()).bind("body", now.body()).execute();
            count(now, +1);
        }
    }

    /**
     * Takes {@code id} out of the index and its words, {@code before}, out of the counts; an
     * article stored before the index existed was never counted and changes no count.
     */
    @Override
    public void forget(long id, IndexedText before) {
        boolean indexed = h.createQuery("SELECT COUNT(*) FROM related_text WHERE rowid = :id")
                .bind("id", id).mapTo(Integer.class).one() > 0;
        if (indexed) {
            h.createUpdate("DELETE FROM related_text WHERE rowid = :id").bind("id", id).execute();
            count(before, -1);
        }
    }

    /**
     * Merges the index into one segment (SQLite-specific: FTS5's optimize). Each write adds a
     * small segment that FTS5 merges in the background, but a search still visits every segment
     * left; one segment makes searches several times faster until writes add new ones.
     */
    @Override
    public void compact() {
        h.execute("INSERT INTO related_text (related_text) VALUES ('optimize')");
    }

    @Override
    public void forgetAllCounts() {
        h.execute("DELETE FROM related_terms");
    }

    /** Adds {@code change} to each distinct term's count (portable SQL: PostgreSQL's index uses it too). */
    void count(IndexedText text, int change) {
        Set<String> distinct = distinctTerms(text);
        if (distinct.isEmpty()) {
            return;
        }
        String sql = change > 0
                ? "INSERT INTO related_terms (term, docs) VALUES (?, 1) "
                        + "ON CONFLICT (term) DO UPDATE SET docs = related_terms.docs + 1"
                : "UPDATE related_terms SET docs = docs - 1 WHERE term = ?";
        try (PreparedStatement update = connection().prepareStatement(sql)) {
            for (String term : distinct) {
                update.setString(1, term);
                update.addBatch();
            }
            update.executeBatch();
        } catch (SQLException e) {
            throw failure("counting index terms", e);
        }
    }

    private static Set<String> distinctTerms(IndexedText text) {
        Set<String> terms = new LinkedHashSet<>();
        for (String part : List.of(text.title(), text.body())) {
            for (String term : part.split(" ")) {
                if (!term.isEmpty()) {
                    terms.add(term);
                }
            }
        }
        return terms;
    }

    @Override
    public Map<String, Long> articlesWith(Collection<String> terms) {
        Map<String, Long> counts = new HashMap<>();
        if (terms.isEmpty()) {
            return counts;
        }
        String marks = String.join(", ", java.util.Collections.nCopies(terms.size(), "?"));
        try (PreparedStatement query = connection().prepareStatement(
                "SELECT term, docs FROM related_terms WHERE term IN (" + marks + ")")) {
            int i = 1;
            for (String term : terms) {
                query.setString(i++, term);
            }
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    if (rs.getLong(2) > 0) {
                        counts.put(rs.getString(1), rs.getLong(2));
                    }
                }
            }
            return counts;
        } catch (SQLException e) {
            throw failure("reading index term counts", e);
        }
    }

    @Override
    public List<Long> newestWith(String term, boolean titleOnly, int limit) {
        // Terms are letters and digits only, so quoting them is enough for FTS5's query syntax.
        // FTS5 walks the term's list from its newest end and stops at the limit: no full scan.
        String match = (titleOnly ? "title : \"" : "\"") + term + "\"";
        try {
            if (newest == null) {
                newest = connection().prepareStatement(
                        "SELECT rowid FROM related_text WHERE related_text MATCH ? ORDER BY rowid DESC LIMIT ?");
            }
            newest.setString(1, match);
            newest.setInt(2, limit);
            return ids(newest, new ArrayList<>(limit));
        } catch (SQLException e) {
            throw failure("searching the related-article index", e);
        }
    }

    @Override
    public Set<Long> titlesWith(String term, List<Long> among) {
        if (among.isEmpty()) {
            return Set.of();
        }
        try {
            if (titles == null) {
                titles = connection().prepareStatement("SELECT rowid FROM related_text WHERE related_text MATCH ?"
                        + " AND rowid BETWEEN ? AND ? ORDER BY rowid DESC LIMIT ?");
            }
            titles.setString(1, "title : \"" + term + "\"");
            titles.setLong(2, java.util.Collections.min(among));
            titles.setLong(3, java.util.Collections.max(among));
            titles.setInt(4, among.size());
            return ids(titles, new java.util.HashSet<>());
        } catch (SQLException e) {
            throw failure("searching the related-article index", e);
        }
    }

    @Override
    public long newestId() {
        try (PreparedStatement query = connection().prepareStatement("SELECT COALESCE(MAX(id), 0) FROM articles");
             ResultSet rs = query.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw failure("reading the newest article id", e);
        }
    }

    @Override
    public List<Candidate> describe(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        String marks = String.join(", ", java.util.Collections.nCopies(ids.size(), "?"));
        Map<Long, List<String>> tags = new HashMap<>();
        List<Candidate> found = new ArrayList<>();
        try (PreparedStatement tagQuery = connection().prepareStatement(
                "SELECT x.article_id, t.name FROM article_tags x JOIN tags t ON t.id = x.tag_id"
                        + " WHERE x.article_id IN (" + marks + ")");
             PreparedStatement articleQuery = connection().prepareStatement(
                     "SELECT a.id, c.slug, a.published_at FROM articles a JOIN categories c ON c.id = a.category_id"
                             + " WHERE a.id IN (" + marks + ")")) {
            int i = 1;
            for (long id : ids) {
                tagQuery.setLong(i, id);
                articleQuery.setLong(i, id);
                i++;
            }
            try (ResultSet rs = tagQuery.executeQuery()) {
                while (rs.next()) {
                    tags.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2));
                }
            }
            try (ResultSet rs = articleQuery.executeQuery()) {
                while (rs.next()) {
                    found.add(new Candidate(rs.getLong(1), rs.getString(2), Instant.ofEpochMilli(rs.getLong(3)),
                            tags.getOrDefault(rs.getLong(1), List.of())));
                }
            }
            return found;
        } catch (SQLException e) {
            throw failure("describing related-article candidates", e);
        }
    }

    @Override
    public void close() {
        closeAll(newest, titles);
    }

    /** Closes the searches a request prepared (null: never prepared). */
    static void closeAll(PreparedStatement... statements) {
        try {
            for (PreparedStatement statement : statements) {
                if (statement != null) {
                    statement.close();
                }
            }
        } catch (SQLException e) {
            throw failure("closing a related-article search", e);
        }
    }

    private Connection connection() {
        return h.getConnection();
    }

    static UnableToExecuteStatementException failure(String what, SQLException e) {
        return new UnableToExecuteStatementException(what + " failed", e, null);
    }

    /** The first column of every row {@code query} gives, as article ids, into {@code into}. */
    static <C extends java.util.Collection<Long>> C ids(PreparedStatement query, C into) throws SQLException {
        try (ResultSet rs = query.executeQuery()) {
            while (rs.next()) {
                into.add(rs.getLong(1));
            }
        }
        return into;
    }
}
