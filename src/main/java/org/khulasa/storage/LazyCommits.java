package org.khulasa.storage;

import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;

/**
 * Long bulk work (an import, choosing every related list again) commits many transactions; with
 * each one waiting for the disk, the waits cost more than the work. Its transactions commit
 * lazily instead ({@link Dialect#commitLazily}): a crash may lose the last of them, whole, and
 * the work is resumable. {@link #settle} ends the work with one commit that waits for the disk,
 * and with it for every lazy commit before it.
 */
final class LazyCommits {

    private LazyCommits() {
    }

    static <T> T inTransaction(Jdbi jdbi, Dialect dialect, HandleCallback<T, RuntimeException> work) {
        return jdbi.withHandle(h -> {
            dialect.commitLazily(h);
            try {
                return h.inTransaction(work);
            } finally {
                dialect.commitDurably(h);
            }
        });
    }

    /** Every lazy commit so far survives a crash once this returns. */
    static void settle(Jdbi jdbi, Dialect dialect) {
        jdbi.useHandle(h -> {
            h.useTransaction(ChangeStamps::lockWrites);
            dialect.afterBulk(h);
        });
    }
}
