package org.khulasa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
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
