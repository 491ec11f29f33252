package org.khulasa.storage;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;
import org.khulasa.article.Tag;
import org.khulasa.article.TagSlug;

/** Tags by slug: giving each tag a unique one when first stored, and reading tags for pages and feeds. */
final class TagSlugs {
    private TagSlugs() {
    }

    /** Runs a query of one number (positional values), answering it if there is a row. */
    @FunctionalInterface
    interface NumberQuery {
        Optional<Long> query(String sql, Object... values);
    }

    /** The id of the tag named {@code name}, created with a slug of its own on first use. */
    static long upsert(Handle h, String name) {
        return upsert(name, (sql, values) -> number(h, sql, values));
    }

    /**
     * As {@link #upsert(Handle, String)}, through {@code sql}: an import runs these on statements
     * it prepared once for the batch, not through Jdbi anew for each of thousands of tags.
     */
    static long upsert(String name, NumberQuery sql) {
        Optional<Long> existing = sql.query("SELECT id FROM tags WHERE name = ?", name);
        if (existing.isPresent()) {
            return existing.get();
        }
        return sql.query("INSERT INTO tags (name, slug) VALUES (?, ?) RETURNING id", name, freeSlug(TagSlug.of(name), sql))
                .orElseThrow();
    }

    /** Gives a slug to each tag stored before tags had them (at start, after the migrations). */
    static void fillMissing(Handle h) {
        List<Long> ids = h.createQuery("SELECT id FROM tags WHERE slug IS NULL ORDER BY id").mapTo(Long.class).list();
        for (long id : ids) {
            String name = h.createQuery("SELECT name FROM tags WHERE id = :id").bind("id", id).mapTo(String.class).one();
            h.createUpdate("UPDATE tags SET slug = :slug WHERE id = :id")
                    .bind("slug", freeSlug(TagSlug.of(name), (sql, values) -> number(h, sql, values))).bind("id", id).execute();
        }
    }

    /** {@code base}, or {@code base-2}, {@code base-3}… whichever no tag has yet. Writes hold the write lock. */
    private static String freeSlug(String base, NumberQuery sql) {
        for (int n = 1; ; n++) {
            String slug = n == 1 ? base : base + "-" + n;
            if (sql.query("SELECT id FROM tags WHERE slug = ? LIMIT 1", slug).isEmpty()) {
                return slug;
            }
        }
    }

    private static Optional<Long> number(Handle h, String sql, Object... values) {
        Query query = h.createQuery(sql);
        for (int i = 0; i < values.length; i++) {
            query.bind(i, values[i]);
        }
        return query.mapTo(Long.class).findOne();
    }

    /** The tag with that slug, if it is on an article readers may see (a scheduled one brings it in when it comes out). */
    static Optional<Tag> bySlug(Handle h, String slug, long visibleAt) {
        return h.createQuery("""
                        SELECT t.slug, t.name FROM tags t
                        WHERE t.slug = :slug
                          AND EXISTS (SELECT 1 FROM article_tags x JOIN articles a ON a.id = x.article_id
                                      WHERE x.tag_id = t.id AND a.published_at <= :visibleAt
                                        AND a.status = 'published')
                        """).bind("slug", slug).bind("visibleAt", visibleAt)
                .map((rs, ctx) -> new Tag(rs.getString(1), rs.getString(2))).findOne();
    }

    /** Tags on at least one article readers may see, by slug. */
    static List<Tag> inUse(Handle h, long visibleAt) {
        return h.createQuery("""
                        SELECT t.slug, t.name FROM tags t
                        WHERE EXISTS (SELECT 1 FROM article_tags x JOIN articles a ON a.id = x.article_id
                                      WHERE x.tag_id = t.id AND a.published_at <= :visibleAt
                                        AND a.status = 'published')
                        ORDER BY t.slug
                        """)
                .bind("visibleAt", visibleAt).map((rs, ctx) -> new Tag(rs.getString(1), rs.getString(2))).list();
    }

    /** The tags named {@code names}, in that order (names no tag has are left out). */
    static List<Tag> named(Handle h, List<String> names) {
        if (names.isEmpty()) {
            return List.of();
        }
        List<Tag> found = h.createQuery("SELECT slug, name FROM tags WHERE name IN (<names>)").bindList("names", names)
                .map((rs, ctx) -> new Tag(rs.getString(1), rs.getString(2))).list();
        return names.stream().flatMap(n -> found.stream().filter(t -> t.name().equals(n)).findFirst().stream()).toList();
    }
}
