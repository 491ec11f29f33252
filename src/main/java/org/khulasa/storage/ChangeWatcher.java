package org.khulasa.storage;

import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.khulasa.article.Changes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The listeners of a {@link ChangeSignal} and the one daemon thread that hears the other writers
 * for them: started by the first listener, watching on a connection of its own until stopped. A
 * failed connection counts as a change of everything (writes may have gone unheard meanwhile) and is opened
 * again after a pause.
 */
final class ChangeWatcher {
    private static final Logger log = LoggerFactory.getLogger(ChangeWatcher.class);

    /** Watches on one connection until {@link #stopped()}; throws when the connection fails. */
    interface Watch {
        void run() throws SQLException, InterruptedException;
    }

    private final String name;
    private final long retryMillis;
    private final Watch watch;
    private final List<Consumer<Changes>> listeners = new CopyOnWriteArrayList<>();
    private volatile boolean stopped;
    private Thread thread;

    /** {@code name} names the thread; {@code retryMillis} is the pause after a failure. */
    ChangeWatcher(String name, long retryMillis, Watch watch) {
        this.name = name;
        this.retryMillis = retryMillis;
        this.watch = watch;
    }

    synchronized void subscribe(Consumer<Changes> listener) {
        listeners.add(listener);
        if (thread == null && !stopped) {
            thread = new Thread(this::run, name);
            thread.setDaemon(true);
            thread.start();
        }
    }

    boolean stopped() {
        return stopped;
    }

    /** Tells every listener that another writer's write committed, and what it changed. */
    void changed(Changes changes) {
        for (Consumer<Changes> listener : listeners) {
            try {
                listener.accept(changes);
            } catch (RuntimeException e) {
                log.error("A change listener failed", e);
            }
        }
    }

    /** Stops watching: the thread ends at its next wait. */
    void stop() {
        interrupt();
    }

    /** Stops watching and waits up to {@code millis} for the thread to end, and its connection with it. */
    void stopAndAwait(long millis) {
        Thread watching = interrupt();
        if (watching != null) {
            try {
                watching.join(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Marks the watcher stopped and interrupts its thread, if it has one, which it returns. */
    private Thread interrupt() {
        Thread watching;
        synchronized (this) {
            stopped = true;
            watching = thread;
        }
        if (watching != null) {
            watching.interrupt();
        }
        return watching;
    }

    private void run() {
        while (!stopped) {
            try {
                watch.run();
            } catch (SQLException e) {
                if (stopped) {
                    return;
                }
                log.warn("Hearing of other writers' writes failed ({}); connecting again in {} ms", e.getMessage(), retryMillis);
                changed(Changes.EVERYTHING);
                try {
                    Thread.sleep(retryMillis);
                } catch (InterruptedException interrupted) {
                    return;
                }
            } catch (InterruptedException e) {
                return;
            }
        }
    }
}
