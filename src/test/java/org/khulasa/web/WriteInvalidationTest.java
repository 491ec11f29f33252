package org.khulasa.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.khulasa.Articles;
import org.khulasa.FeedXml;
import org.khulasa.SettableClock;
import org.khulasa.TestDatabase;
import org.khulasa.TestServer;

/**
 * A write drops only the cached feeds it changed. To see which feeds are rendered again, the test
 * changes titles in the database behind the server's back (no write announces it): a feed
 * rendered afresh shows the planted title, a feed still cached shows the same bytes as before.
 */
class WriteInvalidationTest {
    private static final String PLANTED = "PLANTED";
    private static final String ECONOMY = "/feeds/category/economy/atom.xml";
    private static final String BY_RANA = "/feeds/author/rana-youssef/rss.xml";
    private static final String SPORTS = "/feeds/category/sports/atom.xml";
    private static final String BY_OMAR = "/feeds/author/omar-khatib/atom.xml";
    private static final String SITE = "/feeds/atom.xml";

    @TempDir
    Path data;

    @Test
    void a_write_renders_again_the_feeds_it_changed_and_no_other() {
        try (TestServer server = TestServer.start(data)) {
            long sports = server.create(Articles.article("رياضة", "sports", "omar-khatib").toString()).get("id").asLong();
            long economy = server.create(Articles.article("اقتصاد", "economy", "rana-youssef").toString()).get("id").asLong();
            Map<String, HttpResponse<byte[]>> before = fetch(server, ECONOMY, BY_RANA, SPORTS, BY_OMAR, SITE);

            plantTitles(sports, economy);
            server.create(Articles.article("رياضة ثانية", "sports", "omar-khatib").toString());

            for (String unchanged : List.of(ECONOMY, BY_RANA)) {
                HttpResponse<byte[]> now = server.getBytes(unchanged);
                assertArrayEquals(before.get(unchanged).body(), now.body(), unchanged + " was rendered again");
                String etag = before.get(unchanged).headers().firstValue("ETag").orElseThrow();
                assertEquals(304, server.getBytes(unchanged, "If-None-Match", etag).statusCode(), unchanged);
            }
            for (String changed : List.of(SPORTS, BY_OMAR, SITE)) {
                String body = new String(server.getBytes(changed).body(), java.nio.charset.StandardCharsets.UTF_8);
                assertTrue(titles(body).stream().anyMatch(t -> t.contains("رياضة ثانية")), changed + " lacks the new article");
                assertTrue(titles(body).stream().anyMatch(t -> t.contains(PLANTED)), changed + " was not rendered again");
            }
        }
    }

    @Test
    void a_new_title_renders_again_the_feeds_showing_it_as_related_and_no_other() {
        try (TestServer server = TestServer.start(data)) {
            // First, so that its automatic related list (earlier articles only) is empty.
            long other = server.create(Articles.article("آخر", "politics", "nizar-samir").toString()).get("id").asLong();
            long earlier = server.create(Articles.article("سابق", "sports", "omar-khatib").toString()).get("id").asLong();
            server.create(Articles.withRelated(Articles.article("لاحق", "economy", "rana-youssef"), earlier).toString());
            String politics = "/feeds/category/politics/atom.xml";
            byte[] politicsBefore = server.getBytes(politics).body();
            server.getBytes(ECONOMY);

            plantTitles(other);
            assertEquals(200, server.put("/api/articles/" + earlier,
                    Articles.article("سابق بعنوان جديد", "sports", "omar-khatib").toString()).statusCode());

            assertEquals("سابق بعنوان جديد",
                    FeedXml.parse(server.getBytes(ECONOMY).body()).text("//a:entry/a:link[@rel='related']/@title"));
            assertArrayEquals(politicsBefore, server.getBytes(politics).body(), "politics was rendered again");
        }
    }

    @Test
    void an_edit_renders_again_every_byline_author_tag_and_archive_feed_in_every_format() {
        try (TestServer server = TestServer.start(data)) {
            long economy = server.create(Articles.article("اقتصاد", "economy", "layla-haddad").toString()).get("id").asLong();
            ObjectNode joint = Articles.article("مباراة", "sports", "omar-khatib");
            joint.remove("author");
            ArrayNode authors = joint.putArray("authors");
            authors.addObject().put("slug", "omar-khatib").put("name", "عمر الخطيب");
            authors.addObject().put("slug", "rana-youssef").put("name", "رنا يوسف");
            joint.putArray("tags").add("الدوري");
            long match = server.create(joint.toString()).get("id").asLong();
            List<String> changed = List.of("/feeds/author/rana-youssef/feed.json", "/feeds/author/omar-khatib/rss.xml",
                    "/feeds/tag/aldwry/atom.xml", "/feeds/tag/aldwry/feed.json", "/feeds/category/sports/feed.json",
                    "/feeds/category/sports/archive/0/atom.xml", "/feeds/author/rana-youssef/archive/0/rss.xml",
                    "/feeds/feed.json", "/feeds/archive/0/feed.json");
            List<String> unchanged = List.of("/feeds/category/economy/feed.json", "/feeds/author/layla-haddad/atom.xml",
                    "/feeds/category/economy/archive/0/atom.xml");
            fetch(server, changed.toArray(String[]::new));
            Map<String, HttpResponse<byte[]>> before = fetch(server, unchanged.toArray(String[]::new));

            plantTitles(economy);
            joint.put("title", "مباراة معدّلة");
            assertEquals(200, server.put("/api/articles/" + match, joint.toString()).statusCode());

            for (String path : unchanged) {
                assertArrayEquals(before.get(path).body(), server.getBytes(path).body(), path + " was rendered again");
            }
            for (String path : changed) {
                assertTrue(new String(server.getBytes(path).body(), StandardCharsets.UTF_8).contains("مباراة معدّلة"),
                        path + " still shows the old title");
            }
        }
    }

