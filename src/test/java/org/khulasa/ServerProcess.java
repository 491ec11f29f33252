package org.khulasa;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Khulasa as a separate JVM (the real {@link Main}), for tests that kill it hard or signal it:
 * what a crash or an orchestrator's stop does to a real process. Output goes to {@code log}.
 */
public final class ServerProcess implements AutoCloseable {
    private final Process process;
    public final int port;

    private final Path log;

    private ServerProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    public static ServerProcess start(Path dataDir, Path log, Map<String, String> extraEnv, String... args) {
        // A port found free can be taken before the server binds it (FreePort's race): try another.
        for (int attempt = 1; ; attempt++) {
            try {
                return startOn(FreePort.find(), dataDir, log, extraEnv, args);
            } catch (PortTaken e) {
                if (attempt == FreePort.ATTEMPTS) {
                    throw new AssertionError(e.getMessage());
                }
            }
        }
    }

    /** The server exited because its port was taken between finding and binding it. */
    private static final class PortTaken extends RuntimeException {
        PortTaken(String message) {
            super(message);
        }
    }

    private static ServerProcess startOn(int port, Path dataDir, Path log, Map<String, String> extraEnv, String... args) {
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-cp", System.getProperty("java.class.path"),
                Main.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        Map<String, String> env = new HashMap<>(Map.of(
                "KHULASA_PORT", String.valueOf(port),
                "KHULASA_DATA", dataDir.toString(),
                "KHULASA_BASE_URL", "http://127.0.0.1:" + port,
                "KHULASA_EDITOR_TOKENS", TestServer.TOKEN));
        env.putAll(extraEnv);
        TestDatabase.serverUrlFor(dataDir).ifPresent(url -> env.putIfAbsent("KHULASA_DB_URL", url));
        builder.environment().putAll(env);
        try {
            ServerProcess server = new ServerProcess(builder.start(), port, log);
            server.awaitHealthy(Duration.ofSeconds(30));
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    public Process process() {
        return process;
    }

    /** SIGKILL: no shutdown hook, no flush, nothing but what the OS already has. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    /** SIGTERM, then wait for a clean exit. */
    public int terminate(Duration timeout) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
            process.destroyForcibly().waitFor();
            throw new AssertionError("the server did not stop within " + timeout);
        }
        return process.exitValue();
    }

    private void awaitHealthy(Duration timeout) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                String output = logTail();
                String message = "the server process exited with " + process.exitValue() + "; its output:\n" + output;
                if (output.contains("JavalinBindException") || output.contains("Address already in use")
                        || output.contains("Port already in use")) {
                    throw new PortTaken(message);
                }
                throw new AssertionError(message);
            }
            try {
                HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(url("/health")))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        process.destroyForcibly();
        throw new AssertionError("the server did not answer /health within " + timeout + "; its output:\n" + logTail());
    }

    /** The last lines the server printed, so a failed start says why. */
    private String logTail() {
        try {
            List<String> lines = java.nio.file.Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(cannot read " + log + ": " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
            try {
                process.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
