package org.khulasa;

import io.javalin.Javalin;
import java.time.Clock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.khulasa.related.RecomputeProgress;
import org.khulasa.related.RelatedArticles;
import org.khulasa.storage.Database;
import org.khulasa.storage.JdbiArticleStore;
import org.khulasa.web.SampleNewsroom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts Khulasa: {@code java -jar khulasa.jar [--sample]}. Configuration comes from the
 * environment (see {@link Config}); {@code --sample} loads the sample newsroom into an empty database.
 * {@code java -jar khulasa.jar --recompute-related} chooses every related list again, then exits.
 * {@code java -jar khulasa.jar --backup FILE} copies the live database to FILE, then exits.
 */
public final class Main {
    private static final Logger log = LoggerFactory.getLogger(Main.class);

    private Main() {
    }

    public static void main(String[] args) {
        List<String> options = List.of(args);
        if (options.size() == 2 && options.get(0).equals("--backup")) {
            backup(Path.of(options.get(1)));
            return;
        }
        for (String option : options) {
            if (!option.equals("--sample") && !option.equals("--recompute-related")) {
                System.err.println("Unknown option " + option
                        + "\nUsage: java -jar khulasa.jar [--sample] | --recompute-related | --backup FILE");
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
        }
        System.out.println("Backed up " + config.jdbcUrl() + " to " + target);
    }
}
