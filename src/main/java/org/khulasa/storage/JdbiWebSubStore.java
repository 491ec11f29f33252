package org.khulasa.storage;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.khulasa.websub.WebSubStore;

/**
 * The WebSub hub's tables (migration 009). Several instances may share them: changes are taken
 * by compare-and-set on {@code websub_state}, deliveries by a claim that expires, so each is
 * made by one instance, and by another only if the first died holding it.
 */
final class JdbiWebSubStore implements WebSubStore {
    private final Jdbi jdbi;

    JdbiWebSubStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void subscribe(String callback, String callbackHost, String topic, String secret, Instant expiresAt) {
        jdbi.useTransaction(h -> {
            int renewed = h.createUpdate("""
                    UPDATE websub_subscriptions SET secret = :secret, expires_at = :expires, callback_host = :host
                    WHERE callback = :callback AND topic = :topic""")
                    .bind("secret", secret).bind("expires", expiresAt.toEpochMilli()).bind("host", callbackHost)
                    .bind("callback", callback).bind("topic", topic).execute();
            if (renewed == 0) {
                h.createUpdate("""
                        INSERT INTO websub_subscriptions (callback, callback_host, topic, secret, expires_at)
                        VALUES (:callback, :host, :topic, :secret, :expires)""")
                        .bind("secret", secret).bind("expires", expiresAt.toEpochMilli()).bind("host", callbackHost)
                        .bind("callback", callback).bind("topic", topic).execute();
            }
        });
    }

    @Override
    public void unsubscribe(String callback, String topic) {
        jdbi.useHandle(h -> h.createUpdate("DELETE FROM websub_subscriptions WHERE callback = :callback AND topic = :topic")
                .bind("callback", callback).bind("topic", topic).execute());
    }

    @Override
    public int countForHost(String host, Instant now) {
        return jdbi.withHandle(h -> h.createQuery(
                        "SELECT COUNT(*) FROM websub_subscriptions WHERE callback_host = :host AND expires_at > :now")
                .bind("host", host).bind("now", now.toEpochMilli()).mapTo(Integer.class).one());
    }

    @Override
    public Optional<ChangedScopes> takeChanges(Instant now) {
        long nowMs = now.toEpochMilli();
        return jdbi.withHandle(h -> {
            long[] cursors = h.createQuery("SELECT change_cursor, publish_cursor FROM websub_state WHERE id = 1")
                    .map((rs, ctx) -> new long[] {rs.getLong(1), rs.getLong(2)}).one();
            // Writes readers see commit in turn and each moves feeds_changed_at, the stamp categories'
            // and authors' changed_at take: every such write up to it is committed. Writes about
            // scheduled articles alone leave it, so nothing is pushed before an article is out.
            long lastChange = h.createQuery("SELECT feeds_changed_at FROM site_state WHERE id = 1").mapTo(Long.class).one();
            boolean written = lastChange > cursors[0];
            Set<String> categories = new LinkedHashSet<>();
            Set<String> authors = new LinkedHashSet<>();
            if (written) {
                categories.addAll(slugs(h, "SELECT slug FROM categories WHERE changed_at > :since", cursors[0]));
                authors.addAll(slugs(h, "SELECT slug FROM authors WHERE changed_at > :since", cursors[0]));
            }
            // Scheduled articles coming out change feeds with no write.
            List<String[]> outNow = h.createQuery("""
                    SELECT c.slug, w.slug FROM articles a
                    JOIN categories c ON c.id = a.category_id
                    JOIN article_authors x ON x.article_id = a.id JOIN authors w ON w.id = x.author_id
                    WHERE a.published_at > :since AND a.published_at <= :now AND a.status = 'published'""")
                    .bind("since", Math.min(cursors[1], nowMs)).bind("now", nowMs)
                    .map((rs, ctx) -> new String[] {rs.getString(1), rs.getString(2)}).list();
            if (!written && outNow.isEmpty()) {
                return Optional.<ChangedScopes>empty();
            }
            outNow.forEach(pair -> {
                categories.add(pair[0]);
                authors.add(pair[1]);
            });
            int taken = h.createUpdate("""
                    UPDATE websub_state SET change_cursor = :change, publish_cursor = :publish
                    WHERE id = 1 AND change_cursor = :oldChange AND publish_cursor = :oldPublish""")
                    .bind("change", Math.max(lastChange, cursors[0])).bind("publish", Math.max(nowMs, cursors[1]))
                    .bind("oldChange", cursors[0]).bind("oldPublish", cursors[1]).execute();
            return taken == 1 ? Optional.of(new ChangedScopes(true, categories, authors)) : Optional.<ChangedScopes>empty();
        });
    }

