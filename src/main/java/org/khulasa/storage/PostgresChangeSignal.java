package org.khulasa.storage;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.khulasa.article.Changes;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * PostgreSQL's LISTEN/NOTIFY between instances: each write sends {@code NOTIFY khulasa_changes}
 * carrying its schema and the writer's instance id (channels are per database, and two sites may
 * live in two schemas of one database), then the slugs of the categories and authors it changed
 * and whether the categories readers see changed ({@code schema/instance c:slug,slug a:slug n:0};
 * {@code n:1} when they did; {@code *} when they would not fit in a notification), and a thread per instance LISTENs on a connection of its own, outside the pool.
 * Slugs are {@code [a-z0-9-]}, so spaces and commas are free to separate them. A feed poll thus
 * costs no database round trip at all, and the other
 * instances hear of a write within milliseconds of its commit. While that connection is down,
 * nothing is heard: so each (re)connection counts as a change, and a quiet connection is pinged
 * so that a dead one is noticed.
 */
final class PostgresChangeSignal implements ChangeSignal {
    static final String CHANNEL = "khulasa_changes";
    private static final int WAIT_MILLIS = 500;
    private static final int PING_EVERY = 20;
    private static final long RETRY_MILLIS = 1000;
    /** PostgreSQL refuses payloads of 8,000 bytes and more. */
    private static final int MAX_PAYLOAD = 7_000;

    private final String jdbcUrl;
    private final String instance = UUID.randomUUID().toString();
    private final ChangeWatcher watcher = new ChangeWatcher("khulasa-listen-changes", RETRY_MILLIS, this::listen);

    PostgresChangeSignal(String jdbcUrl) {
        this.jdbcUrl = jdbcUrl;
    }

    @Override
    public void announce(Handle h, Changes changed) {
        h.createQuery("SELECT 1 FROM (SELECT pg_notify(:channel, current_schema() || '/' || :payload)) AS sent")
                .bind("channel", CHANNEL).bind("payload", instance + ' ' + encode(changed)).mapTo(Integer.class).one();
    }

    static String encode(Changes changed) {
        String scopes = "c:" + String.join(",", changed.categories()) + " a:" + String.join(",", changed.authors())
                + (changed.names() ? " n:1" : " n:0");
        return changed.everything() || scopes.length() > MAX_PAYLOAD ? "*" : scopes;
    }

    /**
     * What {@link #encode} wrote. An older instance's notice has no {@code n:} part and cannot say
     * whether the categories' names changed: it counts as if they did (an older instance reading
     * this one's three parts counts it as everything). Anything else counts as everything.
     */
    static Changes decode(String scopes) {
        String[] parts = scopes.split(" ", -1);
        if (parts.length < 2 || parts.length > 3 || !parts[0].startsWith("c:") || !parts[1].startsWith("a:")
                || parts.length == 3 && !parts[2].equals("n:0") && !parts[2].equals("n:1")) {
            return Changes.EVERYTHING;
        }
        Changes changes = Changes.of(slugs(parts[0].substring(2)), slugs(parts[1].substring(2)));
        return parts.length == 2 || parts[2].equals("n:1") ? changes.withNames() : changes;
    }

    private static List<String> slugs(String joined) {
        return joined.isEmpty() ? List.of() : Arrays.asList(joined.split(","));
    }

    @Override
    public void subscribe(Consumer<Changes> listener) {
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
            watcher.changed(Changes.EVERYTHING);
            PGConnection pg = connection.unwrap(PGConnection.class);
            for (int quiet = 0; !watcher.stopped(); ) {
                PGNotification[] heard = pg.getNotifications(WAIT_MILLIS);
                if (heard != null && heard.length > 0) {
                    quiet = 0;
                    for (Changes changes : fromElsewhere(heard, schema)) {
                        watcher.changed(changes);
                    }
                } else if (++quiet >= PING_EVERY) {
                    quiet = 0;
                    statement.execute("SELECT 1");
                }
            }
        }
    }

    /** What writes by other instances on the same tables (schema), not by this one, changed. */
    private List<Changes> fromElsewhere(PGNotification[] heard, String schema) {
        List<Changes> changes = new ArrayList<>();
        for (PGNotification n : heard) {
            String notice = n.getParameter();
            if (!notice.startsWith(schema + "/")) {
                continue;
            }
            String rest = notice.substring(schema.length() + 1);
            int space = rest.indexOf(' ');
            String sender = space < 0 ? rest : rest.substring(0, space);
            if (!sender.equals(instance)) {
                changes.add(space < 0 ? Changes.EVERYTHING : decode(rest.substring(space + 1)));
            }
        }
        return changes;
    }
}
