package org.khulasa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What can be checked of the image without a Docker engine: the Dockerfile's promises read from
 * the file, and its entrypoint's shell line run for real (with the test classpath in place of the
 * jar, which the test phase has not built yet).
 */
class DockerfileTest {
    private static final Path ROOT = Path.of(System.getProperty("user.dir"));

    @TempDir
    Path temp;

    @Test
    void the_image_is_labelled_pinned_and_sized_by_the_container() throws IOException {
        String dockerfile = Files.readString(ROOT.resolve("Dockerfile"));
        String pom = Files.readString(ROOT.resolve("pom.xml"));
        Matcher pomVersion = Pattern.compile("<artifactId>khulasa</artifactId>\\s*<version>([^<]+)</version>").matcher(pom);
        assertTrue(pomVersion.find());
        assertEquals(pomVersion.group(1), arg(dockerfile, "VERSION"), "the image's version label is the pom's");
        for (String label : List.of("source", "version", "licenses", "revision")) {
            assertTrue(dockerfile.contains("org.opencontainers.image." + label + "="), label);
        }
        // Full version tags, not a floating "17-jre".
        assertTrue(arg(dockerfile, "BUILD_IMAGE").matches("maven:\\d+\\.\\d+\\.\\d+-eclipse-temurin-17-\\w+"), arg(dockerfile, "BUILD_IMAGE"));
        assertTrue(arg(dockerfile, "RUN_IMAGE").matches("eclipse-temurin:17\\.\\d+\\.\\d+_\\d+-jre-\\w+"), arg(dockerfile, "RUN_IMAGE"));
        assertFalse(Pattern.compile("(?m)^RUN .*go-offline").matcher(dockerfile).find());
        assertTrue(dockerfile.contains("RUN --mount=type=cache,target=/root/.m2 mvn"));
        assertTrue(dockerfile.contains("-XX:MaxRAMPercentage="));
        assertTrue(dockerfile.contains("USER 10001:10001"));
        assertTrue(Pattern.compile("HEALTHCHECK .*\\n?.*\"--health-check\"\\]").matcher(dockerfile).find());
    }

    @Test
    void the_build_context_leaves_out_the_database_builds_and_history() throws IOException {
        List<String> ignored = Files.readAllLines(ROOT.resolve(".dockerignore"));
        for (String entry : List.of(".git", "data", "target", "**/*.db", "**/*.db-wal")) {
            assertTrue(ignored.contains(entry), entry);
        }
    }

    @Test
    void the_entrypoint_passes_java_opts_and_arguments_to_the_server() throws Exception {
        String line = entrypointScript(Files.readString(ROOT.resolve("Dockerfile")));
        assertTrue(line.startsWith("exec java $JAVA_OPTS -jar /app/khulasa.jar "), line);
        String script = line.replace("java ", Path.of(System.getProperty("java.home"), "bin", "java") + " ")
                .replace("-jar /app/khulasa.jar", "-cp \"$KHULASA_TEST_CP\" " + Main.class.getName());
        try (TestServer server = TestServer.start(temp.resolve("data"))) {
            assertEquals(200, server.get("/health").statusCode()); // warm: the check's timeout is short
            Map<String, String> env = Map.of("KHULASA_PORT", String.valueOf(server.port()),
                    "KHULASA_TEST_CP", System.getProperty("java.class.path"));
            assertEquals(0, sh(script, env, "-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError", "--health-check"));
            // JAVA_OPTS reaches the JVM: one it refuses stops it.
            assertNotEquals(0, sh(script, env, "-XX:MaxRAMPercentage=nonsense", "--health-check"));
        }
    }

    /** The script of {@code ENTRYPOINT ["/bin/sh", "-c", SCRIPT, "khulasa"]}. */
    private static String entrypointScript(String dockerfile) {
        Matcher m = Pattern.compile("(?m)^ENTRYPOINT (\\[.*])$").matcher(dockerfile);
        assertTrue(m.find(), "an exec-form ENTRYPOINT");
        JsonNode form = TestServer.parse(m.group(1));
        assertEquals("/bin/sh", form.get(0).asText());
        assertEquals("-c", form.get(1).asText());
        return form.get(2).asText();
    }

    private int sh(String script, Map<String, String> env, String javaOpts, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("/bin/sh", "-c", script, "khulasa"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(temp.resolve("sh.log").toFile());
        builder.environment().putAll(env);
        builder.environment().put("JAVA_OPTS", javaOpts);
        Process p = builder.start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the entrypoint finished");
        System.out.println(Files.readString(temp.resolve("sh.log"))); // in the surefire report
        return p.exitValue();
    }

    private static String arg(String dockerfile, String name) {
        Matcher m = Pattern.compile("(?m)^ARG " + name + "=(\\S+)$").matcher(dockerfile);
        assertTrue(m.find(), "ARG " + name);
        return m.group(1);
    }
}
