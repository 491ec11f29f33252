package org.khulasa.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.khulasa.article.Changes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;

/**
 * Notices writes that another process commits to the same SQLite file (a {@code --import-wordpress}
 * run while the server serves): SQLite has no notifications, so each write adds one to
 * {@code site_state.writes} and this process remembers the counts its own writes left; a thread
 * reads the count every {@value #POLL_MILLIS} ms on a connection of its own (a one-row read, in WAL
 * mode never blocked by writers), and any count in between that is not one of ours is another
 * process's write. The count says nothing of what that write changed: listeners hear
 * {@link Changes#EVERYTHING}.
 */
final class SqliteChangeSignal implements ChangeSignal {
    private static final Logger log = LoggerFactory.getLogger(SqliteChangeSignal.class);
    static final long POLL_MILLIS = 500;

    private final String jdbcUrl;
    private final List<Consumer<Changes>> listeners = new CopyOnWriteArrayList<>();
    private final Set<Long> own = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;
    private Thread thread;

    SqliteChangeSignal(String jdbcUrl) {
        this.jdbcUrl = jdbcUrl;
    }

    @Override
    public void announce(Handle h, Changes changed) {
        h.createUpdate("UPDATE site_state SET writes = writes + 1 WHERE id = 1").execute();
        own.add(h.createQuery("SELECT writes FROM site_state WHERE id = 1").mapTo(Long.class).one());
    }

    @Override
    public synchronized void subscribe(Consumer<Changes> listener) {
        listeners.add(listener);
        if (thread == null && !closed) {
            thread = new Thread(this::watch, "khulasa-watch-changes");
            thread.setDaemon(true);
            thread.start();
        }
    }

    /** Stops watching and waits (briefly) for the watcher's connection to close, so the file is left alone. */
    @Override
    public void close() {
        Thread watcher;
        synchronized (this) {
            closed = true;
            watcher = thread;
        }
        if (watcher != null) {
            watcher.interrupt();
            try {
                watcher.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void watch() {
        Long seen = null;
        while (!closed) {
            SQLiteConfig config = new SQLiteConfig();
            config.setBusyTimeout(5000);
            try (Connection connection = config.createConnection(jdbcUrl);
                 PreparedStatement read = connection.prepareStatement("SELECT writes FROM site_state WHERE id = 1")) {
                while (!closed) {
                    long now;
                    try (ResultSet rs = read.executeQuery()) {
                        now = rs.next() ? rs.getLong(1) : 0;
                    }
                    if (seen != null && now != seen && !onlyOurs(seen, now)) {
                        changed();
                    }
                    seen = now;
                    long upTo = now;
                    own.removeIf(count -> count <= upTo);
                    Thread.sleep(POLL_MILLIS);
                }
            } catch (SQLException e) {
                if (closed) {
                    return;
                }
                log.warn("Watching the database for other processes' writes failed ({}); retrying", e.getMessage());
                seen = null;
                changed();
                if (!pause()) {
                    return;
                }
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Whether every write counted in (from, to] was this process's. */
    private boolean onlyOurs(long from, long to) {
        if (to < from) {
            return false; // another database in the file's place
        }
        for (long count = from + 1; count <= to; count++) {
            if (!own.contains(count)) {
                return false;
            }
        }
        return true;
    }

    private static boolean pause() {
        try {
            Thread.sleep(POLL_MILLIS);
            return true;
        } catch (InterruptedException e) {
            return false;
        }
    }

    private void changed() {
        for (Consumer<Changes> listener : listeners) {
            try {
                listener.accept(Changes.EVERYTHING);
            } catch (RuntimeException e) {
                log.error("A change listener failed", e);
            }
        }
    }
}
