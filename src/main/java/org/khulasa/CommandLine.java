package org.khulasa;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How command-line runs ({@code --backup}, {@code --copy-to}, {@code --recompute-related}, …)
 * talk to the person who typed them: their own progress and a summary, no library chatter, and
 * any failure as one line on standard error with a non-zero exit status.
 */
final class CommandLine {

    private CommandLine() {
    }

    /** A command that can't go on, and why, in words for the operator. */
    static final class Failure extends RuntimeException {
        Failure(String message) {
            super(message);
        }
    }

    /**
     * Only warnings and errors of the application's own logs, none of the pool's or the SQLite
     * driver's (their failures come back as exceptions, reported in one line). Runs before the first logger is made, since
     * slf4j-simple reads its settings once.
     */
    static void quietLogs() {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        System.setProperty("org.slf4j.simpleLogger.log.com.zaxxer.hikari", "off");
        System.setProperty("org.slf4j.simpleLogger.log.org.sqlite", "off");
    }

    /**
     * A command that reads the configured database must find one: opening a missing SQLite file
     * would create an empty database, and the command would succeed on nothing.
     */
    static void requireDatabase(Config config) {
        String url = config.jdbcUrl();
        if (url.startsWith("jdbc:sqlite:")) {
            Path file = Path.of(url.substring("jdbc:sqlite:".length()));
            if (!Files.isRegularFile(file)) {
                throw new Failure("no database at " + file + ": set KHULASA_DATA to the server's data folder"
                        + " (or KHULASA_DB_URL to its database)");
            }
        }
    }

    /** A new file in an existing, writable folder. */
    static void requireNewFile(Path target) {
        Path folder = target.toAbsolutePath().getParent();
        if (Files.exists(target)) {
            throw new Failure("backup target " + target + " already exists; choose a new file");
        }
        if (!Files.isDirectory(folder)) {
            throw new Failure("the folder " + folder + " does not exist; create it first");
        }
        if (!Files.isWritable(folder)) {
            throw new Failure("the folder " + folder + " is not writable by this user");
        }
    }

    /**
     * One line saying what went wrong: the first line of the outermost message there is (the
     * drivers' own say the most: "Connection to localhost:5432 refused. Check that …"), without a
     * wrapped exception's class name.
     */
    static String describe(Throwable e) {
        if (e instanceof Failure) {
            return e.getMessage();
        }
        String message = null;
        for (Throwable t = e; t != null && message == null; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                message = t.getMessage();
            }
        }
        String text = message == null ? e.getClass().getSimpleName() : message;
        text = text.lines().findFirst().orElse(text).strip()
                .replaceFirst("^([a-z][a-z0-9_]*\\.)+[A-Z]\\w*(Exception|Error): ", "");
        if (text.contains("No native library found")) {
            // A read-only container without a tmpfs: say where the driver wanted to write.
            text = "SQLite could not unpack its native library into " + System.getProperty("java.io.tmpdir")
                    + ", which must be writable (a tmpfs on /tmp in a read-only container)";
        }
        return text;
    }
}
