package org.khulasa.storage;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.khulasa.article.Category;
import org.khulasa.article.Changes;
import org.khulasa.article.Filing;

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
     */
    Instant next(Handle h, Instant now) {
        long next = Math.max(now.toEpochMilli(), lastChangeMillis(h) + 1);
        h.createUpdate("UPDATE site_state SET last_change_at = :at WHERE id = 1").bind("at", next).execute();
        return Instant.ofEpochMilli(next);
    }

    /**
     * What a write starts from (read under the write lock), so that its end can tell what it
     * changed: the stamps, when scheduled content next comes out (cached feeds are fresh until
     * then), and the categories readers see (every page lists them).
     */
    record Before(long lastChange, long feedsChanged, Optional<Instant> nextScheduled, List<Category> shown) {
    }

    static Before before(Handle h, Instant now) {
        return new Before(lastChangeMillis(h), feedsChangedMillis(h), ArticleReads.nextScheduledAfter(h, now),
                shownCategories(h, now));
    }

    /** The categories every page lists in its navigation at {@code now}. */
    private static List<Category> shownCategories(Handle h, Instant now) {
        return Scopes.allVisible(h, Filing.Kind.CATEGORY, now, Category::new);
    }

    /**
     * At the end of a write's transaction: what it changed, if it stamped anything since
     * {@code before}. A write readers see moves the feeds' change time to one of its own, so the
     * categories and authors carrying that stamp are exactly those whose feeds it changed. Two
     * kinds count as changing everything: one that moved only the write time (a scheduled
     * article, an import, a write sharing a stamp still ahead: {@link #shownArticlesChanged}),
     * whose effects on what readers see are not stamped per feed; and one that brought scheduled
     * content (an article, a name) out sooner than any before, since cached feeds are kept until
     * the earlier time they were told of. A draft stamps nothing and changes nothing. The other
     * instances hear of it when it commits.
     * {@code now} is read as the write ends: an article the write published at its own start is
     * out by then, not due. A write that made a category appear, disappear or change its name
     * says so ({@link Changes#names}): every page's navigation lists them.
     */
    Optional<Changes> announce(Handle h, Before before, Instant now) {
        long stamp = lastChangeMillis(h);
        long feeds = feedsChangedMillis(h);
        Optional<Instant> next = ArticleReads.nextScheduledAfter(h, now);
        boolean sooner = next.isPresent()
                && (before.nextScheduled().isEmpty() || next.get().isBefore(before.nextScheduled().get()));
        if (stamp == before.lastChange() && feeds == before.feedsChanged() && !sooner) {
            return Optional.empty();
        }
        Changes changed = feeds == before.feedsChanged() || sooner ? Changes.EVERYTHING
                : Changes.of(slugsStamped(h, "categories", feeds), slugsStamped(h, "authors", feeds));
        if (!changed.everything() && !shownCategories(h, now).equals(before.shown())) {
            changed = changed.withNames();
        }
        changes.announce(h, changed);
        return Optional.of(changed);
    }

    /** {@code table} is categories or authors. */
    private static List<String> slugsStamped(Handle h, String table, long stamp) {
        return h.createQuery("SELECT slug FROM " + table + " WHERE changed_at = :stamp")
                .bind("stamp", stamp).mapTo(String.class).list();
    }

    /**
     * Stamps a write that readers can see (an article out, or out before this write) as the
     * feeds' new change time: a whole second, at least one after the last stamp and after every
     * publication time already reached, so each version of a feed gets a Last-Modified of its own.
     * A write about scheduled articles alone never calls this: nothing public moves before they are out.
     */
    static void feedsChanged(Handle h, Instant now) {
        long previous = h.createQuery("SELECT feeds_changed_at FROM site_state WHERE id = 1").mapTo(Long.class).one();
        long reached = Math.max(ArticleReads.lastPublicationUpTo(h, now).map(Instant::toEpochMilli).orElse(0L),
                Scopes.lastPendingNameUpTo(h, now).map(Instant::toEpochMilli).orElse(0L));
        long next = Math.max(ceilSecond(now.toEpochMilli()), Math.max(ceilSecond(previous), ceilSecond(reached)) + 1000);
        h.createUpdate("UPDATE site_state SET feeds_changed_at = :at, feeds_written_at = :now WHERE id = 1")
                .bind("at", next).bind("now", now.toEpochMilli()).execute();
    }

    /**
     * A write that changed articles without bringing any out (related lists chosen again, featured
     * images given): the feeds showing those of {@code ids} that readers see move, stamped as by
     * {@link #feedsChanged}. Such writes come many in a row (page by page, batch by batch), so while
     * the feeds' stamp is still ahead of the clock they share it: no answer has sent it yet (until the
     * clock reaches it, an answer's Last-Modified is its own Date), so a poller holds an earlier time
     * and gets this write's version too, and the stamp stays within a second of the clock however
     * many writes there are, rather than running a second ahead per write.
     */
    static void shownArticlesChanged(Handle h, Collection<Long> ids, Instant now) {
        List<Long> out = ArticleReads.outAmong(h, ids, now);
        if (out.isEmpty()) {
            return; // the embargo holds: nothing public moved
        }
        long stamp = h.createQuery("SELECT feeds_changed_at FROM site_state WHERE id = 1").mapTo(Long.class).one();
        if (stamp <= now.toEpochMilli()) {
            feedsChanged(h, now);
        }
        touchScopesOf(h, out);
    }

    /** Rounds up to a whole second: Last-Modified has no finer unit. */
    static long ceilSecond(long millis) {
        return Math.floorDiv(millis + 999, 1000) * 1000;
    }

    /**
     * Marks the category and author feeds showing article {@code id} as changed by the current
     * write (stamped by {@link #feedsChanged} first).
     */
    static void touchScopesOf(Handle h, long id) {
        h.createUpdate("""
                        UPDATE categories SET changed_at = (SELECT feeds_changed_at FROM site_state WHERE id = 1)
                        WHERE id = (SELECT category_id FROM articles WHERE id = :id)
                        """).bind("id", id).execute();
        ArticleBylines.touchAuthorsOf(h, id);
    }

    /** {@link #touchScopesOf(Handle, long)} for many articles at once. */
    static void touchScopesOf(Handle h, List<Long> ids) {
        if (ids.isEmpty()) {
            return;
        }
        InList.update(h, """
                        UPDATE categories SET changed_at = (SELECT feeds_changed_at FROM site_state WHERE id = 1)
                        WHERE id IN (SELECT category_id FROM articles WHERE id IN (%s))
                        """, ids, "stamping categories");
        InList.update(h, """
                        UPDATE authors SET changed_at = (SELECT feeds_changed_at FROM site_state WHERE id = 1)
                        WHERE id IN (SELECT author_id FROM article_authors WHERE article_id IN (%s))
                        """, ids, "stamping authors");
    }

    /**
     * The Last-Modified that content coming out without a write gives a feed whose newest article
     * was published at {@code newest} and whose own change time is {@code scopeChange}: that
     * moment rounded up to a second and, when it is after the last seen write, at least a second
     * after the feed's stamp (stamps may run ahead of the clock to keep writes a second apart);
     * and the second a pending name came out.
     */
    static Instant comeOutStamp(Handle h, Instant newest, Instant scopeChange, Instant now) {
        long written = h.createQuery("SELECT feeds_written_at FROM site_state WHERE id = 1").mapTo(Long.class).one();
        long published = newest.toEpochMilli();
        long stamp = Math.max(ceilSecond(published), published > written ? scopeChange.toEpochMilli() + 1000 : 0);
        // A name that came out shows in every feed filing articles under it: all of them move then.
        long named = Scopes.lastPendingNameUpTo(h, now).map(Instant::toEpochMilli).map(ChangeStamps::ceilSecond).orElse(0L);
        return Instant.ofEpochMilli(Math.max(stamp, named));
    }

    /** When the last write of any kind happened ({@link #next}), seen or not by readers. */
    static Instant lastWrite(Handle h) {
        return Instant.ofEpochMilli(lastChangeMillis(h));
    }

    /** When readers last saw a write change anything (see {@link #feedsChanged}). */
    static Instant lastChange(Handle h) {
        return Instant.ofEpochMilli(h.createQuery("SELECT feeds_changed_at FROM site_state WHERE id = 1").mapTo(Long.class).one());
    }

    static Instant lastChangeOfCategory(Handle h, String slug) {
        return h.createQuery("SELECT changed_at FROM categories WHERE slug = :slug")
                .bind("slug", slug).mapTo(Long.class).findOne().map(Instant::ofEpochMilli).orElse(Instant.EPOCH);
    }

    static Instant lastChangeOfAuthor(Handle h, String slug) {
        return h.createQuery("SELECT changed_at FROM authors WHERE slug = :slug")
                .bind("slug", slug).mapTo(Long.class).findOne().map(Instant::ofEpochMilli).orElse(Instant.EPOCH);
    }

    private static long feedsChangedMillis(Handle h) {
        return h.createQuery("SELECT feeds_changed_at FROM site_state WHERE id = 1").mapTo(Long.class).one();
    }

    private static long lastChangeMillis(Handle h) {
        return h.createQuery("SELECT last_change_at FROM site_state WHERE id = 1").mapTo(Long.class).one();
    }
}
