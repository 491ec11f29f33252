package org.khulasa;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Assumptions;

/**
 * Which database the tests run on. By default an SQLite file in each test's data folder. When
 * {@code KHULASA_TEST_DB_URL} (environment, or the system property {@code khulasa.test.db.url})
 * names a PostgreSQL database, say {@code jdbc:postgresql://127.0.0.1:5432/khulasa_test?user=postgres},
 * every data folder gets a schema of its own there instead: tests stay isolated, and two servers
 * started on the same folder share one database, as two instances behind a load balancer do.
 */
public final class TestDatabase {
    private static final Set<String> CREATED = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(TestDatabase::dropCreatedSchemas, "drop-test-schemas"));
    }

    private TestDatabase() {
    }

    /** The PostgreSQL URL the tests were given, if any. */
    public static Optional<String> postgresUrl() {
        String url = System.getProperty("khulasa.test.db.url");
        if (url == null || url.isBlank()) {
            url = System.getenv("KHULASA_TEST_DB_URL");
        }
        return Optional.ofNullable(url).filter(u -> !u.isBlank()).map(String::trim);
    }

    public static boolean isPostgres() {
        return postgresUrl().isPresent();
    }

    /** Skips the calling test, saying why, unless the tests were given a PostgreSQL server. */
    public static String requirePostgres() {
        Optional<String> url = postgresUrl();
        Assumptions.assumeTrue(url.isPresent(),
                "needs PostgreSQL: set KHULASA_TEST_DB_URL=jdbc:postgresql://HOST:PORT/DB?user=… (.ci/run does)");
        return url.get();
    }

    /** The KHULASA_DB_URL for a server on {@code dataDir}: empty on SQLite (the data folder's file is the default). */
    public static Optional<String> serverUrlFor(Path dataDir) {
        return postgresUrl().map(base -> schemaUrl(base, schemaFor(dataDir)));
    }

    /** The JDBC URL of {@code dataDir}'s database, whichever backend the tests run on. */
    public static String urlFor(Path dataDir) {
        return serverUrlFor(dataDir).orElseGet(() -> "jdbc:sqlite:" + dataDir.resolve("khulasa.db"));
    }

    /** A PostgreSQL schema of its own for {@code dataDir} (created on first use), named after the folder. */
    public static String schemaFor(Path dataDir) {
        String base = requirePostgres();
        String schema = "t_" + sha256(dataDir.toAbsolutePath().toString()).substring(0, 24);
        if (CREATED.add(schema)) {
            execute(base, "CREATE SCHEMA IF NOT EXISTS " + schema);
        }
        return schema;
    }

    /** {@code base} with its search path set to {@code schema}. */
    public static String schemaUrl(String base, String schema) {
        return base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    public static void execute(String url, String sql) {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot run " + sql + " on " + url + ": " + e.getMessage(), e);
        }
    }

    private static void dropCreatedSchemas() {
        postgresUrl().ifPresent(base -> {
            try (Connection c = DriverManager.getConnection(base); Statement s = c.createStatement()) {
                s.execute("SET lock_timeout = '2s'");
                for (String schema : CREATED) {
                    s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
                }
            } catch (SQLException e) {
                System.err.println("could not drop the test schemas: " + e.getMessage());
            }
        });
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
