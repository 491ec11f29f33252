package org.khulasa.wordpress;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.khulasa.CommandProcess;

/** {@code java -jar khulasa.jar --import-wordpress FILE} (or another task), run as its own process on a test's data folder. */
final class ImportCommand {

    private ImportCommand() {
    }

    static CommandProcess run(Path data, Path export, String... options) throws IOException, InterruptedException {
        List<String> arguments = new ArrayList<>(List.of("--import-wordpress", export.toString()));
        arguments.addAll(List.of(options));
        return command(data, arguments.toArray(String[]::new));
    }

    /** Another command-line task on the same data folder, such as {@code --recompute-related}. */
    static CommandProcess command(Path data, String... arguments) throws IOException, InterruptedException {
        return CommandProcess.run(data, List.of("-Xmx256m"), arguments);
    }

    /** One of the exports made by a real WordPress, in {@code src/test/resources/wordpress/}. */
    static Path export(String name) {
        try {
            return Path.of(ImportCommand.class.getResource("/wordpress/" + name).toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
