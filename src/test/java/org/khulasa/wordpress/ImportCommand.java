package org.khulasa.wordpress;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.khulasa.Main;
import org.khulasa.TestDatabase;

/** {@code java -jar khulasa.jar --import-wordpress FILE} (or another task), run as its own process on a test's data folder. */
record ImportCommand(int exit, String output, String errors) {

    static ImportCommand run(Path data, Path export, String... options) throws IOException, InterruptedException {
        List<String> arguments = new ArrayList<>(List.of("--import-wordpress", export.toString()));
        arguments.addAll(List.of(options));
        return command(data, arguments.toArray(String[]::new));
    }

    /** Another command-line task on the same data folder, such as {@code --recompute-related}. */
    static ImportCommand command(Path data, String... arguments) throws IOException, InterruptedException {
        Path out = Files.createTempFile(data, "command", ".out");
        Path err = Files.createTempFile(data, "command", ".err");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(arguments));
        ProcessBuilder process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        process.environment().put("KHULASA_DATA", data.toString());
        TestDatabase.serverUrlFor(data).ifPresent(url -> process.environment().put("KHULASA_DB_URL", url));
        Process running = process.start();
        if (!running.waitFor(120, TimeUnit.SECONDS)) {
            running.destroyForcibly();
            throw new AssertionError(arguments[0] + " did not finish in 120 s: " + Files.readString(out));
        }
        return new ImportCommand(running.exitValue(), Files.readString(out), Files.readString(err));
    }

    /** One of the exports made by a real WordPress, in {@code src/test/resources/wordpress/}. */
    static Path export(String name) {
        try {
            return Path.of(ImportCommand.class.getResource("/wordpress/" + name).toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return "exit " + exit + "\n" + output + "\n" + errors;
    }
}
