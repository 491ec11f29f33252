package org.khulasa.websub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.khulasa.websub.WebSubHubTest.enc;
import static org.khulasa.websub.WebSubHubTest.subscribe;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.khulasa.Articles;
import org.khulasa.TestServer;

/** The hub is a door into the newsroom's network: what it refuses, each with a 4xx problem naming the field. */
class WebSubSafetyTest {
    @TempDir
    Path dataDir;

    @Test
    void callbacks_on_loopback_or_private_addresses_are_refused_unless_allowed() {
        try (TestServer server = TestServer.start(dataDir)) {
            String topic = server.url("/feeds/atom.xml");
            for (String callback : new String[] {"http://127.0.0.1:9/cb", "http://localhost/cb", "http://10.1.2.3/cb",
                    "http://192.168.0.10/cb", "http://169.254.169.254/latest/meta-data", "http://[::1]/cb",
                    "http://[fd00::1]/cb", "http://100.64.0.1/cb", "http://0.0.0.0/cb"}) {
                assertProblem(subscribe(server, "subscribe", topic, callback, null, null), 403, "hub.callback");
            }
        }
    }

    @Test
    void malformed_requests_get_a_4xx_naming_the_field() {
        try (TestServer server = TestServer.start(dataDir, WebSubHubTest.PRIVATE_OK)) {
            server.create(Articles.article("خبر").toString());
            String topic = server.url("/feeds/atom.xml");
            String cb = "http://127.0.0.1:9/cb";
            assertProblem(subscribe(server, "publish", topic, cb, null, null), 400, "hub.mode");
            assertProblem(subscribe(server, "subscribe", "https://elsewhere.example/feed", cb, null, null), 400, "hub.topic");
            assertProblem(subscribe(server, "subscribe", topic, "ftp://127.0.0.1/cb", null, null), 400, "hub.callback");
            assertProblem(subscribe(server, "subscribe", topic, "http://user:pass@127.0.0.1/cb", null, null), 400, "hub.callback");
            assertProblem(subscribe(server, "subscribe", topic, "not a url", null, null), 400, "hub.callback");
            assertProblem(subscribe(server, "subscribe", topic, cb, "s".repeat(200), null), 400, "hub.secret");
            assertProblem(subscribe(server, "subscribe", topic, cb, null, "soon"), 400, "hub.lease_seconds");
            assertProblem(post(server, "hub.mode=subscribe&hub.mode=subscribe", "application/x-www-form-urlencoded"), 400, "hub.mode");
            assertProblem(post(server, "hub.mode=%zz", "application/x-www-form-urlencoded"), 400, "body");
            assertProblem(post(server, "{\"hub.mode\":\"subscribe\"}", "application/json"), 415, "Content-Type");
            assertProblem(post(server, "hub.mode=subscribe&hub.topic=" + enc(topic) + "&hub.callback=" + enc(cb)
                    + "&pad=" + "x".repeat(9000), "application/x-www-form-urlencoded"), 413, "body");
        }
    }

    @Test
    void a_callback_host_holds_a_bounded_number_of_subscriptions() throws Exception {
        try (TestServer server = TestServer.start(dataDir, WebSubHubTest.PRIVATE_OK); TestSubscriber subscriber = new TestSubscriber()) {
            server.create(Articles.article("خبر").toString());
            String topic = server.url("/feeds/atom.xml");
            for (int i = 0; i < HubEndpoint.MAX_PER_HOST; i++) {
                assertEquals(202, subscribe(server, "subscribe", topic, subscriber.callback("/cb/" + i), null, null).statusCode());
                subscriber.nextNotice(WebSubHubTest.WAIT);
            }
            WebSubHubTest.awaitSubscriptions(server, HubEndpoint.MAX_PER_HOST);
            assertProblem(subscribe(server, "subscribe", topic, subscriber.callback("/one-more"), null, null), 429, "hub.callback");
            assertTrue(subscriber.notices.isEmpty());
        }
    }

    private static HttpResponse<String> post(TestServer server, String body, String type) {
        return server.send(HttpRequest.newBuilder(URI.create(server.local("/websub")))
                .POST(HttpRequest.BodyPublishers.ofString(body)).timeout(Duration.ofSeconds(10)), "Content-Type", type);
    }

    private static void assertProblem(HttpResponse<String> response, int status, String field) {
        assertEquals(status, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        JsonNode problem = TestServer.parse(response.body());
        assertEquals(field, problem.get("errors").get(0).get("field").asText(), response.body());
        assertEquals(status, problem.get("status").asInt());
    }
}
