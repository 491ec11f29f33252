package org.khulasa.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Proxy;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.khulasa.SettableClock;
import org.khulasa.App;
import org.khulasa.Articles;
import org.khulasa.Config;
import org.khulasa.FreePort;
import org.khulasa.Leaks;
import org.khulasa.RawHttp;
import org.khulasa.ServerProcess;
import org.khulasa.TestServer;
import org.khulasa.article.ArticleStore;

/** Tokens on every write, the failed-token limit, body caps, slow clients, and what errors never show. */
class SecurityTest {

    @TempDir
    Path data;

    private static final List<String[]> WRITE_ROUTES = List.of(
            new String[] {"POST", "/api/articles"},
            new String[] {"PUT", "/api/articles/{id}"},
            new String[] {"DELETE", "/api/articles/{id}"});

    @Test
    void every_write_route_refuses_a_missing_or_wrong_token_and_changes_nothing() throws Exception {
        try (TestServer server = TestServer.start(data)) {
            long id = server.create(Articles.article("خبر محمي").toString()).get("id").asLong();
            String before = server.get("/api/articles/" + id).body();
            byte[] body = Articles.article("محاولة بلا إذن").toString().getBytes(StandardCharsets.UTF_8);
            List<String> badAuth = List.of("", "Authorization: Bearer not-the-token", "Authorization: Basic dGVzdDp0ZXN0");
            for (String[] route : WRITE_ROUTES) {
                for (String auth : badAuth) {
                    String path = route[1].replace("{id}", String.valueOf(id));
                    String[] headers = auth.isEmpty()
                            ? new String[] {"Content-Type: application/json"}
                            : new String[] {"Content-Type: application/json", auth};
                    RawHttp.Response r = RawHttp.exchange(server.config.port(),
                            RawHttp.request(route[0], path, route[0].equals("DELETE") ? new byte[0] : body, headers));
                    assertEquals(401, r.status(), route[0] + " " + path + " with '" + auth + "'");
                    assertTrue(r.header("Content-Type").startsWith("application/problem+json"));
                    assertTrue(r.header("WWW-Authenticate").startsWith("Bearer"));
                }
            }
            assertEquals(before, server.get("/api/articles/" + id).body(), "the article is untouched");
            assertEquals(1, TestServer.parse(server.get("/api/articles").body()).size(), "nothing was added");
        }
    }

