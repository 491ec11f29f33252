package org.khulasa.storage;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.khulasa.article.Author;

/** The bylines of articles ({@code article_authors}), in the editor's order. */
final class ArticleBylines {

    private ArticleBylines() {
    }

    /** Replaces the article's bylines with {@code authorIds}, in order. */
    static void replace(Handle h, long articleId, List<Long> authorIds) {
        h.createUpdate("DELETE FROM article_authors WHERE article_id = :id").bind("id", articleId).execute();
        for (int i = 0; i < authorIds.size(); i++) {
            h.createUpdate("INSERT INTO article_authors (article_id, position, author_id) VALUES (:a, :p, :w)")
                    .bind("a", articleId).bind("p", i).bind("w", authorIds.get(i)).execute();
        }
    }

    /** The authors of each article, in byline order, with the names readers see at {@code namesAt}. */
    static Map<Long, List<Author>> of(Handle h, List<Long> ids, long namesAt) {
        Map<Long, List<Author>> bylines = new LinkedHashMap<>();
        h.createQuery("""
                        SELECT x.article_id, w.slug, %s FROM article_authors x JOIN authors w ON w.id = x.author_id
                        WHERE x.article_id IN (<ids>) ORDER BY x.article_id, x.position
                        """.formatted(Scopes.nameAt("w")))
                .bindList("ids", ids)
                .bind("namesAt", namesAt)
                .map((rs, ctx) -> Map.entry(rs.getLong(1), new Author(rs.getString(2), rs.getString(3))))
                .forEach(e -> bylines.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        return bylines;
    }

    /** Marks the feeds of every author of {@code articleId} as changed by the current write. */
    static void touchAuthorsOf(Handle h, long articleId) {
        h.createUpdate("""
                        UPDATE authors SET changed_at = (SELECT feeds_changed_at FROM site_state WHERE id = 1)
                        WHERE id IN (SELECT author_id FROM article_authors WHERE article_id = :id)
                        """).bind("id", articleId).execute();
    }
}
