package org.khulasa.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.khulasa.SettableClock;
import org.khulasa.Articles;
import org.khulasa.FeedXml;
import org.khulasa.TestDatabase;
import org.khulasa.TestServer;

/**
 * Two real instances on one real PostgreSQL, as behind a load balancer: one public URL, one
 * database, each instance with its own feed cache. Skipped without KHULASA_TEST_DB_URL.
 */
class SeveralInstancesTest {
    private static final String PUBLIC_URL = "https://akhbar.example.org";
    private static final Map<String, String> ENV = Map.of("KHULASA_BASE_URL", PUBLIC_URL, "KHULASA_FEED_SIZE", "200");
    private static final String SITE_ATOM = "/feeds/atom.xml";

    @TempDir
    Path data;

    TestServer a;
    TestServer b;

    @BeforeEach
    void startTwoInstancesOnOneDatabase() {
        TestDatabase.requirePostgres();
    }

    @AfterEach
    void stop() {
        if (a != null) {
            a.close();
        }
        if (b != null) {
            b.close();
        }
    }

    @Test
    void a_post_on_one_instance_shows_in_the_other_instances_cached_feed() {
        start(Clock.systemUTC());
        a.create(Articles.article("خبر أول").toString());
        HttpResponse<String> cached = b.get(SITE_ATOM);
        assertEquals(List.of("خبر أول"), titles(cached));

        Instant posted = Instant.now();
        a.create(Articles.article("خبر من النسخة الأولى").toString());
        HttpResponse<String> fresh = pollUntil(b, SITE_ATOM, r -> titles(r).contains("خبر من النسخة الأولى"));
        System.out.printf("instance B served the new feed %d ms after instance A answered the post%n",
                Duration.between(posted, Instant.now()).toMillis());
        assertNotEquals(cached.headers().firstValue("ETag"), fresh.headers().firstValue("ETag"));
        assertSameFeedOnBoth(SITE_ATOM);
        assertSameFeedOnBoth("/feeds/category/politics/rss.xml");
    }

    @Test
    void a_poller_gets_its_304_from_whichever_instance_it_reaches() {
        start(Clock.systemUTC());
        a.create(Articles.article("خبر للاستطلاع").toString());
        a.awaitChangesBehindClock(); // until then each answer's Last-Modified is its own time
        for (String path : List.of(SITE_ATOM, "/feeds/rss.xml", "/feeds/author/nizar-samir/atom.xml", "/feeds/index.opml")) {
            HttpResponse<byte[]> first = a.getBytes(path, "Accept-Encoding", "gzip");
            assertEquals(200, first.statusCode(), path);
            String etag = first.headers().firstValue("ETag").orElseThrow();
            String lastModified = first.headers().firstValue("Last-Modified").orElseThrow();
            HttpResponse<byte[]> byEtag = b.getBytes(path, "Accept-Encoding", "gzip", "If-None-Match", etag);
            assertEquals(304, byEtag.statusCode(), path);
            assertEquals(etag, byEtag.headers().firstValue("ETag").orElseThrow(), path);
            HttpResponse<byte[]> byDate = b.getBytes(path, "If-Modified-Since", lastModified);
            assertEquals(304, byDate.statusCode(), path);
        }
        // After a write on B, A's old ETag is no longer current on A either.
        String before = a.getBytes(SITE_ATOM).headers().firstValue("ETag").orElseThrow();
        b.create(Articles.article("خبر من النسخة الثانية").toString());
        HttpResponse<String> changed = pollUntil(a, SITE_ATOM, r -> titles(r).contains("خبر من النسخة الثانية"));
        assertEquals(200, a.get(SITE_ATOM, "If-None-Match", before).statusCode());
        assertNotEquals(before, changed.headers().firstValue("ETag").orElseThrow());
    }

