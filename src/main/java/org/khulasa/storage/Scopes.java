package org.khulasa.storage;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.khulasa.article.Author;
import org.khulasa.article.Category;

/** Categories and authors: the names articles are filed under, each with feeds of its own. */
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
        return h.createQuery("SELECT slug, name FROM categories ORDER BY slug")
                .map((rs, ctx) -> new Category(rs.getString("slug"), rs.getString("name"))).list();
    }

    static List<Author> authors(Handle h) {
        return h.createQuery("SELECT slug, name FROM authors ORDER BY slug")
                .map((rs, ctx) -> new Author(rs.getString("slug"), rs.getString("name"))).list();
    }

    /**
     * The category's id, created on first use. A new name shows in every feed with its articles,
     * so renaming it also marks the author feeds that show them as changed by this write.
     */
    static long upsertCategory(Handle h, Category category) {
        return upsert(h, "categories", category.slug(), category.name(), """
                UPDATE authors SET changed_at = (SELECT last_change_at FROM site_state WHERE id = 1)
                WHERE id IN (SELECT DISTINCT author_id FROM articles WHERE category_id = :id)
                """);
    }

    /** The author's id, created on first use; renaming marks the category feeds showing their articles. */
    static long upsertAuthor(Handle h, Author author) {
        return upsert(h, "authors", author.slug(), author.name(), """
                UPDATE categories SET changed_at = (SELECT last_change_at FROM site_state WHERE id = 1)
                WHERE id IN (SELECT DISTINCT category_id FROM articles WHERE author_id = :id)
                """);
    }

    /** {@code table} is a fixed name from this class; {@code touchOthers} runs with :id when the name changes. */
    private static long upsert(Handle h, String table, String slug, String name, String touchOthers) {
        Optional<Map.Entry<Long, String>> existing = h.createQuery("SELECT id, name FROM " + table + " WHERE slug = :slug")
                .bind("slug", slug)
                .map((rs, ctx) -> Map.entry(rs.getLong(1), rs.getString(2)))
                .findOne();
        if (existing.isEmpty()) {
            return h.createQuery("INSERT INTO " + table + " (slug, name) VALUES (:slug, :name) RETURNING id")
                    .bind("slug", slug).bind("name", name).mapTo(Long.class).one();
        }
        long id = existing.get().getKey();
        if (!existing.get().getValue().equals(name)) {
            h.createUpdate("UPDATE " + table + " SET name = :name WHERE id = :id").bind("name", name).bind("id", id).execute();
            h.createUpdate(touchOthers).bind("id", id).execute();
        }
        return id;
    }
}
