package org.khulasa.wordpress;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.khulasa.Main;
import org.khulasa.TestDatabase;

/** {@code java -jar khulasa.jar --import-wordpress FILE}, run as its own process on a test's data folder. */
record ImportCommand(int exit, String output, String errors) {

    static ImportCommand run(Path data, Path export, String... options) throws IOException, InterruptedException {
        Path out = Files.createTempFile(data, "import", ".out");
        Path err = Files.createTempFile(data, "import", ".err");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "--import-wordpress", export.toString()));
        command.addAll(List.of(options));
        ProcessBuilder process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        process.environment().put("KHULASA_DATA", data.toString());
        TestDatabase.serverUrlFor(data).ifPresent(url -> process.environment().put("KHULASA_DB_URL", url));
        Process running = process.start();
        if (!running.waitFor(120, TimeUnit.SECONDS)) {
            running.destroyForcibly();
            throw new AssertionError("the import did not finish in 120 s: " + Files.readString(out));
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
