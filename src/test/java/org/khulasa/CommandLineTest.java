package org.khulasa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.khulasa.storage.Database;
import org.khulasa.storage.JdbiArticleStore;

/**
 * The maintenance commands as an operator meets them: the real {@link Main} in its own JVM. A
 * command that fails says why in one line and exits non-zero; one that works prints its own
 * progress and a summary, and no library log lines.
 */
class CommandLineTest {

    @TempDir
    Path temp;

    record Run(int status, String out, String err) {
        String all() {
            return out + err;
        }
    }

    @Test
    void commands_that_read_a_database_refuse_a_data_folder_without_one_and_create_nothing() throws Exception {
        Path missing = temp.resolve("no-such-data");
        Map<String, String> env = Map.of("KHULASA_DATA", missing.toString());
        for (List<String> command : List.of(
                List.of("--backup", temp.resolve("copy.db").toString()),
                List.of("--recompute-related"),
                List.of("--copy-to", "jdbc:postgresql://127.0.0.1:1/none?user=postgres"))) {
            Run run = run(env, command);
            assertEquals(1, run.status(), command + ": " + run.all());
            assertOneLine(run.err(), command.get(0) + " failed: no database at " + missing.resolve("khulasa.db"));
            assertFalse(Files.exists(missing), command + " created " + missing);
        }
        assertFalse(Files.exists(temp.resolve("copy.db")));
    }

    @Test
    void a_backup_into_a_missing_folder_says_so_in_one_line() throws Exception {
        Path data = databaseIn(temp.resolve("data"));
        Run run = run(Map.of("KHULASA_DATA", data.toString()), List.of("--backup", temp.resolve("none/copy.db").toString()));
        assertEquals(1, run.status(), run.all());
        assertOneLine(run.err(), "--backup failed: the folder " + temp.resolve("none") + " does not exist");

        Files.writeString(temp.resolve("taken.db"), "");
        Run again = run(Map.of("KHULASA_DATA", data.toString()), List.of("--backup", temp.resolve("taken.db").toString()));
        assertEquals(1, again.status(), again.all());
        assertOneLine(again.err(), "--backup failed: backup target " + temp.resolve("taken.db") + " already exists");
    }

    @Test
    void a_backup_prints_what_it_did_and_no_library_logs() throws Exception {
        Path data = databaseIn(temp.resolve("data"));
        Path copy = temp.resolve("copy.db");
        Run run = run(Map.of("KHULASA_DATA", data.toString()), List.of("--backup", copy.toString()));
        assertEquals(0, run.status(), run.all());
        assertEquals("", run.err());
        List<String> lines = run.out().lines().toList();
        assertEquals(2, lines.size(), run.out());
        assertTrue(lines.get(0).startsWith("Backing up jdbc:sqlite:"), lines.get(0));
        assertTrue(lines.get(1).startsWith("Done: ") && lines.get(1).endsWith(" bytes written to " + copy), lines.get(1));
        assertTrue(Files.size(copy) > 0);
    }

    @Test
    void recompute_related_prints_progress_and_a_summary_only() throws Exception {
        Path data = databaseIn(temp.resolve("data"));
        Run run = run(Map.of("KHULASA_DATA", data.toString()), List.of("--recompute-related"));
        assertEquals(0, run.status(), run.all());
        assertEquals("", run.err());
        assertFalse(run.out().contains("INFO"), run.out());
        List<String> lines = run.out().lines().toList();
        assertTrue(lines.get(0).startsWith("indexing words: "), run.out());
        assertTrue(lines.get(lines.size() - 1).startsWith("Done: related lists of 0 articles chosen again"), run.out());
    }

    @Test
    void health_check_exits_0_while_the_server_answers_and_1_when_none_does() throws Exception {
        try (TestServer server = TestServer.start(temp.resolve("served"))) {
            assertEquals(200, server.get("/health").statusCode()); // warm: the check's timeout is short
            Run up = run(Map.of("KHULASA_PORT", String.valueOf(server.port())), List.of("--health-check"));
            assertEquals(0, up.status(), up.all());
        }
        Run down = run(Map.of("KHULASA_PORT", String.valueOf(FreePort.find())), List.of("--health-check"));
        assertEquals(1, down.status(), down.all());
        assertOneLine(down.err(), "http://127.0.0.1:");
    }

    @Test
    void sample_says_when_it_loads_nothing_into_a_database_that_holds_articles() throws Exception {
        Path data = temp.resolve("newsroom");
        try (TestServer server = TestServer.start(data)) {
            server.create(Articles.article("خبر قبل العينة").toString());
        }
        Path log = temp.resolve("server.log");
        try (ServerProcess server = ServerProcess.start(data, log, Map.of(), "--sample")) {
            assertTrue(Files.readString(log).contains(
                    "WARN org.khulasa.Main - --sample: the database already holds articles, so the sample newsroom was not loaded"),
                    Files.readString(log));
        }
    }

    @Test
    void help_prints_the_usage() throws Exception {
        Run run = run(Map.of(), List.of("--help"));
        assertEquals(0, run.status(), run.all());
        assertTrue(run.out().startsWith("Usage: java -jar khulasa.jar"), run.out());
        assertTrue(run.out().contains("--health-check"), run.out());
    }

    @Test
    void an_unknown_option_prints_the_usage_and_exits_2() throws Exception {
        Run run = run(Map.of(), List.of("--restore"));
        assertEquals(2, run.status(), run.all());
        assertTrue(run.err().startsWith("Unknown options --restore\nUsage: "), run.err());
    }

    private static void assertOneLine(String text, String start) {
        assertEquals(1, text.lines().count(), text);
        assertTrue(text.startsWith(start), text);
    }

    /** An SQLite data folder with a migrated, empty database, as a server leaves it. */
    private static Path databaseIn(Path data) {
        try (JdbiArticleStore store = Database.open("jdbc:sqlite:" + data.resolve("khulasa.db"), Clock.systemUTC())) {
            store.lastChange();
        }
        return data;
    }

    private Run run(Map<String, String> env, List<String> args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx128m",
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(args);
        Path out = Files.createTempFile(temp, "out", ".txt");
        Path err = Files.createTempFile(temp, "err", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).directory(temp.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        // The command sees only what the test gives it, as an operator's shell would.
        builder.environment().keySet().removeIf(k -> k.startsWith("KHULASA_"));
        builder.environment().putAll(env);
        Process process = builder.start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(args + " did not finish within 60 s");
        }
        return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }
}
