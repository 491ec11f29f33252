package org.khulasa.websub;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A WebSub subscriber written from the W3C Recommendation (2018), on 127.0.0.1: it answers
 * verification of intent (section 5.3) by echoing {@code hub.challenge} for the topics it asked
 * for, records denials (5.2), and records each content distribution (7) with its headers.
 * {@code failures} makes it answer that many distributions with 500 first.
 */
final class TestSubscriber implements AutoCloseable {
    /** A GET the hub sent: verification or denial. */
    record Notice(String path, Map<String, String> query) {
    }

    /** A POST the hub sent: the feed body and the headers section 7 and 8 speak of. */
    record Distribution(String path, byte[] body, String contentType, List<String> links, String signature, Instant at) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    final BlockingQueue<Notice> notices = new LinkedBlockingQueue<>();
    final BlockingQueue<Distribution> distributions = new LinkedBlockingQueue<>();
    final AtomicInteger failures = new AtomicInteger();
    private final HttpServer server;

    TestSubscriber() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
        server.start();
    }

    String callback(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if (exchange.getRequestMethod().equals("GET")) {
                Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
                notices.add(new Notice(path, query));
                String mode = query.getOrDefault("hub.mode", "");
                // 5.3.1: "the subscriber MUST respond with an HTTP success (2xx) code with a response body equal to the hub.challenge".
                if ((mode.equals("subscribe") || mode.equals("unsubscribe")) && query.containsKey("hub.challenge")) {
                    respond(exchange, 200, query.get("hub.challenge").getBytes(StandardCharsets.UTF_8));
                } else {
                    respond(exchange, 200, new byte[0]);
                }
                return;
            }
            byte[] body = exchange.getRequestBody().readAllBytes();
            distributions.add(new Distribution(path, body, exchange.getRequestHeaders().getFirst("Content-Type"),
                    exchange.getRequestHeaders().getOrDefault("Link", List.of()),
                    exchange.getRequestHeaders().getFirst("X-Hub-Signature"), Instant.now()));
            // 7: "the subscriber ... MUST respond with a 2xx"; anything else asks the hub to retry.
            respond(exchange, failures.getAndUpdate(n -> Math.max(0, n - 1)) > 0 ? 500 : 202, new byte[0]);
        }
    }

    Notice nextNotice(Duration within) throws InterruptedException {
        Notice notice = notices.poll(within.toMillis(), TimeUnit.MILLISECONDS);
        if (notice == null) {
            throw new AssertionError("no GET from the hub within " + within);
        }
        return notice;
    }

    Distribution nextDistribution(Duration within) throws InterruptedException {
        Distribution d = distributions.poll(within.toMillis(), TimeUnit.MILLISECONDS);
        if (d == null) {
            throw new AssertionError("no content distribution within " + within);
        }
        return d;
    }

    private static void respond(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    static Map<String, String> query(String raw) {
        Map<String, String> out = new HashMap<>();
        if (raw == null) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            out.put(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
                    eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return out;
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
