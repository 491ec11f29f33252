package org.khulasa;

import io.javalin.Javalin;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.khulasa.metrics.Metrics;
import org.khulasa.related.RelatedArticles;
import org.khulasa.storage.Database;
import org.khulasa.storage.DatabaseCopy;
import org.khulasa.storage.JdbiArticleStore;
import org.khulasa.wordpress.WordPressImport;
import org.khulasa.wordpress.WxrException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts Khulasa, or runs one maintenance command on its database and exits (see {@link #USAGE}).
 * Configuration comes from the environment (see {@link Config}).
 */
public final class Main {

    private static final String USAGE = """
            Usage: java -jar khulasa.jar [--sample]             serve; --sample loads the sample newsroom into an empty database
                   java -jar khulasa.jar --recompute-related   choose every related list again
                   java -jar khulasa.jar --backup FILE         a consistent copy of the live SQLite database
                   java -jar khulasa.jar --copy-to JDBC_URL    copy the configured database into an empty one
                   java -jar khulasa.jar --health-check        exit 0 if the server on KHULASA_PORT answers /health
                   java -jar khulasa.jar --import-wordpress FILE [--no-related]
                                                               import a WordPress export (Tools → Export → All content)""";

    private Main() {
    }

    public static void main(String[] args) {
        List<String> options = List.of(args);
        boolean serving = options.isEmpty() || options.equals(List.of("--sample"));
        if (!serving) {
            CommandLine.quietLogs();
        }
        Config config = configOrExit();
        try {
            if (options.size() == 2 && options.get(0).equals("--backup")) {
                backup(config, Path.of(options.get(1)));
            } else if (options.size() == 2 && options.get(0).equals("--copy-to")) {
                copyTo(config, options.get(1));
            } else if (isImport(options)) {
                System.exit(importWordPress(config, Path.of(options.get(1)), !options.contains("--no-related")));
            } else if (options.equals(List.of("--recompute-related"))) {
                recomputeRelated(config);
            } else if (options.equals(List.of("--health-check"))) {
                System.exit(HealthCheck.run(config.host(), config.port()));
            } else if (options.equals(List.of("--help"))) {
                System.out.println(USAGE);
            } else if (serving) {
                serve(config, options.contains("--sample"));
            } else {
                System.err.println("Unknown options " + String.join(" ", options) + "\n" + USAGE);
                System.exit(2);
            }
        } catch (RuntimeException e) {
            // One line an operator can act on, not a stack trace.
            System.err.println((serving ? "Khulasa could not start: " : options.get(0) + " failed: ")
                    + CommandLine.describe(e));
            System.exit(1);
        }
    }

    private static void serve(Config config, boolean sample) {
        Logger log = LoggerFactory.getLogger(Main.class);
        Clock clock = Clock.systemUTC();
        Metrics metrics = new Metrics();
        Database.Opened opened = Database.openWithArchive(config.jdbcUrl(), clock,
                metrics.timed(new RelatedArticles(config.relatedCount())), metrics::watchPool);
        JdbiArticleStore store = opened.store();
        if (sample) {
            int loaded = SampleNewsroom.loadIfEmpty(store, opened.archive());
            if (loaded > 0) {
                log.info("Loaded the sample newsroom: {} articles", loaded);
            } else {
                log.warn("--sample: the database already holds articles, so the sample newsroom was not loaded"
                        + " (it loads only into an empty database)");
            }
        }
        Javalin app = App.create(config, store, opened.archive(), store.webSub(), store.endedSessions(), clock, metrics);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                app.stop();
            } finally {
                // Even when requests outlast the stop timeout, the database is closed cleanly.
                store.close();
            }
        }, "khulasa-shutdown"));
        if (config.host().isPresent()) {
            app.start(config.host().get(), config.port());
        } else {
            app.start(config.port());
        }
        log.info("Khulasa is serving {} on {} port {}", config.baseUrl(), config.host().orElse("every interface,"), app.port());
    }

    private static boolean isImport(List<String> options) {
        return options.size() >= 2 && options.get(0).equals("--import-wordpress")
                && (options.size() == 2 || options.size() == 3 && options.get(2).equals("--no-related"));
    }

    /**
     * {@code --import-wordpress FILE}: 0 when imported, 2 when the file can't be read as a
     * WordPress export (with where it goes wrong). Safe while the server runs: it hears of it.
     */
    private static int importWordPress(Config config, Path file, boolean related) {
        if (!Files.isRegularFile(file)) {
            System.err.println("No such file: " + file);
            return 2;
        }
        ShortImportCompiler.chooseFor(file);
        Clock clock = Clock.systemUTC();
        Database.Opened opened = Database.openWithArchive(config.jdbcUrl(), clock, new RelatedArticles(config.relatedCount()));
        try (JdbiArticleStore store = opened.store()) {
            new WordPressImport(opened.archive(), store, clock, RecomputeProgress.toStandardOutput())
                    .run(file, related).print(System.out);
            return 0;
        } catch (WxrException e) {
            System.err.println(file + ": " + e.describe());
            System.err.println("Nothing more was imported. Export the site again (Tools → Export → All content) and retry.");
            return 2;
        } catch (java.io.IOException e) {
            System.err.println("Reading " + file + " failed: " + e.getMessage());
            return 2;
        }
    }

    /** {@code --backup FILE}: a consistent copy of the database, taken while the server runs. */
    private static void backup(Config config, Path target) {
        CommandLine.requireDatabase(config);
        CommandLine.requireNewFile(target);
        System.out.println("Backing up " + config.jdbcUrl() + " to " + target);
        try (JdbiArticleStore store = open(config, Clock.systemUTC())) {
            store.backupTo(target);
        }
        System.out.printf("Done: %,d bytes written to %s%n", target.toFile().length(), target);
    }

    /** {@code --recompute-related}: every article indexed again and its related list chosen again. */
    private static void recomputeRelated(Config config) {
        CommandLine.requireDatabase(config);
        long started = System.nanoTime();
        long[] articles = {0};
        RecomputeProgress progress = RecomputeProgress.toStandardOutput();
        try (JdbiArticleStore store = open(config, Clock.systemUTC())) {
            store.recomputeRelated((step, done, total) -> {
                articles[0] = total;
                progress.report(step, done, total);
            });
        }
        System.out.printf("Done: related lists of %,d articles chosen again in %d s%n",
                articles[0], (System.nanoTime() - started) / 1_000_000_000);
    }

    /** {@code --copy-to URL}: the configured database (KHULASA_DATA or KHULASA_DB_URL) into an empty one, with progress. */
    private static void copyTo(Config config, String targetUrl) {
        CommandLine.requireDatabase(config);
        String sourceUrl = config.jdbcUrl();
        System.out.println("Copying " + sourceUrl + " into " + targetUrl.replaceAll("password=[^&]*", "password=…"));
        DatabaseCopy.Progress progress = (table, done, total) -> {
            if (done == total || (done > 0 && done % 5000 == 0)) {
                System.out.printf("  %-26s %,d of %,d%n", table, done, total);
            }
        };
        long rows = DatabaseCopy.copy(sourceUrl, targetUrl, new RelatedArticles(config.relatedCount()), progress);
        System.out.printf("Done: %,d rows copied. Point KHULASA_DB_URL at the new database and restart.%n", rows);
    }

    private static JdbiArticleStore open(Config config, Clock clock) {
        return Database.open(config.jdbcUrl(), clock, new RelatedArticles(config.relatedCount()));
    }

    private static Config configOrExit() {
        try {
            return Config.fromEnvironment(System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println("Configuration error: " + e.getMessage());
            System.exit(2);
            throw e;
        }
    }
}
