package org.khulasa.storage;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.SqlStatements;
import org.khulasa.article.RelatedMatcher;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/** Opens the configured database: a pooled SQLite file by default, migrated on open. */
public final class Database {

    private Database() {
    }

    /** Opens the store without automatic related articles: lists hold only the editor's picks. */
    public static JdbiArticleStore open(String jdbcUrl, Clock clock) {
        return open(jdbcUrl, clock, RelatedMatcher.NONE);
    }

    /**
     * Opens the store behind {@code jdbcUrl}, creating the SQLite file's folder if needed;
     * {@code related} fills each article's related list when it is written.
     */
    public static JdbiArticleStore open(String jdbcUrl, Clock clock, RelatedMatcher related) {
        if (!jdbcUrl.startsWith("jdbc:sqlite:")) {
            throw new IllegalArgumentException("unsupported database URL (only jdbc:sqlite: so far): " + jdbcUrl);
        }
        HikariDataSource pool = sqlitePool(jdbcUrl);
        Jdbi jdbi = Jdbi.create(pool);
        // Optional filters bind every parameter and use only those that apply.
        jdbi.getConfig(SqlStatements.class).setUnusedBindingAllowed(true);
        try {
            Migrations.apply(jdbi, "sqlite");
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
        return new JdbiArticleStore(jdbi, pool, clock, related);
    }

    private static HikariDataSource sqlitePool(String jdbcUrl) {
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
