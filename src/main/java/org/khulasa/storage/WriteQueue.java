package org.khulasa.storage;

import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.jdbi.v3.core.JdbiException;
import org.khulasa.article.StorageUnavailableException;

/**
 * Runs the store's database work: writes one at a time in arrival order, and every failure that
 * is the database's passing trouble (disk full, locked, connection lost) as a
 * {@link StorageUnavailableException}, a 503 the editor may retry.
 */
final class WriteQueue {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final ReentrantLock writeLock = new ReentrantLock(true);
    private final Dialect dialect;

    WriteQueue(Dialect dialect) {
        this.dialect = dialect;
    }

    /**
     * Runs a write transaction once this process's earlier writers are done, first come first
     * served. SQLite takes one writer at a time and makes the others poll its lock with growing
     * sleeps, which is not fair: under a burst an unlucky writer starved past the busy timeout
     * (SQLITE_BUSY, a 503) while later ones got through.
     */
    <T> T writing(Supplier<T> work) {
        try {
            if (!writeLock.tryLock(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                throw new StorageUnavailableException("writes queued for over " + TIMEOUT.toSeconds() + " s", null);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StorageUnavailableException("interrupted while waiting to write", e);
        }
        try {
            return guarded(work);
        } finally {
            writeLock.unlock();
        }
    }

    /** Runs a read (or a write already in the queue), turning passing database trouble into a 503. */
    <T> T guarded(Supplier<T> work) {
        try {
            return work.get();
        } catch (JdbiException e) {
            throw unavailableOr(e);
        }
    }

    /** A full disk, a lock held too long or a lost connection is the server's trouble, not the editor's: 503, retry. */
    private RuntimeException unavailableOr(JdbiException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                Optional<String> cause = dialect.transientCause(sql);
                if (cause.isPresent()) {
                    return new StorageUnavailableException("the database can't take this now: " + cause.get(), e);
                }
            }
        }
        return e;
    }
}
