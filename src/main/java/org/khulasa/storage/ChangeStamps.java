package org.khulasa.storage;

import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * When each write happened and which feeds it changed: the site's last change in
 * {@code site_state}, and a {@code changed_at} on each category and author whose feed shows an
 * article the write touched (their Last-Modified and ETags move with it, and no other feed's do).
 */
final class ChangeStamps {

    private final ChangeSignal changes;

    ChangeStamps(ChangeSignal changes) {
        this.changes = changes;
    }

    /**
     * Every write begins here, so writes run one at a time across every instance sharing the
     * database: the row lock on {@code site_state} is held until commit (PostgreSQL), and SQLite's
     * IMMEDIATE transactions already hold the file's write lock. Each write then reads the latest
     * committed state: the idempotency key a concurrent retry stored, the previous update time.
     */
    static void lockWrites(Handle h) {
        h.createUpdate("UPDATE site_state SET last_change_at = last_change_at WHERE id = 1").execute();
    }

    /**
     * The time stamped on this write: now, but always after the previous write, so no two
     * articles ever share an {@code updated} value (Atom readers and validators rely on it).
     * The other instances hear of the write when it commits.
     */
    Instant next(Handle h, Instant now) {
        long next = Math.max(now.toEpochMilli(), lastChangeMillis(h) + 1);
        h.createUpdate("UPDATE site_state SET last_change_at = :at WHERE id = 1").bind("at", next).execute();
        changes.announce(h);
        return Instant.ofEpochMilli(next);
    }

    /**
     * Marks the category and author feeds showing article {@code id} as changed by the current
     * write (stamped by {@link #next} first).
     */
    static void touchScopesOf(Handle h, long id) {
        h.createUpdate("""
                        UPDATE categories SET changed_at = (SELECT last_change_at FROM site_state WHERE id = 1)
                        WHERE id = (SELECT category_id FROM articles WHERE id = :id)
                        """).bind("id", id).execute();
        ArticleBylines.touchAuthorsOf(h, id);
    }

    /** {@link #touchScopesOf(Handle, long)} for many articles at once. */
    static void touchScopesOf(Handle h, List<Long> ids) {
        if (ids.isEmpty()) {
            return;
        }
        h.createUpdate("""
                        UPDATE categories SET changed_at = (SELECT last_change_at FROM site_state WHERE id = 1)
                        WHERE id IN (SELECT category_id FROM articles WHERE id IN (<ids>))
                        """).bindList("ids", ids).execute();
        h.createUpdate("""
                        UPDATE authors SET changed_at = (SELECT last_change_at FROM site_state WHERE id = 1)
                        WHERE id IN (SELECT author_id FROM article_authors WHERE article_id IN (<ids>))
                        """).bindList("ids", ids).execute();
    }

    static Instant lastChange(Handle h) {
        return Instant.ofEpochMilli(lastChangeMillis(h));
    }

    static Instant lastChangeOfCategory(Handle h, String slug) {
        return h.createQuery("SELECT changed_at FROM categories WHERE slug = :slug")
                .bind("slug", slug).mapTo(Long.class).findOne().map(Instant::ofEpochMilli).orElse(Instant.EPOCH);
    }

    static Instant lastChangeOfAuthor(Handle h, String slug) {
        return h.createQuery("SELECT changed_at FROM authors WHERE slug = :slug")
                .bind("slug", slug).mapTo(Long.class).findOne().map(Instant::ofEpochMilli).orElse(Instant.EPOCH);
    }

    private static long lastChangeMillis(Handle h) {
        return h.createQuery("SELECT last_change_at FROM site_state WHERE id = 1").mapTo(Long.class).one();
    }
}