    @Override
    public int enqueue(Set<String> topics, Instant now) {
        if (topics.isEmpty()) {
            return 0;
        }
        return jdbi.withHandle(h -> h.createUpdate("""
                        INSERT INTO websub_deliveries (kind, subscription_id, target, topic, attempts, due_at, claimed_until)
                        SELECT 'content', id, callback, topic, 0, :now, 0 FROM websub_subscriptions
                        WHERE topic IN (<topics>) AND expires_at > :now""")
                .bindList("topics", List.copyOf(topics)).bind("now", now.toEpochMilli()).execute());
    }

    @Override
    public void enqueuePings(List<String> hubs, Set<String> topics, Instant now) {
        jdbi.useTransaction(h -> {
            for (String hub : hubs) {
                for (String topic : topics) {
                    h.createUpdate("""
                            INSERT INTO websub_deliveries (kind, subscription_id, target, topic, attempts, due_at, claimed_until)
                            VALUES ('publish', NULL, :hub, :topic, 0, :now, 0)""")
                            .bind("hub", hub).bind("topic", topic).bind("now", now.toEpochMilli()).execute();
                }
            }
        });
    }

    @Override
    public List<Delivery> claimDue(Instant now, Instant until, int limit) {
        long nowMs = now.toEpochMilli();
        return jdbi.withHandle(h -> {
            List<Long> due = h.createQuery("""
                    SELECT id FROM websub_deliveries WHERE due_at <= :now AND claimed_until < :now
                    ORDER BY due_at, id LIMIT :limit""")
                    .bind("now", nowMs).bind("limit", limit).mapTo(Long.class).list();
            List<Delivery> claimed = new ArrayList<>();
            for (long id : due) {
                int won = h.createUpdate("UPDATE websub_deliveries SET claimed_until = :until WHERE id = :id AND claimed_until < :now")
                        .bind("until", until.toEpochMilli()).bind("id", id).bind("now", nowMs).execute();
                if (won == 1) {
                    h.createQuery("""
                            SELECT d.id, d.kind, d.target, d.topic, s.secret, d.attempts FROM websub_deliveries d
                            LEFT JOIN websub_subscriptions s ON s.id = d.subscription_id WHERE d.id = :id""")
                            .bind("id", id)
                            .map((rs, ctx) -> new Delivery(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                    rs.getString(5), rs.getInt(6)))
                            .findOne().ifPresent(claimed::add);
                }
            }
            return claimed;
        });
    }

    @Override
    public void delivered(long id) {
        jdbi.useHandle(h -> h.createUpdate("DELETE FROM websub_deliveries WHERE id = :id").bind("id", id).execute());
    }

    @Override
    public void failed(long id, Optional<Instant> dueAt) {
        jdbi.useHandle(h -> {
            if (dueAt.isEmpty()) {
                h.createUpdate("DELETE FROM websub_deliveries WHERE id = :id").bind("id", id).execute();
            } else {
                h.createUpdate("""
                        UPDATE websub_deliveries SET attempts = attempts + 1, due_at = :due, claimed_until = 0
                        WHERE id = :id""").bind("due", dueAt.get().toEpochMilli()).bind("id", id).execute();
            }
        });
    }

    @Override
    public int expire(Instant now) {
        return jdbi.withHandle(h -> h.createUpdate("DELETE FROM websub_subscriptions WHERE expires_at <= :now")
                .bind("now", now.toEpochMilli()).execute());
    }

    private static List<String> slugs(Handle h, String sql, long since) {
        return h.createQuery(sql).bind("since", since).mapTo(String.class).list();
    }
}
