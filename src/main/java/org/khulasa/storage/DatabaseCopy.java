package org.khulasa.storage;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.SqlStatements;
import org.khulasa.article.RelatedMatcher;

/**
 * Moves a whole Khulasa database into an empty one, say a live SQLite file into PostgreSQL:
 * every row of every table, ids kept, then each id sequence moved past the largest copied id,
 * and the related-article word index built anew in the target's own form.
 * The source is read in one transaction (a consistent snapshot; on SQLite's WAL
 * writers carry on meanwhile, but what they write after the copy starts is not copied) and the
 * target written in one transaction, so a failed copy leaves the target empty.
 *
 * <pre>KHULASA_DATA=./data java -jar khulasa.jar --copy-to 'jdbc:postgresql://db/khulasa?user=khulasa'</pre>
 */
public final class DatabaseCopy {
    private static final int BATCH = 500;

    /** Every table and the columns copied, parents before children; ordered by the first columns. */
    private static final List<Table> TABLES = List.of(
            new Table("categories", true, "id", "slug", "name", "changed_at", "pending_name", "pending_at"),
            new Table("authors", true, "id", "slug", "name", "changed_at", "pending_name", "pending_at"),
            new Table("tags", true, "id", "name"),
            new Table("articles", true, "id", "title", "summary", "body", "category_id", "author_id",
                    "published_at", "created_at", "updated_at", "image_url", "image_type", "image_caption",
                    "status", "revision", "image_width", "image_height", "image_bytes"),
            new Table("article_authors", false, "article_id", "position", "author_id"),
            new Table("article_corrections", false, "article_id", "position", "noted_at", "note"),
            new Table("article_tags", false, "article_id", "position", "tag_id"),
            new Table("article_related", false, "article_id", "position", "related_id", "chosen_by"),
            new Table("idempotency_keys", false, "token_hash", "idem_key", "request_hash", "article_id", "created_at"),
            new Table("imported_articles", false, "guid", "source_id", "article_id"),
            new Table("old_addresses", false, "old_address", "article_id", "target", "status"),
            new Table("imported_slugs", false, "kind", "old_slug", "slug"),
            new Table("imported_attachments", false, "source_id", "url", "caption", "alt"),
            new Table("imported_images_owed", false, "article_id", "source_id"),
            // A signed-out session must stay out on the new database too.
            new Table("ended_desk_sessions", false, "cookie_digest", "expires_at"),
            // The hub's subscribers keep getting pushes, and what was still to deliver is delivered.
            new Table("websub_subscriptions", true, "id", "callback", "callback_host", "topic", "secret", "expires_at"),
            new Table("websub_deliveries", true, "id", "kind", "subscription_id", "target", "topic", "attempts",
                    "due_at", "claimed_until"));

    /** Hears how far the copy got: {@code done} of {@code total} rows of {@code table}. */
    @FunctionalInterface
    public interface Progress {
        void report(String table, long done, long total);
    }

    private record Table(String name, boolean hasIdentity, String... columns) {
        String select() {
            return "SELECT " + String.join(", ", columns) + " FROM " + name + " ORDER BY " + columns[0]
                    + (columns.length > 1 && !hasIdentity ? ", " + columns[1] : "");
        }

        String insert() {
            return "INSERT INTO " + name + " (" + String.join(", ", columns) + ") VALUES ("
                    + List.of(columns).stream().map(c -> ":" + c).collect(Collectors.joining(", ")) + ")";
        }
    }

    private DatabaseCopy() {
    }

    /**
     * Copies {@code sourceUrl} into {@code targetUrl}, whose schema is created if missing;
     * answers how many rows were copied.
     *
     * @throws IllegalStateException when the target already holds data, is the source, or the source does not exist
     */
    public static long copy(String sourceUrl, String targetUrl, RelatedMatcher matcher, Progress progress) {
        if (sourceUrl.equals(targetUrl)) {
            throw new IllegalStateException("the target is the configured database itself (" + sourceUrl
                    + "); unset KHULASA_DB_URL so that KHULASA_DATA names the SQLite file to copy");
        }
        long copied = copyRows(sourceUrl, targetUrl, progress);
        // The word index is each dialect's own (FTS5, tsvector): built anew from the copied articles.
        try (JdbiArticleStore target = Database.open(targetUrl, Clock.systemUTC(), matcher)) {
            target.reindexWords(progress::report);
        }
        return copied;
    }

