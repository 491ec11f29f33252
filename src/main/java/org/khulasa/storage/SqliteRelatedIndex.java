package org.khulasa.storage;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.khulasa.article.RelatedMatcher.IndexedText;

/** The FTS5 word index of 002_related_text.sql, read and written through one handle. */
final class SqliteRelatedIndex implements WordIndex {

    private final Handle h;

    SqliteRelatedIndex(Handle h) {
        this.h = h;
    }

    @Override
    public void put(long id, IndexedText text) {
        h.createUpdate("DELETE FROM related_text WHERE rowid = :id").bind("id", id).execute();
        if (!text.isEmpty()) {
            h.createUpdate("INSERT INTO related_text (rowid, title, body) VALUES (:id, :title, :body)")
                    .bind("id", id).bind("title", text.title()).bind("body", text.body()).execute();
        }
    }

    @Override
    public List<Long> newestWith(String term, boolean titleOnly, int limit) {
        // Terms are letters and digits only, so quoting them is enough for FTS5's query syntax.
        // FTS5 walks the term's list from its newest end and stops at the limit: no full scan.
        String match = (titleOnly ? "title : \"" : "\"") + term + "\"";
        return h.createQuery("""
                        SELECT rowid FROM related_text WHERE related_text MATCH :match
                        ORDER BY rowid DESC LIMIT :limit
                        """)
                .bind("match", match).bind("limit", limit).mapTo(Long.class).list();
    }

    @Override
    public long newestId() {
        return h.createQuery("SELECT COALESCE(MAX(id), 0) FROM articles").mapTo(Long.class).one();
    }

    @Override
    public List<Candidate> describe(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, List<String>> tags = new HashMap<>();
        h.createQuery("""
                        SELECT x.article_id, t.name FROM article_tags x JOIN tags t ON t.id = x.tag_id
                        WHERE x.article_id IN (<ids>)
                        """)
                .bindList("ids", List.copyOf(ids))
                .map((rs, ctx) -> Map.entry(rs.getLong(1), rs.getString(2)))
                .forEach(e -> tags.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        return h.createQuery("""
                        SELECT a.id, c.slug, a.published_at FROM articles a JOIN categories c ON c.id = a.category_id
                        WHERE a.id IN (<ids>)
                        """)
                .bindList("ids", List.copyOf(ids))
                .map((rs, ctx) -> new Candidate(rs.getLong(1), rs.getString(2),
                        Instant.ofEpochMilli(rs.getLong(3)), tags.getOrDefault(rs.getLong(1), List.of())))
                .list();
    }
}
