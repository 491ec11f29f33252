package org.khulasa.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the schema up to date at start: an ordered list of SQL files per dialect, each applied
 * once, in its own transaction, and recorded in {@code schema_migrations}. Safe to run on every
 * start and from several instances at once: the dialect holds a lock around the whole run (and
 * the recording row's primary key would settle any race left).
 */
final class Migrations {
    private static final Logger log = LoggerFactory.getLogger(Migrations.class);

    private Migrations() {
    }

    /**
     * The migration files in order, found under {@code db/<dialect>/}; version N is the N-th file,
     * with the same meaning on every dialect. Append only: a released migration is never edited.
     */
    private static final List<String> FILES = List.of("001_schema.sql", "002_related_text.sql",
            "003_scope_changes.sql", "004_related_terms.sql", "005_article_ids_never_reused.sql", "006_article_model.sql",
            "007_embargoed_names.sql", "008_imported_archive.sql", "009_websub.sql", "010_tag_slugs.sql",
            "011_ended_desk_sessions.sql", "012_owed_images.sql");

    static void apply(Jdbi jdbi, Dialect dialect) {
        applyUpTo(jdbi, dialect, FILES.size());
    }

    /** Applies the first {@code last} migrations only: for testing an upgrade from an older schema. */
    static void applyUpTo(Jdbi jdbi, Dialect dialect, int last) {
        jdbi.useHandle(h -> dialect.exclusively(h, () -> {
            h.execute("""
                    CREATE TABLE IF NOT EXISTS schema_migrations (
                        version    INTEGER PRIMARY KEY,
                        applied_at BIGINT NOT NULL
                    )""");
            for (int i = 0; i < last; i++) {
                int version = i + 1;
                String file = FILES.get(i);
                String sql = read("/db/" + dialect.name() + "/" + file);
                h.useTransaction(tx -> {
                    boolean applied = tx.createQuery("SELECT COUNT(*) FROM schema_migrations WHERE version = :v")
                            .bind("v", version).mapTo(Integer.class).one() > 0;
                    if (applied) {
                        return;
                    }
                    for (String statement : statements(sql)) {
                        execute(tx, statement);
                    }
                    dialect.checkForeignKeys(tx);
                    tx.createUpdate("INSERT INTO schema_migrations (version, applied_at) VALUES (:v, :at)")
                            .bind("v", version).bind("at", Instant.now().toEpochMilli()).execute();
                    log.info("Applied migration {} ({}/{})", version, dialect.name(), file);
                });
            }
        }));
    }

    /**
     * Statements end with a semicolon at the end of a line; {@code --} comments are dropped. A
     * file of comments only has nothing to do on its dialect, and is recorded all the same.
     */
    static List<String> statements(String sql) {
        StringBuilder cleaned = new StringBuilder();
        for (String line : sql.split("\n")) {
            if (!line.strip().startsWith("--")) {
                cleaned.append(line).append('\n');
            }
        }
        return Arrays.stream(cleaned.toString().split(";\\s*\n"))
                .map(String::strip).filter(s -> !s.isEmpty())
                .map(s -> s.endsWith(";") ? s.substring(0, s.length() - 1) : s)
                .toList();
    }

    /**
     * Runs a statement as written, past Jdbi's parser: migrations bind no parameters, and lexing
     * the whole schema (some 8 KB of DDL) on a new database helped make the JIT compile that parser.
     */
    private static void execute(Handle h, String statement) {
        try (Statement s = h.getConnection().createStatement()) {
            s.execute(statement);
        } catch (SQLException e) {
            throw new IllegalStateException("migration statement failed: " + statement, e);
        }
    }

    private static String read(String resource) {
        try (InputStream in = Migrations.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing migration " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
