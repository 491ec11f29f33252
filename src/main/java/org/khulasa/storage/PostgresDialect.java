package org.khulasa.storage;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.SQLTransientException;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** A PostgreSQL database shared by several Khulasa instances. */
final class PostgresDialect extends Dialect {

    /** An arbitrary constant: the advisory lock every instance takes to migrate ("khulasa" in ASCII). */
    static final long MIGRATION_LOCK = 0x6b68756c617361L;

    /** Lazy commits return before their log reaches the disk: a crash may lose one whole, never corrupt anything. */
    PostgresDialect() {
        super("postgresql", PostgresChangeSignal::new, new PostgresWordIndex(), new PostgresWordSearch(),
                new BulkCommits("SET synchronous_commit = off", "RESET synchronous_commit"));
    }

    @Override
    public HikariDataSource pool(String jdbcUrl) {
        HikariConfig hikari = new HikariConfig();
        hikari.setJdbcUrl(jdbcUrl);
        hikari.setPoolName("khulasa-postgresql");
        hikari.setMaximumPoolSize(8);
        hikari.setConnectionTimeout(10_000);
        // As SQLite's busy timeout: a write kept waiting this long for a lock gives up (55P03 → 503).
        hikari.setConnectionInitSql("SET lock_timeout = '5s'");
        // Instants are bound as epoch milliseconds, so the session's time zone never matters;
        // UTF-8 both ways whatever the client machine's locale.
        hikari.addDataSourceProperty("ApplicationName", "khulasa");
        hikari.addDataSourceProperty("charSet", "UTF-8");
        HikariDataSource pool = new HikariDataSource(hikari);
        try (var c = pool.getConnection(); var rs = c.createStatement().executeQuery("SHOW server_encoding")) {
            rs.next();
            if (!rs.getString(1).equals("UTF8")) {
                throw new IllegalStateException("the PostgreSQL database must use UTF8 (CREATE DATABASE … ENCODING 'UTF8'), not "
                        + rs.getString(1));
            }
        } catch (SQLException e) {
            pool.close();
            throw new IllegalStateException("cannot connect to PostgreSQL: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
        return pool;
    }

    /** Session-level advisory lock: a second instance starting at the same time waits, then finds nothing to do. */
    @Override
    public void exclusively(Handle h, Runnable migrate) {
        // pg_advisory_lock returns void, which no mapper reads: select a constant beside it.
        h.createQuery("SELECT 1 FROM (SELECT pg_advisory_lock(:key)) AS locked").bind("key", MIGRATION_LOCK)
                .mapTo(Integer.class).one();
        try {
            migrate.run();
        } finally {
            h.createQuery("SELECT pg_advisory_unlock(:key)").bind("key", MIGRATION_LOCK).mapTo(Boolean.class).one();
        }
    }

    /** PostgreSQL checks foreign keys at every statement; migrations never turn that off. */
    @Override
    public void checkForeignKeys(Handle h) {
    }

    @Override
    public void moveIdsPast(Handle h, String table) {
        // The table name comes from the copy's own list, never from input.
        h.createQuery("SELECT setval(pg_get_serial_sequence('" + table + "', 'id'), "
                        + "(SELECT COALESCE(MAX(id), 0) + 1 FROM " + table + "), false)")
                .mapTo(Long.class).one();
    }

    @Override
    public void backup(Handle h, Path target) {
        throw new IllegalStateException("--backup copies SQLite databases; back PostgreSQL up with its own tools (pg_dump)");
    }

    /**
     * SQLSTATE classes that pass: 08 connection lost or refused, 40 serialization failure or
     * deadlock, 53 insufficient resources (53100 disk full), 57P admin shutdown or not yet
     * accepting connections, 55P03 lock not available, 25006 read-only (a standby during a
     * failover); and a pool that could hand out no connection.
     */
    @Override
    public Optional<String> transientCause(SQLException e) {
        String state = e.getSQLState();
        if (state != null && (state.startsWith("08") || state.startsWith("40") || state.startsWith("53")
                || state.startsWith("57P") || state.equals("55P03") || state.equals("25006"))) {
            return Optional.of("SQLSTATE " + state);
        }
        if (e instanceof SQLTransientException) {
            return Optional.of(e.getClass().getSimpleName());
        }
        return Optional.empty();
    }

    @Override
    public void afterBulk(Handle h) {
    }
}
