package org.khulasa.storage;

import org.jdbi.v3.core.Handle;

/**
 * Tells the other instances sharing a database that a write was committed, so they drop what
 * they cached. One instance alone (SQLite) needs none of it: {@link #NONE}.
 */
interface ChangeSignal extends AutoCloseable {

    ChangeSignal NONE = new ChangeSignal() {
        @Override
        public void announce(Handle h) {
        }

        @Override
        public void subscribe(Runnable listener) {
        }

        @Override
        public void close() {
        }
    };

    /** Inside a write's transaction: the others hear of it when, and only if, it commits. */
    void announce(Handle h);

    /** {@code listener} runs (on a background thread) after another instance's write commits. */
    void subscribe(Runnable listener);

    @Override
    void close();
}
