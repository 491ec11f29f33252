package org.khulasa.websub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.khulasa.Articles;
import org.khulasa.FeedXml;
import org.khulasa.SettableClock;
import org.khulasa.TestServer;

/** The built-in hub, against a subscriber written from the W3C WebSub Recommendation, section by section. */
class WebSubHubTest {
    static final Map<String, String> PRIVATE_OK = Map.of("KHULASA_WEBSUB_ALLOW_PRIVATE", "true");
    static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path dataDir;

    @Test
    void section_5_1_and_5_3_a_subscription_is_accepted_with_202_then_verified_by_echoing_the_challenge() throws Exception {
        try (TestServer server = TestServer.start(dataDir, PRIVATE_OK); TestSubscriber subscriber = new TestSubscriber()) {
            server.create(Articles.article("خبر", "politics", "nizar-samir").toString());
            String topic = server.url("/feeds/category/politics/atom.xml");
            HttpResponse<String> answer = subscribe(server, "subscribe", topic, subscriber.callback("/cb?feed=1"), null, "3600");
            assertEquals(202, answer.statusCode(), answer.body());

            TestSubscriber.Notice verification = subscriber.nextNotice(WAIT);
            assertEquals("/cb", verification.path());
            assertEquals("1", verification.query().get("feed")); // 5.3: the callback's own query is kept
            assertEquals("subscribe", verification.query().get("hub.mode"));
            assertEquals(topic, verification.query().get("hub.topic"));
            assertTrue(verification.query().get("hub.challenge").length() >= 16);
            assertEquals("3600", verification.query().get("hub.lease_seconds"));
            awaitSubscriptions(server, 1);

            assertEquals(202, subscribe(server, "unsubscribe", topic, subscriber.callback("/cb?feed=1"), null, null).statusCode());
            TestSubscriber.Notice unsubscribe = subscriber.nextNotice(WAIT);
            assertEquals("unsubscribe", unsubscribe.query().get("hub.mode"));
            awaitSubscriptions(server, 0);
        }
    }

    @Test
    void section_5_2_a_topic_the_site_does_not_serve_is_denied_to_the_callback() throws Exception {
        try (TestServer server = TestServer.start(dataDir, PRIVATE_OK); TestSubscriber subscriber = new TestSubscriber()) {
            String topic = server.url("/feeds/category/no-such-section/atom.xml");
            assertEquals(202, subscribe(server, "subscribe", topic, subscriber.callback("/cb"), null, null).statusCode());
            TestSubscriber.Notice denial = subscriber.nextNotice(WAIT);
            assertEquals("denied", denial.query().get("hub.mode"));
            assertEquals(topic, denial.query().get("hub.topic"));
            assertTrue(denial.query().containsKey("hub.reason"));
            awaitSubscriptions(server, 0);
        }
    }

    @Test
    void section_7_and_8_a_post_reaches_a_category_subscriber_within_one_second_signed() throws Exception {
        try (TestServer server = TestServer.start(dataDir, PRIVATE_OK); TestSubscriber subscriber = new TestSubscriber()) {
            server.create(Articles.article("خبر أول", "politics", "nizar-samir").toString());
            String topic = server.url("/feeds/category/politics/atom.xml");
            String secret = "سرّ-المشترك-42";
            assertEquals(202, subscribe(server, "subscribe", topic, subscriber.callback("/politics"), secret, null).statusCode());
            subscriber.nextNotice(WAIT);
            awaitSubscriptions(server, 1);

            server.create(Articles.article("خبر في قسم آخر", "sports", "omar-khatib").toString());
            Instant posted = Instant.now();
            server.create(Articles.article("البرلمان يقرّ القانون", "politics", "nizar-samir").toString());
            Instant written = Instant.now();
            TestSubscriber.Distribution first = subscriber.nextDistribution(WAIT);
            assertTrue(Duration.between(written, first.at()).toMillis() < 1000,
                    "delivered " + Duration.between(written, first.at()).toMillis() + " ms after the write");
            assertTrue(first.at().isAfter(posted));

            assertEquals("application/atom+xml; charset=utf-8", first.contentType());
            FeedXml feed = FeedXml.parse(first.body());
            assertEquals("\u2067البرلمان يقرّ القانون\u2069", feed.text("/a:feed/a:entry[1]/a:title"));
            // 7: "the hub MUST send a Link header with rel=hub ... and rel=self"
            String links = String.join(", ", first.links());
            assertTrue(links.contains("<" + server.url("/websub") + ">; rel=\"hub\""), links);
            assertTrue(links.contains("<" + topic + ">; rel=\"self\""), links);
            // 8: X-Hub-Signature: method=signature, an HMAC of the body keyed with hub.secret
            assertEquals("sha256=" + hmac(secret, first.body()), first.signature());
            // The sports post changed nothing in politics: no second delivery queued for it.
            assertTrue(server.store.webSub().claimDue(Instant.now().plusSeconds(1), Instant.now().plusSeconds(2), 10).isEmpty());
            assertTrue(subscriber.distributions.isEmpty());
        }
    }

