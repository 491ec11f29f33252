package org.khulasa.storage;

import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.khulasa.article.RelatedMatcher.IndexedText;

/**
 * The word index of sqlite/002_related_text.sql: a contentless FTS5 table whose rowid is the
 * article id, its title and body in two columns.
 */
final class SqliteWordIndex extends WordIndexSql {

    /** FTS5 walks the term's list from its newest end and stops at the limit: no full scan. */
    SqliteWordIndex() {
        super("rowid", "related_text MATCH ?");
    }

    @Override
    public boolean drop(Handle h, long id) {
        // Asked first: a contentless FTS5 table reports no reliable count of the rows a DELETE removed.
        boolean indexed = h.createQuery("SELECT COUNT(*) FROM related_text WHERE rowid = :id")
                .bind("id", id).mapTo(Integer.class).one() > 0;
        if (indexed) {
            h.createUpdate("DELETE FROM related_text WHERE rowid = :id").bind("id", id).execute();
        }
        return indexed;
    }

    @Override
    public void insert(Handle h, long id, IndexedText words) {
        h.createUpdate("INSERT INTO related_text (rowid, title, body) VALUES (:id, :title, :body)")
                .bind("id", id).bind("title", words.title()).bind("body", words.body()).execute();
    }

    @Override
    public void insertAll(Handle h, Map<Long, IndexedText> words) {
        IndexJdbc.batch(h, "INSERT INTO related_text (rowid, title, body) VALUES (?, ?, ?)", words,
                (s, id, w) -> {
                    s.setLong(1, id);
                    s.setString(2, w.title());
                    s.setString(3, w.body());
                });
    }

    /**
     * Merges the index into one segment (SQLite-specific: FTS5's optimize). Each write adds a
     * small segment that FTS5 merges in the background, but a search still visits every segment
     * left; one segment makes searches several times faster until writes add new ones.
     */
    @Override
    public void compact(Handle h) {
        h.execute("INSERT INTO related_text (related_text) VALUES ('optimize')");
    }

    /**
     * Through FTS5's own listing of its rows ({@code fts5vocab}, one row per term, article and
     * column), created for the scan on this connection and dropped after it; one range of terms
     * between two bounds at a time, so that the bounds' rows are never read.
     */
    @Override
    boolean eachPosting(Handle h, List<String> bounds, StoredWordIndex.Postings postings) {
        h.execute("CREATE VIRTUAL TABLE IF NOT EXISTS temp.related_text_rows USING fts5vocab(main, related_text, instance)");
        String select = "SELECT term, doc, col = 'title' FROM temp.related_text_rows WHERE term > ?";
        try (PreparedStatement between = h.getConnection().prepareStatement(select + " AND term < ?");
                PreparedStatement last = h.getConnection().prepareStatement(select)) {
            for (int i = 0; i + 1 < bounds.size(); i++) {
                String to = bounds.get(i + 1);
                PreparedStatement rows = to != null ? between : last;
                rows.setString(1, bounds.get(i) == null ? "" : bounds.get(i));
                if (to != null) {
                    rows.setString(2, to);
                }
                try (ResultSet rs = rows.executeQuery()) {
                    // A term comes in many rows one after another: its UTF-8 is decoded once.
                    byte[] lastBytes = null;
                    String term = null;
                    while (rs.next()) {
                        byte[] bytes = rs.getBytes(1);
                        if (!Arrays.equals(bytes, lastBytes)) {
                            lastBytes = bytes;
                            term = new String(bytes, StandardCharsets.UTF_8);
                        }
                        if (!postings.accept(term, rs.getLong(2), rs.getInt(3) == 1)) {
                            return true;
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw IndexJdbc.failure("listing the word index", e);
        } finally {
            h.execute("DROP TABLE IF EXISTS temp.related_text_rows");
        }
        return true;
    }

    @Override
    public String query(String term, boolean titleOnly) {
        return (titleOnly ? "title : \"" : "\"") + term + "\"";
    }
}
