package org.khulasa.websub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.khulasa.Articles;
import org.khulasa.ServerProcess;
import org.khulasa.TestServer;

/** Subscriptions live in the database: a hard-killed server, started again, still delivers (section 7). */
class WebSubRestartTest {
    /** The public address both runs share, as behind a load balancer; topics are URLs under it. */
    private static final String BASE = "http://news.example";
    private static final Map<String, String> ENV = Map.of("KHULASA_BASE_URL", BASE, "KHULASA_WEBSUB_ALLOW_PRIVATE", "true");

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void section_7_a_killed_and_restarted_server_still_delivers_to_its_subscribers() throws Exception {
        Path data = dir.resolve("data");
        Path log = dir.resolve("server.log");
        String topic = BASE + "/feeds/category/politics/atom.xml";
        try (TestSubscriber subscriber = new TestSubscriber()) {
            try (ServerProcess first = ServerProcess.start(data, log, ENV)) {
                post(first, "/api/articles", Articles.article("خبر قبل الاشتراك", "politics", "nizar-samir").toString(),
                        "application/json", 201);
                post(first, "/websub", "hub.mode=subscribe&hub.topic=" + WebSubHubTest.enc(topic) + "&hub.callback="
                        + WebSubHubTest.enc(subscriber.callback("/politics")) + "&hub.secret=s3cret",
                        "application/x-www-form-urlencoded", 202);
                assertEquals("subscribe", subscriber.nextNotice(WebSubHubTest.WAIT).query().get("hub.mode"));
                // The hub stores the subscription just after the challenge is echoed: post until one is delivered.
                TestSubscriber.Distribution delivered = null;
                for (int i = 0; i < 10 && delivered == null; i++) {
                    post(first, "/api/articles", Articles.article("خبر أول " + i, "politics", "nizar-samir").toString(),
                            "application/json", 201);
                    delivered = subscriber.distributions.poll(2, java.util.concurrent.TimeUnit.SECONDS);
                }
                assertTrue(delivered != null && delivered.text().contains("خبر أول"), "no delivery before the kill");
                first.kill();
            }
            try (ServerProcess second = ServerProcess.start(data, log, ENV)) {
                post(second, "/api/articles", Articles.article("خبر بعد إعادة التشغيل", "politics", "nizar-samir").toString(),
                        "application/json", 201);
                // Deliveries left queued by the first run may come first: they are delivered too.
                TestSubscriber.Distribution after = subscriber.nextDistribution(WebSubHubTest.WAIT);
                while (!after.text().contains("خبر بعد إعادة التشغيل")) {
                    after = subscriber.nextDistribution(WebSubHubTest.WAIT);
                }
                assertEquals("sha256=" + WebSubHubTest.hmac("s3cret", after.body()), after.signature());
            }
        }
    }

    private void post(ServerProcess server, String path, String body, String type, int expected) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(server.url(path)))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + TestServer.TOKEN).header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(expected, response.statusCode(), response.body());
    }
}
