package org.khulasa.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.khulasa.article.Changes;
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
    static final long POLL_MILLIS = 500;

    private final String jdbcUrl;
    private final Set<Long> own = ConcurrentHashMap.newKeySet();
    private final ChangeWatcher watcher = new ChangeWatcher("khulasa-watch-changes", POLL_MILLIS, this::watch);

    SqliteChangeSignal(String jdbcUrl) {
        this.jdbcUrl = jdbcUrl;
    }

    @Override
    public void announce(Handle h, Changes changed) {
        h.createUpdate("UPDATE site_state SET writes = writes + 1 WHERE id = 1").execute();
        own.add(h.createQuery("SELECT writes FROM site_state WHERE id = 1").mapTo(Long.class).one());
    }

    @Override
    public void subscribe(Consumer<Changes> listener) {
        watcher.subscribe(listener);
    }

    /** Stops watching and waits (briefly) for the watcher's connection to close, so the file is left alone. */
    @Override
    public void close() {
        watcher.stopAndAwait(2000);
    }

    private void watch() throws SQLException, InterruptedException {
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout(5000);
        try (Connection connection = config.createConnection(jdbcUrl);
             PreparedStatement read = connection.prepareStatement("SELECT writes FROM site_state WHERE id = 1")) {
            Long seen = null;
            while (!watcher.stopped()) {
                long now;
                try (ResultSet rs = read.executeQuery()) {
                    now = rs.next() ? rs.getLong(1) : 0;
                }
                if (seen != null && now != seen && !onlyOurs(seen, now)) {
                    watcher.changed(Changes.EVERYTHING);
                }
                seen = now;
                long upTo = now;
                own.removeIf(count -> count <= upTo);
                Thread.sleep(POLL_MILLIS);
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
}
