package org.khulasa;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** A port on 127.0.0.1 that nothing listens on right now (see {@link #ATTEMPTS}). */
public final class FreePort {
    /**
     * How often a server start may be tried on a fresh port: between finding a port and binding
     * it, another process (or an outgoing connection's ephemeral port) can take it.
     */
    public static final int ATTEMPTS = 5;

    private FreePort() {
    }

    public static int find() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
