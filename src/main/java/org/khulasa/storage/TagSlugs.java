package org.khulasa.storage;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.khulasa.article.Tag;
import org.khulasa.article.TagSlug;

/** Tags by slug: giving each tag a unique one when first stored, and reading tags for pages and feeds. */
final class TagSlugs {
    private TagSlugs() {
    }

    /** The id of the tag named {@code name}, created with a slug of its own on first use. */
    static long upsert(Handle h, String name) {
        Optional<Long> existing = h.createQuery("SELECT id FROM tags WHERE name = :name")
                .bind("name", name).mapTo(Long.class).findOne();
        if (existing.isPresent()) {
            return existing.get();
        }
        return h.createQuery("INSERT INTO tags (name, slug) VALUES (:name, :slug) RETURNING id")
                .bind("name", name).bind("slug", freeSlug(h, TagSlug.of(name))).mapTo(Long.class).one();
    }

    /** Gives a slug to each tag stored before tags had them (at start, after the migrations). */
    static void fillMissing(Handle h) {
        List<Long> ids = h.createQuery("SELECT id FROM tags WHERE slug IS NULL ORDER BY id").mapTo(Long.class).list();
        for (long id : ids) {
            String name = h.createQuery("SELECT name FROM tags WHERE id = :id").bind("id", id).mapTo(String.class).one();
            h.createUpdate("UPDATE tags SET slug = :slug WHERE id = :id")
                    .bind("slug", freeSlug(h, TagSlug.of(name))).bind("id", id).execute();
        }
    }

    /** {@code base}, or {@code base-2}, {@code base-3}… whichever no tag has yet. Writes hold the write lock. */
    private static String freeSlug(Handle h, String base) {
        for (int n = 1; ; n++) {
            String slug = n == 1 ? base : base + "-" + n;
            boolean taken = h.createQuery("SELECT COUNT(*) FROM tags WHERE slug = :slug")
                    .bind("slug", slug).mapTo(Integer.class).one() > 0;
            if (!taken) {
                return slug;
            }
        }
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