    @Test
    void a_scheduled_article_comes_out_on_time_in_feeds_cached_before_it_was_written() {
        SettableClock clock = new SettableClock(Instant.parse("2026-11-20T10:00:00Z"));
        try (TestServer server = TestServer.start(data, Map.of(), clock)) {
            server.create(Articles.article("اقتصاد", "economy", "rana-youssef").toString());
            List<String> paths = List.of(ECONOMY, BY_RANA, SITE, "/feeds/feed.json", "/feeds/index.opml");
            fetch(server, paths.toArray(String[]::new)); // cached, with nothing scheduled: fresh for good

            ObjectNode later = Articles.article("خبر مجدول", "economy", "rana-youssef");
            later.put("published", clock.instant().plus(Duration.ofHours(1)).toString());
            server.create(later.toString());
            for (String path : paths) {
                assertFalse(server.get(path).body().contains("خبر مجدول"), path + " shows it early");
            }

            clock.advance(Duration.ofHours(1).plusMillis(1));
            for (String path : List.of(ECONOMY, BY_RANA, SITE, "/feeds/feed.json")) {
                assertTrue(server.get(path).body().contains("خبر مجدول"), path + " missed it when it came out");
            }
        }
    }

    @Test
    void another_instances_write_drops_only_the_feeds_it_changed() {
        TestDatabase.requirePostgres();
        try (TestServer a = TestServer.start(data); TestServer b = TestServer.start(data)) {
            long sports = a.create(Articles.article("رياضة", "sports", "omar-khatib").toString()).get("id").asLong();
            long economy = a.create(Articles.article("اقتصاد", "economy", "rana-youssef").toString()).get("id").asLong();
            // Once B hears A's writes, its listener is connected and has nothing left to catch up on.
            b.getBytes(SITE);
            a.create(Articles.article("تمهيد", "politics", "nizar-samir").toString());
            pollUntil(b, SITE, body -> titles(body).stream().anyMatch(t -> t.contains("تمهيد")));
            Map<String, HttpResponse<byte[]>> before = fetch(b, ECONOMY, BY_RANA, SPORTS);

            plantTitles(sports, economy);
            a.create(Articles.article("رياضة ثانية", "sports", "omar-khatib").toString());

            String fresh = pollUntil(b, SPORTS, body -> titles(body).stream().anyMatch(t -> t.contains("رياضة ثانية")));
            assertTrue(titles(fresh).stream().anyMatch(t -> t.contains(PLANTED)), "sports was not rendered again");
            for (String unchanged : List.of(ECONOMY, BY_RANA)) {
                assertArrayEquals(before.get(unchanged).body(), b.getBytes(unchanged).body(), unchanged + " was rendered again");
            }
        }
    }

    // ---- helpers ---------------------------------------------------------------------------------

    private static Map<String, HttpResponse<byte[]>> fetch(TestServer server, String... paths) {
        Map<String, HttpResponse<byte[]>> answers = new LinkedHashMap<>();
        for (String path : paths) {
            HttpResponse<byte[]> r = server.getBytes(path);
            assertEquals(200, r.statusCode(), path);
            answers.put(path, r);
        }
        return answers;
    }

    /** Changes the titles in the database directly, so that only a render shows them. */
    private void plantTitles(long... ids) {
        for (long id : ids) {
            TestDatabase.execute(TestDatabase.urlFor(data), "UPDATE articles SET title = '" + PLANTED + "' WHERE id = " + id);
        }
    }

    private static List<String> titles(String feed) {
        FeedXml xml = FeedXml.parse(feed.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        List<org.w3c.dom.Node> nodes = xml.nodes("//a:entry/a:title | //item/title");
        return nodes.stream().map(org.w3c.dom.Node::getTextContent).toList();
    }

    /** Polls {@code path} until {@code done}; the deadline only keeps a broken build from hanging. */
    private static String pollUntil(TestServer server, String path, Predicate<String> done) {
        Instant deadline = Instant.now().plusSeconds(20);
        while (true) {
            String body = new String(server.getBytes(path).body(), java.nio.charset.StandardCharsets.UTF_8);
            if (done.test(body)) {
                return body;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError(path + " never changed: " + titles(body));
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
