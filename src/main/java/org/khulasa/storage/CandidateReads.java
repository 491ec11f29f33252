package org.khulasa.storage;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.khulasa.article.WordIndex.Candidate;

/** What ranking reads of the articles a word index search found: the same portable SQL on every dialect. */
final class CandidateReads {

    private final Handle h;

    CandidateReads(Handle h) {
        this.h = h;
    }

    /** The highest article id so far: the archive's size, near enough. */
    long newestId() {
        try (PreparedStatement query = h.getConnection().prepareStatement("SELECT COALESCE(MAX(id), 0) FROM articles");
             ResultSet rs = query.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw IndexJdbc.failure("reading the newest article id", e);
        }
    }

    /** A published article's id, category slug and publication time (epoch ms). */
    interface Published {
        void accept(long id, String category, long publishedAt);
    }

    /** Every published article, as {@link #describe} reads it. */
    void eachPublished(Published consumer) {
        IndexJdbc.scan(h, "SELECT a.id, c.slug, a.published_at FROM articles a JOIN categories c ON c.id = a.category_id"
                        + " WHERE a.status = 'published'", "reading related-article candidates",
                rs -> consumer.accept(rs.getLong(1), rs.getString(2), rs.getLong(3)));
    }

    /** An article's tag. */
    interface Tagged {
        void accept(long id, String tag);
    }

    /** Every article's tags, by article id, in order. */
    void eachTag(Tagged consumer) {
        IndexJdbc.scan(h, "SELECT x.article_id, t.name FROM article_tags x JOIN tags t ON t.id = x.tag_id"
                        + " ORDER BY x.article_id, x.position", "reading related-article candidates' tags",
                rs -> consumer.accept(rs.getLong(1), rs.getString(2)));
    }

    /** The category, time and tags of each published article that still exists among {@code ids}: a draft is no candidate. */
    List<Candidate> describe(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<Long> listed = List.copyOf(ids);
        Map<Long, List<String>> tags = new HashMap<>();
        InList.query(h, "SELECT x.article_id, t.name FROM article_tags x JOIN tags t ON t.id = x.tag_id"
                        + " WHERE x.article_id IN (%s)", listed, "describing related-article candidates",
                rs -> tags.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2)));
        List<Candidate> found = new ArrayList<>();
        InList.query(h, "SELECT a.id, c.slug, a.published_at FROM articles a JOIN categories c ON c.id = a.category_id"
                        + " WHERE a.id IN (%s) AND a.status = 'published'", listed, "describing related-article candidates",
                rs -> found.add(new Candidate(rs.getLong(1), rs.getString(2), Instant.ofEpochMilli(rs.getLong(3)),
                        tags.getOrDefault(rs.getLong(1), List.of()))));
        return found;
    }
}
