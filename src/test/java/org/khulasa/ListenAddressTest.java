package org.khulasa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code KHULASA_HOST} chooses the address the server listens on; unset, it listens on every interface. */
class ListenAddressTest {

    @TempDir
    Path data;

    @Test
    void khulasa_host_binds_one_address_and_the_default_binds_every_one() throws Exception {
        InetAddress other = InetAddress.getByName("127.0.0.2"); // loopback too on Linux, but another address
        try (ServerProcess server = ServerProcess.start(data.resolve("one"), data.resolve("one.log"),
                Map.of("KHULASA_HOST", "127.0.0.1"))) {
            assertThrows(ConnectException.class, () -> connect(other, server.port), "not listening on 127.0.0.2");
        }
        try (ServerProcess server = ServerProcess.start(data.resolve("all"), data.resolve("all.log"), Map.of())) {
            connect(other, server.port);
        }
    }

    @Test
    void the_health_check_asks_the_address_the_server_listens_on() throws Exception {
        // A stand-in answering /health on 127.0.0.2 only: the check must ask there, not 127.0.0.1.
        HttpServer health = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.2"), 0), 0);
        health.createContext("/health", exchange -> {
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        health.start();
        try {
            int port = health.getAddress().getPort();
            ProcessBuilder check = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx64m", "-cp", System.getProperty("java.class.path"), Main.class.getName(), "--health-check")
                    .redirectErrorStream(true);
            check.environment().put("KHULASA_HOST", "127.0.0.2");
            check.environment().put("KHULASA_PORT", String.valueOf(port));
            Process process = check.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(process.waitFor(60, TimeUnit.SECONDS), output);
            assertEquals(0, process.exitValue(), output);
            assertTrue(output.startsWith("http://127.0.0.2:" + port + "/health answered 200"), output);
        } finally {
            health.stop(0);
        }
    }

    @Test
    void a_host_that_is_no_address_is_a_configuration_error() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Config.fromEnvironment(Map.of("KHULASA_HOST", "127.0.0.1 evil")));
        assertTrue(e.getMessage().contains("KHULASA_HOST"), e.getMessage());
        assertEquals(Optional.of("::1"), Config.fromEnvironment(Map.of("KHULASA_HOST", " ::1 ")).host());
        assertEquals(Optional.empty(), Config.fromEnvironment(Map.of()).host());
    }

    private static void connect(InetAddress address, int port) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, port), 2_000);
        }
    }
}
