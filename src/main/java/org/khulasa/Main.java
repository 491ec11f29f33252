package org.khulasa;

import io.javalin.Javalin;
import java.time.Clock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.khulasa.related.RecomputeProgress;
import org.khulasa.related.RelatedArticles;
import org.khulasa.storage.Database;
import org.khulasa.storage.DatabaseCopy;
import org.khulasa.storage.JdbiArticleStore;
import org.khulasa.web.SampleNewsroom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts Khulasa: {@code java -jar khulasa.jar [--sample]}, or copies its database elsewhere:
 * {@code --copy-to JDBC_URL}. Configuration comes from the
 * environment (see {@link Config}); {@code --sample} loads the sample newsroom into an empty database.
 * {@code java -jar khulasa.jar --recompute-related} chooses every related list again, then exits.
 * {@code java -jar khulasa.jar --backup FILE} copies the live database to FILE, then exits.
 */
public final class Main {
    private static final Logger log = LoggerFactory.getLogger(Main.class);

    private static final String USAGE = """
            Usage: java -jar khulasa.jar [--sample]
                   java -jar khulasa.jar --recompute-related
                   java -jar khulasa.jar --backup FILE       (a consistent copy of the live SQLite database)
                   java -jar khulasa.jar --copy-to JDBC_URL   (copy the configured database into an empty one)""";

    private Main() {
    }

    /** {@code --copy-to URL}: the configured database (KHULASA_DATA or KHULASA_DB_URL) into an empty one, with progress. */
    private static void copyTo(String targetUrl) {
        Config config;
        try {
            config = Config.fromEnvironment(System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println("Configuration error: " + e.getMessage());
            System.exit(2);
            return;
        }
        String sourceUrl = config.jdbcUrl();
        System.out.println("Copying " + sourceUrl + " into " + targetUrl.replaceAll("password=[^&]*", "password=…"));
        try {
            DatabaseCopy.Progress progress = (table, done, total) -> {
                if (done == total || (done > 0 && done % 5000 == 0)) {
                    System.out.printf("  %-26s %,d of %,d%n", table, done, total);
                }
            };
            long rows = DatabaseCopy.copy(sourceUrl, targetUrl, new RelatedArticles(config.relatedCount()), progress);
            System.out.printf("Done: %,d rows copied. Point KHULASA_DB_URL at the new database and restart.%n", rows);
        } catch (RuntimeException e) {
            System.err.println("The copy failed: " + e.getMessage());
            System.exit(1);
        }
    }

    public static void main(String[] args) {
        List<String> options = List.of(args);
        if (options.size() == 2 && options.get(0).equals("--backup")) {
            backup(Path.of(options.get(1)));
            return;
        }
        if (options.size() == 2 && options.get(0).equals("--copy-to")) {
            copyTo(options.get(1));
            return;
        }
        for (String option : options) {
            if (!option.equals("--sample") && !option.equals("--recompute-related")) {
                System.err.println("Unknown option " + option + "\n" + USAGE);
                System.exit(2);
            }
        }
        Config config;
        try {
            config = Config.fromEnvironment(System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println("Configuration error: " + e.getMessage());
            System.exit(2);
            return;
        }
        Clock clock = Clock.systemUTC();
        JdbiArticleStore store = Database.open(config.jdbcUrl(), clock, new RelatedArticles(config.relatedCount()));
        if (options.contains("--recompute-related")) {
            store.recomputeRelated(RecomputeProgress.toStandardOutput());
            store.close();
            return;
        }
        if (options.contains("--sample")) {
            int loaded = SampleNewsroom.loadIfEmpty(store);
            log.info(loaded > 0 ? "Loaded the sample newsroom: " + loaded + " articles"
                    : "The database already holds articles; the sample newsroom was not loaded");
        }
        Javalin app = App.create(config, store, clock);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                app.stop();
            } finally {
                // Even when requests outlast the stop timeout, the database is closed cleanly.
                store.close();
            }
        }, "khulasa-shutdown"));
        app.start(config.port());
        log.info("Khulasa is serving {} on port {}", config.baseUrl(), app.port());
    }

    /** {@code --backup FILE}: a consistent copy of the database, taken while the server runs. */
    private static void backup(Path target) {
        Config config;
        try {
            config = Config.fromEnvironment(System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println("Configuration error: " + e.getMessage());
            System.exit(2);
            return;
        }
        if (Files.exists(target)) {
            System.err.println("Backup target " + target + " already exists; choose a new file");
            System.exit(2);
        }
        Clock clock = Clock.systemUTC();
        try (JdbiArticleStore store = Database.open(config.jdbcUrl(), clock, new RelatedArticles(config.relatedCount()))) {
            store.backupTo(target);
        } catch (IllegalStateException e) {
            System.err.println(e.getMessage());
            System.exit(2);
        }
        System.out.println("Backed up " + config.jdbcUrl() + " to " + target);
    }
}
