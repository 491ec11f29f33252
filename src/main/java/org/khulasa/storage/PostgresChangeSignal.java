package org.khulasa.storage;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * PostgreSQL's LISTEN/NOTIFY between instances: each write sends {@code NOTIFY khulasa_changes}
 * carrying its schema and the writer's instance id (channels are per database, and two sites may
 * live in two schemas of one database), and a thread per instance LISTENs on a connection of its
 * own, outside the pool. A feed poll thus costs no database round trip at all, and the other
 * instances hear of a write within milliseconds of its commit. While that connection is down,
 * nothing is heard: so each (re)connection counts as a change, and a quiet connection is pinged
 * so that a dead one is noticed.
 */
final class PostgresChangeSignal implements ChangeSignal {
    static final String CHANNEL = "khulasa_changes";
    private static final int WAIT_MILLIS = 500;
    private static final int PING_EVERY = 20;
    private static final long RETRY_MILLIS = 1000;

    private final String jdbcUrl;
    private final String instance = UUID.randomUUID().toString();
    private final ChangeWatcher watcher = new ChangeWatcher("khulasa-listen-changes", RETRY_MILLIS, this::listen);

    PostgresChangeSignal(String jdbcUrl) {
        this.jdbcUrl = jdbcUrl;
    }

    @Override
    public void announce(Handle h) {
        h.createQuery("SELECT 1 FROM (SELECT pg_notify(:channel, current_schema() || '/' || :instance)) AS sent")
                .bind("channel", CHANNEL).bind("instance", instance).mapTo(Integer.class).one();
    }

    @Override
    public void subscribe(Runnable listener) {
        watcher.subscribe(listener);
    }

    /** The listening connection closes by itself within a wait ({@value #WAIT_MILLIS} ms): no one waits for it. */
    @Override
    public void close() {
        watcher.stop();
    }

    private void listen() throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl);
             Statement statement = connection.createStatement()) {
            statement.execute("LISTEN " + CHANNEL);
            String schema;
            try (var rs = statement.executeQuery("SELECT current_schema()")) {
                rs.next();
                schema = rs.getString(1);
            }
            // Whatever was written while no one listened (at start, or while reconnecting).
            watcher.changed();
            PGConnection pg = connection.unwrap(PGConnection.class);
            for (int quiet = 0; !watcher.stopped(); ) {
                PGNotification[] heard = pg.getNotifications(WAIT_MILLIS);
                if (heard != null && heard.length > 0) {
                    quiet = 0;
                    if (fromElsewhere(heard, schema)) {
                        watcher.changed();
                    }
                } else if (++quiet >= PING_EVERY) {
                    quiet = 0;
                    statement.execute("SELECT 1");
                }
            }
        }
    }

    /** A write by another instance on the same tables (schema), not by this one. */
    private boolean fromElsewhere(PGNotification[] heard, String schema) {
        for (PGNotification n : heard) {
            String sender = n.getParameter();
            if (sender.startsWith(schema + "/") && !sender.equals(schema + "/" + instance)) {
                return true;
            }
        }
        return false;
    }
}
