package org.khulasa;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One run of Khulasa's command line ({@code java -jar khulasa.jar --import-wordpress FILE}, …) as
 * a process of its own on a test's data folder (and its PostgreSQL schema, when the suite runs on
 * one): what a user's terminal runs, exit status and output included.
 */
public record CommandProcess(int exit, String output, String errors) {

    /** Runs {@link Main} with {@code arguments}, the JVM given {@code jvmOptions}; at most 120 s. */
    public static CommandProcess run(Path data, List<String> jvmOptions, String... arguments)
            throws IOException, InterruptedException {
        Path out = Files.createTempFile(data, "command", ".out");
        Path err = Files.createTempFile(data, "command", ".err");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(arguments));
        ProcessBuilder process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        process.environment().put("KHULASA_DATA", data.toString());
        TestDatabase.serverUrlFor(data).ifPresent(url -> process.environment().put("KHULASA_DB_URL", url));
        Process running = process.start();
        if (!running.waitFor(120, TimeUnit.SECONDS)) {
            running.destroyForcibly();
            throw new AssertionError(arguments[0] + " did not finish in 120 s: " + Files.readString(out));
        }
        return new CommandProcess(running.exitValue(), Files.readString(out), Files.readString(err));
    }

    @Override
    public String toString() {
        return "exit " + exit + "\n" + output + "\n" + errors;
    }
}
