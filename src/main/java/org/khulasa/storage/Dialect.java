package org.khulasa.storage;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Optional;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;

/**
 * What differs between the databases Khulasa runs on, and nothing else: how to connect, which
 * migration files to apply, how to keep two starting instances from migrating at once, the word
 * index, backups, how bulk work commits, and which errors mean "try again later". The store's
 * other SQL is the same on every dialect.
 */
abstract sealed class Dialect permits SqliteDialect, PostgresDialect {

    private final String name;
    private final Function<String, ChangeSignal> changeSignal;
    private final WordIndexSql wordIndex;
    private final WordSearch wordSearch;
    private final BulkCommits bulkCommits;

    /**
     * What differs only by which object or statement it is: the migrations' folder, the change
     * signal, the word index and search, and how bulk work commits.
     */
    Dialect(String name, Function<String, ChangeSignal> changeSignal, WordIndexSql wordIndex, WordSearch wordSearch,
            BulkCommits bulkCommits) {
        this.name = name;
        this.changeSignal = changeSignal;
        this.wordIndex = wordIndex;
        this.wordSearch = wordSearch;
        this.bulkCommits = bulkCommits;
    }

    /** The dialect a JDBC URL names. */
    static Dialect of(String jdbcUrl) {
        if (jdbcUrl.startsWith("jdbc:sqlite:")) {
            return new SqliteDialect();
        }
        if (jdbcUrl.startsWith("jdbc:postgresql:")) {
            return new PostgresDialect();
        }
        throw new IllegalArgumentException(
                "unsupported database URL (jdbc:sqlite:FILE or jdbc:postgresql://HOST/DB): " + jdbcUrl);
    }

    /** The folder of {@code src/main/resources/db/} holding this dialect's migrations. */
    final String name() {
        return name;
    }

    /** A connection pool for {@code jdbcUrl}, every connection set up for a server. */
    abstract HikariDataSource pool(String jdbcUrl);

    /**
     * Runs {@code migrate} on {@code h} while no other instance migrates the same database, with
     * foreign keys as schema changes need them.
     */
    abstract void exclusively(Handle h, Runnable migrate);

    /**
     * Fails the migration transaction on {@code h} if a row names a row that no longer exists
     * (where {@link #exclusively} turned the checks off).
     */
    abstract void checkForeignKeys(Handle h);

    /** How the instances sharing this database hear of each other's writes. */
    final ChangeSignal changeSignal(String jdbcUrl) {
        return changeSignal.apply(jdbcUrl);
    }

    /** After rows were inserted with their ids: the next id generated comes after them all. */
    abstract void moveIdsPast(Handle h, String table);

    /** The related-article word index, read and written through {@code h}. */
    final StoredWordIndex wordIndex(Handle h) {
        return new StoredWordIndex(h, wordIndex);
    }

    /** Readers' search over that word index. */
    final WordSearch wordSearch() {
        return wordSearch;
    }

    /**
     * Writes a consistent copy of the whole database to {@code target}, a new file, while writers
     * carry on.
     *
     * @throws IllegalStateException when this dialect's databases are backed up with their own tools
     */
    abstract void backup(Handle h, Path target);

    /**
     * The bulk work of an import on {@code h}, outside a transaction: its commits no longer wait
     * for the disk. A crash may then lose the last commits, never half of one; the next commit
     * after {@link #commitDurably} waits for all of them.
     */
    final void commitLazily(Handle h) {
        h.execute(bulkCommits.lazy());
    }

    /** Commits on {@code h} wait for the disk again, as every write of the server's does. */
    final void commitDurably(Handle h) {
        h.execute(bulkCommits.durable());
    }

    /** After an import's bulk work was made durable: tidies what it left (SQLite's write-ahead log). */
    abstract void afterBulk(Handle h);

    /**
     * The session settings of {@link #commitLazily}, under which commits no longer wait for the
     * disk, and of {@link #commitDurably}, under which they wait again.
     */
    record BulkCommits(String lazy, String durable) {
    }

    /** What went wrong, when {@code e} is a passing condition (disk full, locked, connection lost) worth a retry. */
    abstract Optional<String> transientCause(SQLException e);
}
