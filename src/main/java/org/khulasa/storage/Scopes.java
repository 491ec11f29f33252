package org.khulasa.storage;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.khulasa.article.Author;
import org.khulasa.article.Category;

/**
 * Categories and authors: the names articles are filed under, each with feeds of its own. Their
 * lists (the OPML file, the pages' menu) hold those with a published article.
 */
final class Scopes {

    private Scopes() {
    }

    static Optional<Category> category(Handle h, String slug) {
        return h.createQuery("SELECT slug, name FROM categories WHERE slug = :slug")
                .bind("slug", slug).map((rs, ctx) -> new Category(rs.getString("slug"), rs.getString("name")))
                .findOne();
    }

    static Optional<Author> author(Handle h, String slug) {
        return h.createQuery("SELECT slug, name FROM authors WHERE slug = :slug")
                .bind("slug", slug).map((rs, ctx) -> new Author(rs.getString("slug"), rs.getString("name")))
                .findOne();
    }

    static List<Category> categories(Handle h) {
        return h.createQuery("""
                        SELECT slug, name FROM categories c
                        WHERE EXISTS (SELECT 1 FROM articles a WHERE a.category_id = c.id AND a.status = 'published')
                        ORDER BY slug""")
                .map((rs, ctx) -> new Category(rs.getString("slug"), rs.getString("name"))).list();
    }

    static List<Author> authors(Handle h) {
        return h.createQuery("""
                        SELECT slug, name FROM authors w
                        WHERE EXISTS (SELECT 1 FROM article_authors x JOIN articles a ON a.id = x.article_id
                                      WHERE x.author_id = w.id AND a.status = 'published')
                        ORDER BY slug""")
                .map((rs, ctx) -> new Author(rs.getString("slug"), rs.getString("name"))).list();
    }

    /**
     * The category's id, created on first use. A new name shows in every feed with its articles,
     * so renaming it also marks the author feeds that show them as changed by this write.
     */
    static long upsertCategory(Handle h, Category category, boolean rename) {
        return upsert(h, "categories", category.slug(), category.name(), rename, """
                UPDATE authors SET changed_at = (SELECT last_change_at FROM site_state WHERE id = 1)
                WHERE id IN (SELECT x.author_id FROM article_authors x JOIN articles a ON a.id = x.article_id
                             WHERE a.category_id = :id)
                """);
    }

    /**
     * The authors' ids in byline order, created on first use; renaming marks the category feeds
     * showing their articles.
     */
    static List<Long> upsertAuthors(Handle h, List<Author> authors, boolean rename) {
        return authors.stream().map(author -> upsert(h, "authors", author.slug(), author.name(), rename, """
                UPDATE categories SET changed_at = (SELECT last_change_at FROM site_state WHERE id = 1)
                WHERE id IN (SELECT a.category_id FROM articles a JOIN article_authors x ON x.article_id = a.id
                             WHERE x.author_id = :id)
                """)).toList();
    }

    /**
     * {@code table} is a fixed name from this class. The name changes only when {@code rename}
     * (false for a draft, whose names readers don't see yet), and then {@code touchOthers} runs
     * with :id.
     */
    private static long upsert(Handle h, String table, String slug, String name, boolean rename, String touchOthers) {
        Optional<Map.Entry<Long, String>> existing = h.createQuery("SELECT id, name FROM " + table + " WHERE slug = :slug")
                .bind("slug", slug)
                .map((rs, ctx) -> Map.entry(rs.getLong(1), rs.getString(2)))
                .findOne();
        if (existing.isEmpty()) {
            return h.createQuery("INSERT INTO " + table + " (slug, name) VALUES (:slug, :name) RETURNING id")
                    .bind("slug", slug).bind("name", name).mapTo(Long.class).one();
        }
        long id = existing.get().getKey();
        if (rename && !existing.get().getValue().equals(name)) {
            h.createUpdate("UPDATE " + table + " SET name = :name WHERE id = :id").bind("name", name).bind("id", id).execute();
            h.createUpdate(touchOthers).bind("id", id).execute();
        }
        return id;
    }
}
