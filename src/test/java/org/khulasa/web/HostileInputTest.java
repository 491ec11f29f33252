package org.khulasa.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.khulasa.Articles;
import org.khulasa.Leaks;
import org.khulasa.RawHttp;
import org.khulasa.TestServer;

/**
 * Over a thousand generated hostile requests (seed {@link #SEED}: a failure names its case and
 * reproduces) against a real server holding a few articles: each gets a 4xx with no internal
 * detail, the server keeps answering, and the store is exactly as it was.
 */
class HostileInputTest {
    static final long SEED = 20_260_611L;

    @TempDir
    Path data;

    @Test
    void a_thousand_hostile_requests_get_only_4xx_and_store_nothing() throws Exception {
        try (TestServer server = TestServer.start(data)) {
            List<Long> ids = new ArrayList<>();
            for (String title : List.of("خبر أول", "خبر ثان", "خبر ثالث")) {
                ids.add(server.create(Articles.article(title).toString()).get("id").asLong());
            }
            String before = snapshot(server);

            List<HostileRequests.Hostile> cases = HostileRequests.generate(new Random(SEED), ids);
            assertTrue(cases.size() >= 1_000, "at least a thousand cases, got " + cases.size());

            // Four at a time: the cases are independent, and the server must cope with them together too.
            ExecutorService senders = Executors.newFixedThreadPool(4);
            List<Future<Optional<String>>> answers = new ArrayList<>();
            for (int i = 0; i < cases.size(); i++) {
                HostileRequests.Hostile c = cases.get(i);
                // Each case from its own loopback address, so the failed-token limit (429) of
                // one address doesn't answer for the cases after it.
                InetAddress from = InetAddress.getByAddress(new byte[] {127, 1, (byte) (i / 250), (byte) (1 + i % 250)});
                answers.add(senders.submit(() -> check(server, c, from)));
            }
            List<String> failures = new ArrayList<>();
            for (Future<Optional<String>> answer : answers) {
                answer.get().ifPresent(failures::add);
            }
            senders.shutdown();
            assertEquals(200, server.get("/health").statusCode(), "the server still answers");
            assertTrue(failures.isEmpty(), failures.size() + " of " + cases.size() + " hostile requests were mishandled:\n"
                    + String.join("\n", failures.subList(0, Math.min(400, failures.size()))));
            assertEquals(before, snapshot(server), "nothing was stored, changed or deleted");
        }
    }

    private static Optional<String> check(TestServer server, HostileRequests.Hostile c, InetAddress from) {
        RawHttp.Response r;
        try {
            r = RawHttp.exchange(server.config.port(), c.raw(), c.halfClose(), Duration.ofSeconds(15), from);
        } catch (IOException e) {
            return Optional.of(c.label() + ": no answer (" + e.getMessage() + ")");
        }
        if (r.status() < 400 || r.status() > 499) {
            return Optional.of(c.label() + ": " + r.status() + " " + abbreviate(r.text()));
        }
        if (c.expectedStatus() != HostileRequests.Hostile.ANY_4XX && r.status() != c.expectedStatus()) {
            return Optional.of(c.label() + ": " + r.status() + " instead of " + c.expectedStatus() + " " + abbreviate(r.text()));
        }
        String type = r.header("Content-Type");
        if (!c.label().startsWith("HEAD ") && (type == null || !type.startsWith("application/problem+json"))) {
            return Optional.of(c.label() + ": " + r.status() + " answered as " + type + " " + abbreviate(r.text()));
        }
        return Leaks.in(r.text()).map(leak -> c.label() + ": leaks " + leak);
    }

    /** Everything a write could change, as the API and the store show it. */
    private static String snapshot(TestServer server) {
        JsonNode all = TestServer.parse(server.get("/api/articles?limit=100", "Authorization", "Bearer " + TestServer.TOKEN).body());
        return all.toString() + "\n" + server.store.categories(java.time.Instant.now()) + "\n" + server.store.authors(java.time.Instant.now()) + "\n" + server.store.lastChange();
    }

    private static String abbreviate(String s) {
        return s.length() > 200 ? s.substring(0, 200) + "…" : s;
    }
}
