package org.khulasa.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedInputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.khulasa.Articles;
import org.khulasa.RawHttp;
import org.khulasa.ServerProcess;
import org.khulasa.TestServer;

/**
 * SIGTERM while a request is still arriving: the server waits for it, answers it, and only then
 * closes the database (cleanly: SQLite folds its write-ahead log back in and removes it).
 */
@org.junit.jupiter.api.Tag("slow")
class GracefulShutdownTest {

    @TempDir
    Path temp;

    @Test
    void sigterm_finishes_the_request_in_flight_then_closes_the_database_cleanly() throws Exception {
        Path data = temp.resolve("data");
        byte[] body = Articles.article("خبر وصل أثناء الإيقاف").toString().getBytes(StandardCharsets.UTF_8);
        int half = body.length / 2;
        RawHttp.Response answer;
        try (ServerProcess server = ServerProcess.start(data, temp.resolve("server.log"), Map.of());
             Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/articles HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
                    + "Content-Type: application/json\r\nAuthorization: Bearer " + TestServer.TOKEN + "\r\n"
                    + "Expect: 100-continue\r\n"
                    + "Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            // The server says "100 Continue" only once the handler reads the body: the request is in its hands.
            BufferedInputStream in = new BufferedInputStream(socket.getInputStream());
            RawHttp.Response interim = RawHttp.read(in, false);
            assertEquals(100, interim.status(), "the server is reading the request: " + interim.text());
            out.write(body, 0, half);
            out.flush();

            CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> {
                try {
                    return server.terminate(Duration.ofSeconds(30));
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });
            // The rest arrives over two seconds, a few bytes at a time, as from a slow network.
            int sent = half;
            while (sent < body.length) {
                Thread.sleep(200);
                int n = Math.min(body.length - sent, Math.max(1, (body.length - half) / 10));
                out.write(body, sent, n);
                out.flush();
                sent += n;
                assertTrue(server.process().isAlive(), "the server waits for the request in flight");
            }
            answer = RawHttp.read(in, false);
            exit.get(40, TimeUnit.SECONDS);
        }
        assertEquals(201, answer.status(), answer.text());
        String log = Files.readString(temp.resolve("server.log"));
        assertTrue(log.contains("Shutdown completed"), "the database pool was closed");
        assertFalse(Files.exists(data.resolve("khulasa.db-wal")), "SQLite checkpointed and removed its log on close");

        long id = TestServer.parse(answer.text()).get("id").asLong();
        try (TestServer restarted = TestServer.start(data)) {
            assertEquals(200, restarted.get("/api/articles/" + id).statusCode(), "the answered article was stored");
        }
    }
}