    @Test
    void section_7_only_the_feeds_a_write_changed_are_delivered() throws Exception {
        try (TestServer server = TestServer.start(dataDir, PRIVATE_OK); TestSubscriber subscriber = new TestSubscriber()) {
            server.create(Articles.article("رياضة", "sports", "omar-khatib").toString());
            server.create(Articles.article("سياسة", "politics", "nizar-samir").toString());
            Map<String, String> topics = new LinkedHashMap<>();
            topics.put("/sports", server.url("/feeds/category/sports/feed.json"));
            topics.put("/politics", server.url("/feeds/category/politics/rss.xml"));
            topics.put("/site", server.url("/feeds/atom.xml"));
            topics.put("/writer", server.url("/feeds/author/nizar-samir/atom.xml"));
            for (Map.Entry<String, String> t : topics.entrySet()) {
                assertEquals(202, subscribe(server, "subscribe", t.getValue(), subscriber.callback(t.getKey()), null, null).statusCode());
                subscriber.nextNotice(WAIT);
            }
            awaitSubscriptions(server, 4);

            server.create(Articles.article("سياسة جديدة", "politics", "nizar-samir").toString());
            List<String> paths = List.of(subscriber.nextDistribution(WAIT).path(), subscriber.nextDistribution(WAIT).path(),
                    subscriber.nextDistribution(WAIT).path());
            assertEquals(List.of("/politics", "/site", "/writer"), paths.stream().sorted().toList());
            server.create(Articles.article("رياضة جديدة", "sports", "omar-khatib").toString());
            List<String> next = List.of(subscriber.nextDistribution(WAIT).path(), subscriber.nextDistribution(WAIT).path());
            assertEquals(List.of("/site", "/sports"), next.stream().sorted().toList());
            assertTrue(subscriber.distributions.isEmpty(), "a feed no write changed was delivered");
        }
    }

    @Test
    void section_7_a_failed_delivery_is_retried_with_growing_delays_then_dropped() throws Exception {
        SettableClock clock = new SettableClock(Instant.now());
        try (TestServer server = TestServer.start(dataDir, PRIVATE_OK, clock); TestSubscriber subscriber = new TestSubscriber()) {
            server.create(Articles.article("خبر", "politics", "nizar-samir").toString());
            String topic = server.url("/feeds/category/politics/atom.xml");
            subscribe(server, "subscribe", topic, subscriber.callback("/down"), null, null);
            subscriber.nextNotice(WAIT);
            awaitSubscriptions(server, 1);
            subscriber.failures.set(Integer.MAX_VALUE);

            server.create(Articles.article("خبر جديد", "politics", "nizar-samir").toString());
            subscriber.nextDistribution(WAIT); // the first try
            for (Duration delay : Hub.RETRY_DELAYS) {
                clock.advance(delay);
                subscriber.nextDistribution(WAIT);
            }
            // After the last retry the delivery is gone, however far the clock moves.
            awaitNothingDue(server, clock.instant().plus(Duration.ofDays(1)));
        }
    }

    @Test
    void section_5_1_an_expired_lease_gets_no_more_content() throws Exception {
        SettableClock clock = new SettableClock(Instant.now());
        try (TestServer server = TestServer.start(dataDir, PRIVATE_OK, clock); TestSubscriber subscriber = new TestSubscriber()) {
            server.create(Articles.article("خبر", "politics", "nizar-samir").toString());
            subscribe(server, "subscribe", server.url("/feeds/category/politics/atom.xml"), subscriber.callback("/short"), null, "300");
            subscriber.nextNotice(WAIT);
            awaitSubscriptions(server, 1);
            subscribe(server, "subscribe", server.url("/feeds/atom.xml"), subscriber.callback("/long"), null, "86400");
            subscriber.nextNotice(WAIT);
            awaitSubscriptions(server, 2);

            clock.advance(Duration.ofSeconds(301));
            server.create(Articles.article("خبر بعد انتهاء المدة", "politics", "nizar-samir").toString());
            assertEquals("/long", subscriber.nextDistribution(WAIT).path());
            // Both would have been queued by the same write: only the live one was.
            for (WebSubStore.Delivery queued : server.store.webSub().claimDue(clock.instant().plus(Duration.ofDays(1)),
                    clock.instant().plus(Duration.ofDays(2)), 10)) {
                assertTrue(queued.target().endsWith("/long"), queued.target());
            }
            assertTrue(subscriber.distributions.isEmpty(), "an expired subscription got content");
        }
    }

    // ---- helpers ------------------------------------------------------------------------------

    static HttpResponse<String> subscribe(TestServer server, String mode, String topic, String callback, String secret,
            String lease) {
        StringBuilder form = new StringBuilder("hub.mode=" + mode + "&hub.topic=" + enc(topic) + "&hub.callback=" + enc(callback));
        if (secret != null) {
            form.append("&hub.secret=").append(enc(secret));
        }
        if (lease != null) {
            form.append("&hub.lease_seconds=").append(lease);
        }
        return server.send(HttpRequest.newBuilder(URI.create(server.local("/websub")))
                .POST(HttpRequest.BodyPublishers.ofString(form.toString())), "Content-Type", "application/x-www-form-urlencoded");
    }

    /** Waits, up to a deadline, until the hub has stored {@code count} live subscriptions of 127.0.0.1. */
    static void awaitSubscriptions(TestServer server, int count) throws InterruptedException {
        Instant deadline = Instant.now().plus(WAIT);
        int now;
        while ((now = server.store.webSub().countForHost("127.0.0.1", Instant.EPOCH)) != count) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError(now + " subscriptions stored, expected " + count);
            }
            Thread.sleep(20);
        }
    }

    /** Waits, up to a deadline, until no delivery is queued or in flight as of {@code at}. */
    static void awaitNothingDue(TestServer server, Instant at) throws InterruptedException {
        Instant deadline = Instant.now().plus(WAIT);
        // Claims end after Hub.CLAIM: look past them, so a delivery in flight counts as queued.
        while (!server.store.webSub().claimDue(at.plus(Hub.CLAIM).plusSeconds(1), at.plus(Hub.CLAIM).plusSeconds(2), 1).isEmpty()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("deliveries still queued");
            }
            Thread.sleep(20);
        }
    }

    static String hmac(String secret, byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(body));
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