    @Test
    void writers_on_both_instances_at_once_lose_nothing_and_keys_hold_across_instances() throws Exception {
        start(Clock.systemUTC());
        ExecutorService editors = Executors.newFixedThreadPool(8);
        List<Future<JsonNode>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < 40; i++) {
                TestServer to = i % 2 == 0 ? a : b;
                String title = "خبر متزامن " + i;
                answers.add(editors.submit(() -> to.create(Articles.article(title).toString())));
            }
            // Each retried request goes once to each instance, at the same time.
            for (int k = 0; k < 10; k++) {
                String key = "cms-" + k;
                String json = Articles.article("خبر بمفتاح " + k).toString();
                for (TestServer to : List.of(a, b)) {
                    answers.add(editors.submit(() -> {
                        HttpResponse<String> r = to.post("/api/articles", json, "Idempotency-Key", key);
                        assertEquals(201, r.statusCode(), r.body());
                        return TestServer.parse(r.body());
                    }));
                }
            }
            Set<Long> ids = new HashSet<>();
            for (Future<JsonNode> answer : answers) {
                ids.add(answer.get().get("id").asLong());
            }
            assertEquals(50, ids.size(), "40 posts and 10 keys, each key one article");
        } finally {
            editors.shutdown();
        }
        JsonNode all = TestServer.parse(b.get("/api/articles?limit=100").body());
        assertEquals(50, all.size());
        Set<String> updated = new HashSet<>();
        all.forEach(article -> updated.add(article.get("updated").asText()));
        assertEquals(50, updated.size(), "no two articles share an update time");
        assertEquals(50, titles(b.get(SITE_ATOM)).size());
        assertSameFeedOnBoth(SITE_ATOM);
    }

    @Test
    void a_scheduled_article_comes_out_on_every_instance_on_time() {
        SettableClock clock = new SettableClock(Instant.now());
        start(clock);
        a.create(Articles.article("خبر منشور").toString());
        ObjectNode scheduled = Articles.article("خبر مجدول");
        scheduled.put("published", clock.instant().plus(Duration.ofHours(1)).toString());
        a.create(scheduled.toString());
        // Both caches hold the feed without it...
        assertFalse(titles(a.get(SITE_ATOM)).contains("خبر مجدول"));
        assertFalse(titles(b.get(SITE_ATOM)).contains("خبر مجدول"));
        clock.set(clock.instant().plus(Duration.ofHours(1)).plusMillis(1));
        // ...and both serve it once its time has come, with no write in between.
        assertTrue(titles(a.get(SITE_ATOM)).contains("خبر مجدول"));
        assertTrue(titles(b.get(SITE_ATOM)).contains("خبر مجدول"));
        clock.advance(Duration.ofSeconds(2)); // past its stamp, until when each answer sends its own time
        assertSameFeedOnBoth(SITE_ATOM);
    }

    @Test
    void a_write_on_one_instance_changes_the_other_instances_cached_pages_that_show_it() {
        start(Clock.systemUTC());
        ObjectNode sports = Articles.article("مباراة الفريق الأول", "sports", "huda-amin");
        sports.put("summary", "ملعب وجمهور وهدف").put("body", "<p>ملعب وجمهور وهدف في الشوط الثاني.</p>");
        a.create(sports.toString());
        long id = a.create(Articles.article("خبر قبل التعديل").toString()).get("id").asLong();
        String article = "/articles/" + id;
        String sportsEtag = b.get("/category/sports").headers().firstValue("ETag").orElseThrow();
        assertTrue(b.get(article).body().contains("خبر قبل التعديل"));
        assertTrue(b.get("/category/politics").body().contains("خبر قبل التعديل"));

        assertEquals(200, a.put("/api/articles/" + id, Articles.article("خبر بعد التعديل").toString()).statusCode());
        pollUntilPage(b, article, "خبر بعد التعديل");
        pollUntilPage(b, "/", "خبر بعد التعديل");
        pollUntilPage(b, "/category/politics", "خبر بعد التعديل");
        assertEquals(304, b.get("/category/sports", "If-None-Match", sportsEtag).statusCode(),
                "B heard which scopes changed: the other category's page stays");

        // A category renamed on A: B's cached pages list the new name.
        assertEquals(200, a.put("/api/categories/politics", "{\"name\": \"السياسة الدولية\"}").statusCode());
        pollUntilPage(b, "/category/sports", "السياسة الدولية");
        assertArrayEquals(a.getBytes("/category/sports").body(), b.getBytes("/category/sports").body());
    }

    private static void pollUntilPage(TestServer server, String path, String text) {
        Instant deadline = Instant.now().plusSeconds(20);
        while (!server.get(path).body().contains(text)) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError(path + " never showed " + text + " on " + server.local(""));
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    // ---- helpers ---------------------------------------------------------------------------------

    private void start(Clock clock) {
        a = TestServer.start(data, ENV, clock);
        b = TestServer.start(data, ENV, clock);
    }

    private void assertSameFeedOnBoth(String path) {
        HttpResponse<byte[]> fromA = a.getBytes(path);
        HttpResponse<byte[]> fromB = b.getBytes(path);
        assertEquals(200, fromA.statusCode(), path);
        assertArrayEquals(fromA.body(), fromB.body(), path);
        assertEquals(fromA.headers().firstValue("ETag"), fromB.headers().firstValue("ETag"), path + " ETag");
        // A burst of writes is stamped ahead of the clock; until the clock catches up, each answer
        // sends its own time (its Date) as Last-Modified, which may differ by a second between two.
        String sentByA = fromA.headers().firstValue("Last-Modified").orElseThrow();
        String sentByB = fromB.headers().firstValue("Last-Modified").orElseThrow();
        boolean ahead = sentByA.equals(fromA.headers().firstValue("Date").orElse(""))
                || sentByB.equals(fromB.headers().firstValue("Date").orElse(""));
        if (!ahead) {
            assertEquals(sentByA, sentByB, path + " Last-Modified");
        }
    }

    /** Polls {@code path} until {@code done}; the deadline only keeps a broken build from hanging. */
    private static HttpResponse<String> pollUntil(TestServer server, String path, Predicate<HttpResponse<String>> done) {
        Instant deadline = Instant.now().plusSeconds(20);
        while (true) {
            HttpResponse<String> r = server.get(path);
            if (done.test(r)) {
                return r;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError(path + " never changed on " + server.local("") + ": " + titles(r));
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private static List<String> titles(HttpResponse<String> atom) {
        assertEquals(200, atom.statusCode(), atom.body());
        return FeedXml.parse(atom.body().getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .nodes("//a:entry/a:title").stream().map(n -> n.getTextContent()).map(FeedXml::unisolated).toList();
    }

    /** One clock for both instances, standing still until the test moves it. */
}
