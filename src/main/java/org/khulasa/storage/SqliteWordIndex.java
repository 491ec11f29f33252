package org.khulasa.storage;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.khulasa.article.RelatedMatcher.IndexedText;

/**
 * The word index of sqlite/002_related_text.sql: a contentless FTS5 table whose rowid is the
 * article id, read and written through one handle, with the term counts of {@link TermCounts}.
 */
final class SqliteWordIndex implements StoredWordIndex {

    private final Handle h;
    private final TermCounts counts;
    private final CandidateReads candidates;
    private PreparedStatement newest;
    private PreparedStatement titles;

    SqliteWordIndex(Handle h) {
        this.h = h;
        this.counts = new TermCounts(h);
        this.candidates = new CandidateReads(h);
    }

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
            counts.add(now, +1);
        }
    }

    /** An article stored before the index existed was never counted and changes no count. */
    @Override
    public void forget(long id, IndexedText before) {
        boolean indexed = h.createQuery("SELECT COUNT(*) FROM related_text WHERE rowid = :id")
                .bind("id", id).mapTo(Integer.class).one() > 0;
        if (indexed) {
            h.createUpdate("DELETE FROM related_text WHERE rowid = :id").bind("id", id).execute();
            counts.add(before, -1);
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
        counts.forgetAll();
    }

    @Override
    public Map<String, Long> articlesWith(Collection<String> terms) {
        return counts.of(terms);
    }

    @Override
    public List<Long> newestWith(String term, boolean titleOnly, int limit) {
        // Terms are letters and digits only, so quoting them is enough for FTS5's query syntax.
        // FTS5 walks the term's list from its newest end and stops at the limit: no full scan.
        String match = (titleOnly ? "title : \"" : "\"") + term + "\"";
        try {
            if (newest == null) {
                newest = h.getConnection().prepareStatement(
                        "SELECT rowid FROM related_text WHERE related_text MATCH ? ORDER BY rowid DESC LIMIT ?");
            }
            newest.setString(1, match);
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
                titles = h.getConnection().prepareStatement("SELECT rowid FROM related_text WHERE related_text MATCH ?"
                        + " AND rowid BETWEEN ? AND ? ORDER BY rowid DESC LIMIT ?");
            }
            titles.setString(1, "title : \"" + term + "\"");
            titles.setLong(2, Collections.min(among));
            titles.setLong(3, Collections.max(among));
            titles.setInt(4, among.size());
            return IndexJdbc.ids(titles, new HashSet<>());
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
}
