package org.khulasa.storage;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import org.jdbi.v3.core.Handle;
import org.khulasa.article.Author;
import org.khulasa.article.Category;
import org.khulasa.article.Filing;

/**
 * Categories and authors: the names articles are filed under, each with feeds of its own. Readers
 * see those with a published article out; an author's articles are those with the author among
 * their bylines ({@code article_authors}).
 */
final class Scopes {

    private Scopes() {
    }

    /**
     * The name readers see at {@code :namesAt} of the category or author aliased {@code alias}:
     * the one a scheduled article brought once that article is out, the older one until then.
     */
    static String nameAt(String alias) {
        return "CASE WHEN " + alias + ".pending_at <= :namesAt THEN " + alias + ".pending_name ELSE " + alias + ".name END";
    }

    /**
     * Categories or authors readers can see at {@code visibleAt}: those holding a published article
     * out by then (an author: among its bylines).
     */
    private static String visible(Filing.Kind kind) {
        return kind == Filing.Kind.CATEGORY
                ? "SELECT s.slug, " + nameAt("s") + " AS name FROM categories s"
                        + " WHERE EXISTS (SELECT 1 FROM articles a WHERE a.category_id = s.id AND a.published_at <= :visibleAt"
                        + " AND a.status = 'published')"
                : "SELECT s.slug, " + nameAt("s") + " AS name FROM authors s"
                        + " WHERE EXISTS (SELECT 1 FROM article_authors x JOIN articles a ON a.id = x.article_id"
                        + " WHERE x.author_id = s.id AND a.published_at <= :visibleAt AND a.status = 'published')";
    }

    /** The category or author as readers see it at {@code visibleAt}, made by {@code as} from its slug and name. */
    static <T> Optional<T> visible(Handle h, Filing.Kind kind, String slug, Instant visibleAt, BiFunction<String, String, T> as) {
        return h.createQuery(visible(kind) + " AND s.slug = :slug").bind("slug", slug)
                .bind("visibleAt", visibleAt.toEpochMilli()).bind("namesAt", visibleAt.toEpochMilli())
                .map((rs, ctx) -> as.apply(rs.getString("slug"), rs.getString("name"))).findOne();
    }

    /** Every category or author readers see at {@code visibleAt}, by slug. */
    static <T> List<T> allVisible(Handle h, Filing.Kind kind, Instant visibleAt, BiFunction<String, String, T> as) {
        return h.createQuery(visible(kind) + " ORDER BY s.slug")
                .bind("visibleAt", visibleAt.toEpochMilli()).bind("namesAt", visibleAt.toEpochMilli())
                .map((rs, ctx) -> as.apply(rs.getString("slug"), rs.getString("name"))).list();
    }

    /** The latest time at or before {@code now} when a scheduled name came out. */
    static Optional<Instant> lastPendingNameUpTo(Handle h, Instant now) {
        return h.createQuery("""
                        SELECT MAX(t) FROM (SELECT MAX(pending_at) AS t FROM categories WHERE pending_at <= :now
                                            UNION ALL SELECT MAX(pending_at) FROM authors WHERE pending_at <= :now) x
                        """)
                .bind("now", now.toEpochMilli()).mapTo(Long.class).findOne().map(Instant::ofEpochMilli);
    }

    /** The earliest time after {@code now} when a scheduled name comes out. */
    static Optional<Instant> nextPendingNameAfter(Handle h, Instant now) {
        return h.createQuery("""
                        SELECT MIN(t) FROM (SELECT MIN(pending_at) AS t FROM categories WHERE pending_at > :now
                                            UNION ALL SELECT MIN(pending_at) FROM authors WHERE pending_at > :now) x
                        """)
                .bind("now", now.toEpochMilli()).mapTo(Long.class).findOne().map(Instant::ofEpochMilli);
    }

    /**
     * The category's id, created on first use. A new name shows in every feed with its articles,
     * so renaming it also marks the author feeds that show them as changed by this write. A name
     * brought by an article still scheduled at {@code now} (published later) waits for it; one
     * brought by a draft ({@code rename} false) changes nothing.
     */
    static long upsertCategory(Handle h, Category category, Instant now, Instant published, boolean rename) {
        return upsert(h, "categories", category.slug(), category.name(), now, published, rename, """
                UPDATE authors SET changed_at = (SELECT feeds_changed_at FROM site_state WHERE id = 1)
                WHERE id IN (SELECT x.author_id FROM article_authors x JOIN articles a ON a.id = x.article_id
                             WHERE a.category_id = :id)
                """);
    }

    /**
     * The authors' ids in byline order, created on first use; renaming marks the category feeds
     * showing their articles.
     */
    static List<Long> upsertAuthors(Handle h, List<Author> authors, Instant now, Instant published, boolean rename) {
        return authors.stream().map(author -> upsert(h, "authors", author.slug(), author.name(), now, published, rename, """
                UPDATE categories SET changed_at = (SELECT feeds_changed_at FROM site_state WHERE id = 1)
                WHERE id IN (SELECT a.category_id FROM articles a JOIN article_authors x ON x.article_id = a.id
                             WHERE x.author_id = :id)
                """)).toList();
    }