    private static long copyRows(String sourceUrl, String targetUrl, Progress progress) {
        requireExistingSqliteFile(sourceUrl);
        // Both at the same schema version: the source is brought up to date as on any start.
        Database.open(sourceUrl, Clock.systemUTC()).close();
        Dialect targetDialect = Dialect.of(targetUrl);
        try (HikariDataSource targetPool = targetDialect.pool(targetUrl)) {
            Jdbi target = Jdbi.create(targetPool);
            target.getConfig(SqlStatements.class).setUnusedBindingAllowed(true);
            Migrations.apply(target, targetDialect);
            Jdbi source = Jdbi.create(sourceUrl);
            try (Handle from = source.open()) {
                Connection connection = from.getConnection();
                connection.setTransactionIsolation(Connection.TRANSACTION_SERIALIZABLE);
                from.begin();
                try {
                    long copied = target.inTransaction(to -> copyAll(from, to, targetDialect, progress));
                    from.commit();
                    return copied;
                } catch (RuntimeException e) {
                    from.rollback();
                    throw e;
                }
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException("cannot read " + sourceUrl + ": " + e.getMessage(), e);
            }
        }
    }

    private static long copyAll(Handle from, Handle to, Dialect targetDialect, Progress progress) {
        requireEmpty(to);
        long copied = 0;
        for (Table table : TABLES) {
            copied += copyTable(from, to, table, progress);
            if (table.hasIdentity()) {
                targetDialect.moveIdsPast(to, table.name());
            }
        }
        long lastChange = from.createQuery("SELECT last_change_at FROM site_state WHERE id = 1").mapTo(Long.class).one();
        var feeds = from.createQuery("SELECT feeds_changed_at, feeds_written_at FROM site_state WHERE id = 1").mapToMap().one();
        to.createUpdate("UPDATE site_state SET last_change_at = :at, feeds_changed_at = :feeds, feeds_written_at = :written WHERE id = 1")
                .bind("at", lastChange).bind("feeds", ((Number) feeds.get("feeds_changed_at")).longValue())
                .bind("written", ((Number) feeds.get("feeds_written_at")).longValue()).execute();
        // How far changes were turned into deliveries: none is delivered twice, none skipped.
        var cursors = from.createQuery("SELECT change_cursor, publish_cursor FROM websub_state WHERE id = 1").mapToMap().one();
        to.createUpdate("UPDATE websub_state SET change_cursor = :change, publish_cursor = :publish WHERE id = 1")
                .bind("change", ((Number) cursors.get("change_cursor")).longValue())
                .bind("publish", ((Number) cursors.get("publish_cursor")).longValue()).execute();
        return copied;
    }

    private static long copyTable(Handle from, Handle to, Table table, Progress progress) {
        long total = from.createQuery("SELECT COUNT(*) FROM " + table.name()).mapTo(Long.class).one();
        progress.report(table.name(), 0, total);
        List<Map<String, Object>> rows = new ArrayList<>(BATCH);
        long[] done = {0};
        from.createQuery(table.select()).setFetchSize(BATCH).mapToMap().useStream(stream -> stream.forEach(row -> {
            rows.add(row);
            if (rows.size() == BATCH) {
                done[0] += insert(to, table, rows);
                progress.report(table.name(), done[0], total);
            }
        }));
        if (!rows.isEmpty()) {
            done[0] += insert(to, table, rows);
            progress.report(table.name(), done[0], total);
        }
        return done[0];
    }

    private static int insert(Handle to, Table table, List<Map<String, Object>> rows) {
        PreparedBatch batch = to.prepareBatch(table.insert());
        for (Map<String, Object> row : rows) {
            for (String column : table.columns()) {
                Object value = row.get(column);
                // SQLite hands back Integer or Long for the same column; bind one type.
                batch.bind(column, value instanceof Integer i ? Long.valueOf(i) : value);
            }
            batch.add();
        }
        int count = rows.size();
        batch.execute();
        rows.clear();
        return count;
    }

    private static void requireEmpty(Handle to) {
        for (Table table : TABLES) {
            boolean empty = to.createQuery("SELECT COUNT(*) FROM " + table.name()).mapTo(Long.class).one() == 0;
            if (!empty) {
                throw new IllegalStateException("the target database is not empty: " + table.name()
                        + " holds rows; copy into a new, empty database");
            }
        }
    }

    private static void requireExistingSqliteFile(String url) {
        if (url.startsWith("jdbc:sqlite:")) {
            String path = url.substring("jdbc:sqlite:".length());
            if (!path.startsWith("file:") && !path.startsWith(":memory:") && !Files.isRegularFile(Path.of(path))) {
                throw new IllegalStateException("no database to copy at " + path + " (set KHULASA_DATA or KHULASA_DB_URL)");
            }
        }
    }
}