    @Test
    void ten_wrong_tokens_in_a_minute_from_one_address_then_429_with_retry_after() throws Exception {
        try (TestServer server = TestServer.start(data)) {
            InetAddress guesser = InetAddress.getByName("127.0.3.1");
            byte[] body = Articles.article("تخمين").toString().getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < AuthFailureLimiter.MAX_FAILURES; i++) {
                assertEquals(401, post(server, guesser, body, "guess-" + i).status(), "guess " + i);
            }
            RawHttp.Response blocked = post(server, guesser, body, "guess-after");
            assertEquals(429, blocked.status());
            long retryAfter = Long.parseLong(blocked.header("Retry-After"));
            assertTrue(retryAfter >= 1 && retryAfter <= 60, "Retry-After " + retryAfter);
            assertTrue(blocked.header("Content-Type").startsWith("application/problem+json"));
            // While blocked, even the right token is not checked from that address...
            assertEquals(429, post(server, guesser, body, TestServer.TOKEN).status());
            // ...but other addresses are not affected.
            assertEquals(201, post(server, InetAddress.getByName("127.0.3.2"), body, TestServer.TOKEN).status());
        }
    }

    @Test
    void the_failure_limit_forgets_after_a_minute_and_remembers_a_bounded_number_of_addresses() {
        SettableClock clock = new SettableClock(java.time.Instant.parse("2026-01-01T00:00:00Z"));
        AuthFailureLimiter limiter = new AuthFailureLimiter(clock);
        for (int i = 0; i < AuthFailureLimiter.MAX_FAILURES; i++) {
            assertTrue(limiter.blockedFor("10.0.0.1").isEmpty());
            limiter.recordFailure("10.0.0.1");
        }
        assertEquals(60, limiter.blockedFor("10.0.0.1").getAsLong());
        clock.advance(Duration.ofSeconds(59));
        assertEquals(1, limiter.blockedFor("10.0.0.1").getAsLong());
        clock.advance(Duration.ofSeconds(1));
        assertTrue(limiter.blockedFor("10.0.0.1").isEmpty(), "a new minute, a new window");

        for (int i = 0; i < 3 * AuthFailureLimiter.MAX_ADDRESSES; i++) {
            limiter.recordFailure("10.1." + (i >> 8) + "." + (i & 0xff));
        }
        assertTrue(limiter.addressesTracked() <= AuthFailureLimiter.MAX_ADDRESSES, "bounded: " + limiter.addressesTracked());
    }

    @Test
    void tokens_never_appear_in_the_log() throws Exception {
        String wrong = "wrong-token-9f8e7d6c5b4a";
        Path log = data.resolve("server.log");
        try (ServerProcess server = ServerProcess.start(data.resolve("db"), log, Map.of())) {
            byte[] body = Articles.article("خبر").toString().getBytes(StandardCharsets.UTF_8);
            List<byte[]> requests = List.of(
                    RawHttp.request("POST", "/api/articles", body, "Content-Type: application/json",
                            "Authorization: Bearer " + TestServer.TOKEN, "Idempotency-Key: k1"),
                    RawHttp.request("POST", "/api/articles", body, "Content-Type: application/json", "Authorization: Bearer " + wrong),
                    RawHttp.request("POST", "/api/articles?token=" + TestServer.TOKEN, "{".getBytes(StandardCharsets.UTF_8),
                            "Content-Type: application/json", "Authorization: Bearer " + TestServer.TOKEN),
                    RawHttp.request("PUT", "/api/articles/%zz", body, "Content-Type: application/json", "Authorization: Bearer " + TestServer.TOKEN),
                    RawHttp.request("GET", "/api/articles/" + TestServer.TOKEN, new byte[0], "Authorization: Bearer " + wrong),
                    RawHttp.request("DELETE", "/api/articles/999", new byte[0], "Authorization: Bearer " + TestServer.TOKEN));
            for (byte[] request : requests) {
                RawHttp.exchange(server.port, request);
            }
            for (int i = 0; i < 12; i++) {
                RawHttp.exchange(server.port, RawHttp.request("DELETE", "/api/articles/1", new byte[0], "Authorization: Bearer " + wrong + i));
            }
            server.terminate(Duration.ofSeconds(20));
        }
        String logged = Files.readString(log);
        assertTrue(logged.contains("Khulasa is serving"), "the log was captured");
        assertFalse(logged.contains(TestServer.TOKEN), "the editor token is not logged");
        assertFalse(logged.contains(wrong), "a presented wrong token is not logged");
    }

    @Test
    void a_declared_length_over_the_cap_is_refused_before_any_body_is_sent() throws Exception {
        try (TestServer server = TestServer.start(data)) {
            RawHttp.Response r = RawHttp.exchange(server.config.port(), RawHttp.request("POST", "/api/articles",
                    List.of("Host: 127.0.0.1", "Content-Type: application/json", "Authorization: Bearer " + TestServer.TOKEN,
                            "Content-Length: 3000000000"), new byte[0]));
            assertEquals(413, r.status());
            assertTrue(r.header("Content-Type").startsWith("application/problem+json"));
        }
    }

    @Test
    void a_chunked_body_over_the_cap_is_refused_while_it_is_still_being_sent() throws Exception {
        try (TestServer server = TestServer.start(data);
             Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.config.port())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/articles HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + "Authorization: Bearer " + TestServer.TOKEN + "\r\nTransfer-Encoding: chunked\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = new byte[64 * 1024];
            java.util.Arrays.fill(chunk, (byte) 'x');
            // A little over the cap, and never the last chunk: the answer can't wait for the end.
            int chunks = Handlers.MAX_BODY_BYTES / chunk.length + 2;
            try {
                for (int i = 0; i < chunks; i++) {
                    out.write((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.write(chunk);
                    out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                }
                out.flush();
            } catch (SocketException e) {
                // the server may answer and close before the last write
            }
            RawHttp.Response r = RawHttp.read(new java.io.BufferedInputStream(socket.getInputStream()), false);
            assertEquals(413, r.status());
        }
    }

    @Test
    @Tag("slow")
    void a_client_that_stops_sending_headers_is_cut_off_and_others_are_still_served() throws Exception {
        try (TestServer server = TestServer.start(data);
             Socket slow = new Socket(InetAddress.getLoopbackAddress(), server.config.port());
             Socket stalledBody = new Socket(InetAddress.getLoopbackAddress(), server.config.port())) {
            long limit = ServerLimits.IDLE_TIMEOUT.plusSeconds(15).toMillis();
            slow.setSoTimeout((int) limit);
            stalledBody.setSoTimeout((int) limit);
            slow.getOutputStream().write("POST /api/articles HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Ty".getBytes(StandardCharsets.US_ASCII));
            stalledBody.getOutputStream().write(("POST /api/articles HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + "Authorization: Bearer " + TestServer.TOKEN + "\r\nContent-Length: 1000\r\n\r\n{\"title\":")
                    .getBytes(StandardCharsets.US_ASCII));
            assertEquals(200, server.get("/health").statusCode(), "others are served meanwhile");
            assertCutOff(slow);
            assertCutOff(stalledBody);
            assertEquals(200, server.get("/health").statusCode());
        }
    }

    /** The server closes the connection (with a 408 at most) rather than waiting for ever. */
    private static void assertCutOff(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        byte[] answer;
        try {
            answer = in.readAllBytes();
        } catch (SocketException e) {
            return; // reset: cut off
        }
        String text = new String(answer, StandardCharsets.ISO_8859_1);
        assertTrue(text.isEmpty() || text.startsWith("HTTP/1.1 408") || text.startsWith("HTTP/1.1 400"), text);
    }

    @Test
    void an_unexpected_failure_answers_500_without_the_exception_or_sql() throws Exception {
        // A store that fails the way a broken driver would, with SQL and class names in its message.
        ArticleStore broken = (ArticleStore) Proxy.newProxyInstance(ArticleStore.class.getClassLoader(),
                new Class<?>[] {ArticleStore.class}, (proxy, method, args) -> {
                    if (method.getName().equals("close") || method.getName().equals("onWrite")) {
                        return null;
                    }
                    throw new IllegalStateException("org.sqlite.SQLiteException: [SQLITE_CORRUPT] SELECT a.id FROM articles a "
                            + "WHERE a.id = 1 (/tmp/data/khulasa.db)", new java.sql.SQLException("jdbc failure"));
                });
        int port = FreePort.find();
        Config config = Config.fromEnvironment(Map.of("KHULASA_PORT", String.valueOf(port),
                "KHULASA_BASE_URL", "http://127.0.0.1:" + port, "KHULASA_EDITOR_TOKENS", TestServer.TOKEN));
        Javalin app = App.create(config, broken, Clock.systemUTC()).start("127.0.0.1", port);
        try {
            byte[] body = Articles.article("خبر").toString().getBytes(StandardCharsets.UTF_8);
            List<byte[]> requests = List.of(
                    RawHttp.request("GET", "/api/articles", new byte[0]),
                    RawHttp.request("GET", "/api/articles/1", new byte[0]),
                    RawHttp.request("POST", "/api/articles", body, "Content-Type: application/json", "Authorization: Bearer " + TestServer.TOKEN),
                    RawHttp.request("PUT", "/api/articles/1", body, "Content-Type: application/json", "Authorization: Bearer " + TestServer.TOKEN),
                    RawHttp.request("DELETE", "/api/articles/1", new byte[0], "Authorization: Bearer " + TestServer.TOKEN),
                    RawHttp.request("GET", "/", new byte[0]),
                    RawHttp.request("GET", "/articles/1", new byte[0]),
                    RawHttp.request("GET", "/category/politics", new byte[0]));
            for (byte[] request : requests) {
                RawHttp.Response r = RawHttp.exchange(port, request);
                String line = new String(request, 0, 30, StandardCharsets.ISO_8859_1).split("\r\n")[0];
                assertEquals(500, r.status(), line);
                assertEquals(java.util.Optional.empty(), Leaks.in(r.text()), line);
            }
        } finally {
            app.stop();
        }
    }

    @Test
    void error_answers_of_every_kind_show_no_internal_detail() throws Exception {
        try (TestServer server = TestServer.start(data)) {
            List<byte[]> requests = List.of(
                    RawHttp.request("GET", "/nothing-here", new byte[0]),
                    RawHttp.request("GET", "/api/articles/999", new byte[0]),
                    RawHttp.request("GET", "/articles/999", new byte[0]),
                    RawHttp.request("GET", "/articles/abc", new byte[0]),
                    RawHttp.request("GET", "/category/%zz", new byte[0]),
                    RawHttp.request("PATCH", "/api/articles/1", new byte[0]),
                    RawHttp.request("POST", "/health", new byte[0]),
                    RawHttp.request("POST", "/api/articles", "{\"title\": [".getBytes(StandardCharsets.UTF_8),
                            "Content-Type: application/json", "Authorization: Bearer " + TestServer.TOKEN),
                    RawHttp.request("GET", "/api/articles?limit=abc", new byte[0]));
            for (byte[] request : requests) {
                RawHttp.Response r = RawHttp.exchange(server.config.port(), request);
                String line = new String(request, StandardCharsets.ISO_8859_1).split("\r\n")[0];
                assertTrue(r.status() >= 400 && r.status() < 500, line + " → " + r.status());
                assertEquals(java.util.Optional.empty(), Leaks.in(r.text()), line);
            }
        }
    }

    @Test
    void pages_send_a_content_security_policy_without_inline_script_nosniff_and_a_referrer_policy() {
        try (TestServer server = TestServer.start(data)) {
            JsonNode a = server.create(Articles.article("خبر للصفحة").toString());
            for (String path : List.of("/", "/articles/" + a.get("id").asLong(), "/category/politics", "/author/nizar-samir")) {
                HttpResponse<String> r = server.get(path);
                assertEquals(200, r.statusCode(), path);
                String csp = TestServer.header(r, "Content-Security-Policy").orElseThrow(() -> new AssertionError("no CSP on " + path));
                assertFalse(csp.contains("unsafe-inline") && csp.matches(".*script-src[^;]*unsafe-inline.*"), csp);
                assertTrue(csp.contains("script-src 'none'") || csp.contains("default-src 'none'")
                        || csp.matches(".*script-src[^;]*'self'.*"), "scripts restricted: " + csp);
                assertEquals("nosniff", TestServer.header(r, "X-Content-Type-Options").orElse(""), path);
                assertTrue(TestServer.header(r, "Referrer-Policy").isPresent(), path);
            }
        }
    }

    private static RawHttp.Response post(TestServer server, InetAddress from, byte[] body, String token) throws IOException {
        return RawHttp.exchange(server.config.port(), RawHttp.request("POST", "/api/articles", body,
                "Content-Type: application/json", "Authorization: Bearer " + token), false, Duration.ofSeconds(15), from);
    }

}
