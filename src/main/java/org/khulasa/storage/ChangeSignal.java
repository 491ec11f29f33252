package org.khulasa.storage;

import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.khulasa.article.Changes;

/**
 * Tells the other instances sharing a database that a write was committed, so they drop what
 * they cached. One instance alone (SQLite) needs none of it: {@link #NONE}.
 */
interface ChangeSignal extends AutoCloseable {

    ChangeSignal NONE = new ChangeSignal() {
        @Override
        public void announce(Handle h, Changes changed) {
        }

        @Override
        public void subscribe(Consumer<Changes> listener) {
        }

        @Override
        public void close() {
        }
    };

    /** Inside a write's transaction: the others hear of it, and of what it changed, when and only if it commits. */
    void announce(Handle h, Changes changed);

    /**
     * {@code listener} runs (on a background thread) after another instance's write commits, with
     * what it changed ({@link Changes#EVERYTHING} when writes may have gone unheard).
     */
    void subscribe(Consumer<Changes> listener);

    @Override
    void close();
}