    /**
     * {@code table} is a fixed name from this class; {@code touchOthers} runs with :id when a name
     * readers see changes now. A new category or author shows nowhere until an article of its is out.
     */
    private static long upsert(Handle h, String table, String slug, String name, Instant now, Instant published,
            boolean rename, String touchOthers) {
        // Compared with the name readers see now, which may be one that came out since the write.
        Optional<Map.Entry<Long, String>> existing = h.createQuery("SELECT id, " + nameAt(table) + " FROM " + table
                        + " WHERE slug = :slug")
                .bind("slug", slug).bind("namesAt", now.toEpochMilli())
                .map((rs, ctx) -> Map.entry(rs.getLong(1), rs.getString(2)))
                .findOne();
        if (existing.isEmpty()) {
            return h.createQuery("INSERT INTO " + table + " (slug, name) VALUES (:slug, :name) RETURNING id")
                    .bind("slug", slug).bind("name", name).mapTo(Long.class).one();
        }
        long id = existing.get().getKey();
        if (!rename) {
            return id;
        }
        boolean renamed = !existing.get().getValue().equals(name);
        if (published.isAfter(now)) {
            // The latest write decides; the name readers know stays until the article is out.
            h.createUpdate("UPDATE " + table + " SET pending_name = :name, pending_at = :at WHERE id = :id")
                    .bind("name", renamed ? name : null).bind("at", renamed ? published.toEpochMilli() : null)
                    .bind("id", id).execute();
        } else {
            h.createUpdate("UPDATE " + table + " SET name = :name, pending_name = NULL, pending_at = NULL WHERE id = :id")
                    .bind("name", name).bind("id", id).execute();
            if (renamed) {
                h.createUpdate(touchOthers).bind("id", id).execute();
            }
        }
        return id;
    }

    // ---- editors' management --------------------------------------------------------------

    private static String table(Filing.Kind kind) {
        return kind == Filing.Kind.CATEGORY ? "categories" : "authors";
    }

    /**
     * The condition on {@code articles a} for those filed under the category or author whose id is
     * the SQL expression {@code id} (an author: among the bylines).
     */
    private static String filedUnder(Filing.Kind kind, String id) {
        return kind == Filing.Kind.CATEGORY ? "a.category_id = " + id
                : "a.id IN (SELECT x.article_id FROM article_authors x WHERE x.author_id = " + id + ")";
    }

    static List<Filing> filings(Handle h, Filing.Kind kind, Instant now) {
        String table = table(kind);
        return h.createQuery("SELECT s.slug, " + nameAt("s") + " AS name, (SELECT COUNT(*) FROM articles a WHERE "
                        + filedUnder(kind, "s.id") + ") AS articles FROM " + table + " s ORDER BY s.slug")
                .bind("namesAt", now.toEpochMilli())
                .map((rs, ctx) -> new Filing(rs.getString("slug"), rs.getString("name"), rs.getLong("articles"))).list();
    }

    /** Renames at once; when readers see it, the feeds showing its articles change with this write. */
    static Optional<Filing> rename(Handle h, Filing.Kind kind, String slug, String name, Instant now) {
        String table = table(kind);
        Optional<Long> id = h.createQuery("SELECT id FROM " + table + " WHERE slug = :slug").bind("slug", slug)
                .mapTo(Long.class).findOne();
        if (id.isEmpty()) {
            return Optional.empty();
        }
        boolean seen = h.createQuery("SELECT COUNT(*) FROM articles a WHERE " + filedUnder(kind, ":id")
                        + " AND a.published_at <= :now AND a.status = 'published'")
                .bind("id", id.get()).bind("now", now.toEpochMilli()).mapTo(Long.class).one() > 0;
        if (seen) {
            ChangeStamps.feedsChanged(h, now);
        }
        h.createUpdate("UPDATE " + table + " SET name = :name, pending_name = NULL, pending_at = NULL WHERE id = :id")
                .bind("name", name).bind("id", id.get()).execute();
        if (seen) {
            // Its own feeds (their titles) and the other kind's feeds showing its articles.
            h.createUpdate("UPDATE " + table + " SET changed_at = (SELECT feeds_changed_at FROM site_state WHERE id = 1) WHERE id = :id")
                    .bind("id", id.get()).execute();
            String other = kind == Filing.Kind.CATEGORY
                    ? "UPDATE authors SET changed_at = (SELECT feeds_changed_at FROM site_state WHERE id = 1)"
                            + " WHERE id IN (SELECT x.author_id FROM article_authors x JOIN articles a ON a.id = x.article_id WHERE "
                    : "UPDATE categories SET changed_at = (SELECT feeds_changed_at FROM site_state WHERE id = 1)"
                            + " WHERE id IN (SELECT a.category_id FROM articles a WHERE ";
            h.createUpdate(other + filedUnder(kind, ":id") + ")").bind("id", id.get()).execute();
        }
        return filings(h, kind, now).stream().filter(f -> f.slug().equals(slug)).findFirst();
    }

    /** Removes it if no article, out or scheduled, is filed under it: one that is shows nowhere anyway. */
    static Filing.Removal remove(Handle h, Filing.Kind kind, String slug) {
        String table = table(kind);
        Optional<Long> id = h.createQuery("SELECT id FROM " + table + " WHERE slug = :slug").bind("slug", slug)
                .mapTo(Long.class).findOne();
        if (id.isEmpty()) {
            return Filing.Removal.UNKNOWN;
        }
        long used = h.createQuery("SELECT COUNT(*) FROM articles a WHERE " + filedUnder(kind, ":id"))
                .bind("id", id.get()).mapTo(Long.class).one();
        if (used > 0) {
            return Filing.Removal.IN_USE;
        }
        h.createUpdate("DELETE FROM " + table + " WHERE id = :id").bind("id", id.get()).execute();
        return Filing.Removal.REMOVED;
    }
}
