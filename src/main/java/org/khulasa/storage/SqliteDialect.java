package org.khulasa.storage;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/** An SQLite file: the default, one instance on one machine. */
final class SqliteDialect extends Dialect {

    /** In WAL mode, NORMAL syncs only at checkpoints: the database stays whole, recent commits may roll back. */
    SqliteDialect() {
        super("sqlite", SqliteChangeSignal::new, new SqliteWordIndex(), new SqliteWordSearch(),
                new BulkCommits("PRAGMA synchronous = NORMAL", "PRAGMA synchronous = FULL"));
    }

    @Override
    public HikariDataSource pool(String jdbcUrl) {
        createParentFolder(jdbcUrl.substring("jdbc:sqlite:".length()));
        SQLiteConfig sqlite = new SQLiteConfig();
        sqlite.setJournalMode(SQLiteConfig.JournalMode.WAL);
        // FULL: a commit answered 2xx survives power loss too, not only a process crash.
        sqlite.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        sqlite.setBusyTimeout(5000);
        sqlite.enforceForeignKeys(true);
        // Writers take the write lock at BEGIN, so read-then-write never dies with SQLITE_BUSY.
        sqlite.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        SQLiteDataSource source = new SQLiteDataSource(sqlite);
        source.setUrl(jdbcUrl);

        HikariConfig hikari = new HikariConfig();
        hikari.setDataSource(source);
        hikari.setPoolName("khulasa-sqlite");
        hikari.setMaximumPoolSize(8);
        hikari.setConnectionTimeout(10_000);
        return new HikariDataSource(hikari);
    }

    /**
     * Each migration's IMMEDIATE transaction already holds the file's write lock. Foreign keys
     * are off meanwhile, as SQLite's procedure for rebuilding a table asks: dropping a parent
     * table with them on deletes every row that references it. They can only be switched outside
     * a transaction, and this pooled connection gets them back before anyone else uses it.
     */
    @Override
    public void exclusively(Handle h, Runnable migrate) {
        h.execute("PRAGMA foreign_keys = OFF");
        try {
            migrate.run();
        } finally {
            h.execute("PRAGMA foreign_keys = ON");
        }
    }

    @Override
    public void checkForeignKeys(Handle h) {
        List<String> broken = h.createQuery("PRAGMA foreign_key_check")
                .map((rs, ctx) -> rs.getString("table") + " row " + rs.getLong("rowid") + " → " + rs.getString("parent"))
                .list();
        if (!broken.isEmpty()) {
            throw new IllegalStateException("the migration left rows naming missing rows: " + broken);
        }
    }

    /** One server per file, but a command (an import) may write while it runs: see {@link SqliteChangeSignal}. */
    /**
     * An INTEGER PRIMARY KEY takes the largest id plus one by itself; with AUTOINCREMENT
     * (articles), inserting an id moves the table's counter past it too.
     */
    @Override
    public void moveIdsPast(Handle h, String table) {
    }

    /**
     * SQLite's {@code VACUUM INTO}: it reads one snapshot, so writers carry on meanwhile and the
     * copy is compact and ready to open. Restore by stopping the server and putting the copy in
     * its place.
     */
    @Override
    public void backup(Handle h, Path target) {
        h.createUpdate("VACUUM INTO :target").bind("target", target.toAbsolutePath().toString()).execute();
    }

    /**
     * Copies the log into the database file now, rather than at the next automatic checkpoint;
     * PASSIVE: a running server's readers are not waited for.
     */
    @Override
    public void afterBulk(Handle h) {
        h.execute("PRAGMA wal_checkpoint(PASSIVE)");
    }

    @Override
    public Optional<String> transientCause(SQLException e) {
        if (e instanceof SQLiteException sqlite && isTransient(sqlite.getResultCode())) {
            return Optional.of(sqlite.getResultCode().name());
        }
        return Optional.empty();
    }

    private static boolean isTransient(SQLiteErrorCode code) {
        return switch (code) {
            case SQLITE_FULL, SQLITE_BUSY, SQLITE_LOCKED, SQLITE_IOERR, SQLITE_CANTOPEN, SQLITE_READONLY -> true;
            default -> code.name().startsWith("SQLITE_IOERR") || code.name().startsWith("SQLITE_BUSY");
        };
    }

    private static void createParentFolder(String path) {
        if (path.isEmpty() || path.startsWith(":memory:") || path.startsWith("file:")) {
            return;
        }
        Path parent = Path.of(path).toAbsolutePath().getParent();
        try {
            Files.createDirectories(parent);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data folder " + parent, e);
        }
    }
}
