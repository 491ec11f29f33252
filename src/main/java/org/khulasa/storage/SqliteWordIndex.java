package org.khulasa.storage;

import java.util.ArrayList;
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

    private static final String NEWEST = "SELECT rowid FROM related_text WHERE related_text MATCH ?"
            + " ORDER BY rowid DESC LIMIT ?";
    private static final String TITLES = "SELECT rowid FROM related_text WHERE related_text MATCH ?"
            + " AND rowid BETWEEN ? AND ? ORDER BY rowid DESC LIMIT ?";

    private final Handle h;
    private final PreparedSearch newest;
    private final PreparedSearch titles;

    SqliteWordIndex(Handle h) {
        this.h = h;
        this.newest = new PreparedSearch(h, NEWEST);
        this.titles = new PreparedSearch(h, TITLES);
    }

    @Override
    public boolean drop(long id) {
        // Asked first: a contentless FTS5 table reports no reliable count of the rows a DELETE removed.
        boolean indexed = h.createQuery("SELECT COUNT(*) FROM related_text WHERE rowid = :id")
                .bind("id", id).mapTo(Integer.class).one() > 0;
        if (indexed) {
            h.createUpdate("DELETE FROM related_text WHERE rowid = :id").bind("id", id).execute();
        }
        return indexed;
    }

    @Override
    public void insert(long id, IndexedText words) {
        h.createUpdate("INSERT INTO related_text (rowid, title, body) VALUES (:id, :title, :body)")
                .bind("id", id).bind("title", words.title()).bind("body", words.body()).execute();
    }

    @Override
    public void insertAll(Map<Long, IndexedText> words) {
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
    public void compact() {
        h.execute("INSERT INTO related_text (related_text) VALUES ('optimize')");
    }

    @Override
    public List<Long> newestWith(String term, boolean titleOnly, int limit) {
        // Terms are letters and digits only, so quoting them is enough for FTS5's query syntax.
        // FTS5 walks the term's list from its newest end and stops at the limit: no full scan.
        return newest.ids(new ArrayList<>(limit), (titleOnly ? "title : \"" : "\"") + term + "\"", limit);
    }

    @Override
    public Set<Long> titlesWith(String term, List<Long> among) {
        return among.isEmpty() ? Set.of()
                : titles.ids(new HashSet<>(), "title : \"" + term + "\"", Collections.min(among),
                        Collections.max(among), among.size());
    }

    @Override
    public Handle handle() {
        return h;
    }

    @Override
    public void close() {
        PreparedSearch.closeBoth(newest, titles);
    }
}
