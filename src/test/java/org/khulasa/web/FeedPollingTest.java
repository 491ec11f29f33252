package org.khulasa.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.khulasa.TestServer.httpDate;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.khulasa.Articles;
import org.khulasa.SettableClock;
import org.khulasa.FeedXml;
import org.khulasa.TestServer;

/** What pollers rely on: headers, conditional GET, gzip, HEAD, the cache and scheduled articles. */
class FeedPollingTest {
    private static final Instant BURST_AT = Instant.parse("2026-11-20T08:00:00.400Z");

    @TempDir
    Path dataDir;

    @Test
    void a_feed_answers_with_the_headers_pollers_and_proxies_need() {
        try (TestServer server = TestServer.start(dataDir)) {
            server.create(Articles.article("خبر").toString());
            HttpResponse<byte[]> rss = server.getBytes("/feeds/rss.xml");
            assertEquals("application/rss+xml; charset=utf-8", header(rss, "Content-Type"));
            assertEquals("application/atom+xml; charset=utf-8", header(server.getBytes("/feeds/atom.xml"), "Content-Type"));
            assertEquals("ar", header(rss, "Content-Language"));
            assertEquals("public, max-age=300", header(rss, "Cache-Control"));
            assertTrue(header(rss, "Vary").contains("Accept-Encoding"));
            assertEquals("nosniff", header(rss, "X-Content-Type-Options"));
            assertTrue(header(rss, "ETag").matches("\"[^\"]+\""), header(rss, "ETag"));
            // Right after a write its stamp (a whole second, rounded up, and a second past the last
            // one) is ahead of the clock: never sent later than the answer's Date (RFC 9110 §8.8.2.1),
            // rendered or from the cache.
            server.create(Articles.article("خبر ثان").toString());
            for (HttpResponse<byte[]> answer : List.of(server.getBytes("/feeds/rss.xml"), server.getBytes("/feeds/rss.xml"))) {
                Instant lastModified = httpDate(header(answer, "Last-Modified"));
                Instant date = httpDate(header(answer, "Date"));
                assertFalse(lastModified.isAfter(date), lastModified + " after " + date);
            }
        }
    }

    @Test
    void last_modified_is_never_ahead_of_the_clock_and_if_modified_since_never_hides_a_change() {
        SettableClock clock = new SettableClock(BURST_AT);
        try (TestServer server = TestServer.start(dataDir, Map.of(), clock)) {
            threeWritesWithinASecond(server);
            for (String path : List.of("/feeds/rss.xml", "/feeds/atom.xml", "/", "/news-sitemap.xml")) {
                for (int i = 0; i < 2; i++) { // rendered, then answered from the cache ahead of Javalin
                    HttpResponse<byte[]> answer = server.getBytes(path);
                    assertEquals("Fri, 20 Nov 2026 08:00:00 GMT", header(answer, "Last-Modified"), path);
                    assertEquals(200, server.getBytes(path, "If-Modified-Since", header(answer, "Last-Modified")).statusCode(),
                            path + ": the time sent stands for no version, so it matches none");
                }
            }
            clock.set(Instant.parse("2026-11-20T08:00:02.500Z"));
            assertEquals("Fri, 20 Nov 2026 08:00:02 GMT", header(server.getBytes("/feeds/rss.xml"), "Last-Modified"));
            clock.set(Instant.parse("2026-11-20T08:00:03Z"));
            HttpResponse<byte[]> caughtUp = server.getBytes("/feeds/rss.xml");
            assertEquals("Fri, 20 Nov 2026 08:00:03 GMT", header(caughtUp, "Last-Modified"), "the stamp, once the clock reaches it");
            assertEquals(304, server.getBytes("/feeds/rss.xml", "If-Modified-Since", header(caughtUp, "Last-Modified")).statusCode());
            assertEquals(200, server.getBytes("/feeds/rss.xml", "If-Modified-Since", "Fri, 20 Nov 2026 08:00:02 GMT").statusCode());
        }
    }

    @Test
    void a_feed_is_never_dated_more_than_a_minute_ahead_of_the_clock() {
        // An import stamps each batch and each page of related lists a second apart: minutes ahead
        // of the clock for a large archive. 65 writes within one second do the same, to 08:01:05.
        SettableClock clock = new SettableClock(BURST_AT);
        try (TestServer server = TestServer.start(dataDir, Map.of(), clock)) {
            for (int i = 0; i < 65; i++) {
                server.create(Articles.article("خبر " + i).toString());
            }
            Instant now = Instant.parse("2026-11-20T08:00:00Z");
            assertEquals(now, rssDate(server.getBytes("/feeds/rss.xml").body()));
            assertEquals(now, atomDate(server.getBytes("/feeds/atom.xml").body()));
            assertEquals(now, atomDate(server.getBytes("/feeds/category/politics/atom.xml").body()));
            clock.set(Instant.parse("2026-11-20T08:00:05.500Z"));
            assertEquals(Instant.parse("2026-11-20T08:01:05Z"), rssDate(server.getBytes("/feeds/rss.xml").body()),
                    "the feed cached while dated now is rendered again once its stamp is a minute ahead at most");

            // Rendered once the clock has passed the stamps: the last change's own time, as Last-Modified says.
            server.create(Articles.article("خبر آخر").toString());
            clock.set(Instant.parse("2026-11-20T08:10:00Z"));
            HttpResponse<byte[]> rss = server.getBytes("/feeds/rss.xml");
            Instant lastModified = httpDate(header(rss, "Last-Modified"));
            assertTrue(lastModified.isAfter(now) && lastModified.isBefore(clock.instant()), lastModified.toString());
            assertEquals(lastModified, rssDate(rss.body()));
            assertEquals(lastModified, atomDate(server.getBytes("/feeds/atom.xml").body()));
        }
    }

    /** Three writes at {@link #BURST_AT}, within one second: their stamps run a second apart, to 08:00:03. */
    private static void threeWritesWithinASecond(TestServer server) {
        for (String title : List.of("أول", "ثان", "ثالث")) {
            server.create(Articles.article(title).toString());
        }
    }

    private static Instant rssDate(byte[] feed) {
        FeedXml xml = FeedXml.parse(feed);
        Instant lastBuild = ZonedDateTime.parse(xml.text("/rss/channel/lastBuildDate"), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        assertEquals(lastBuild, ZonedDateTime.parse(xml.text("/rss/channel/pubDate"), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
        return lastBuild;
    }

    private static Instant atomDate(byte[] feed) {
        return Instant.parse(FeedXml.parse(feed).text("/a:feed/a:updated"));
    }

    @Test
    void conditional_get_answers_304_and_a_changed_article_changes_the_etag() {
        try (TestServer server = TestServer.start(dataDir)) {
            long id = server.create(Articles.article("خبر").toString()).get("id").asLong();
            server.awaitChangesBehindClock(); // until then each answer's Last-Modified is its own time
            HttpResponse<byte[]> first = server.getBytes("/feeds/atom.xml");
            String etag = header(first, "ETag");
            String lastModified = header(first, "Last-Modified");

            assertEquals(304, server.getBytes("/feeds/atom.xml", "If-None-Match", etag).statusCode());
            assertEquals(304, server.getBytes("/feeds/atom.xml", "If-None-Match", "\"other\", W/" + etag).statusCode());
            assertEquals(304, server.getBytes("/feeds/atom.xml", "If-None-Match", "*").statusCode());
            assertEquals(304, server.getBytes("/feeds/atom.xml", "If-Modified-Since", lastModified).statusCode());
            // A date that can't be read is ignored (RFC 9110 §13.1.3): the whole feed, never an error.
            assertEquals(200, server.getBytes("/feeds/atom.xml", "If-Modified-Since", "yesterday").statusCode());
            assertEquals(200, server.getBytes("/feeds/atom.xml", "If-Modified-Since", lastModified.replace("GMT", "XYZ")).statusCode());
            assertEquals(200, server.getBytes("/feeds/atom.xml", "If-None-Match", "\"other\"").statusCode());
            // If-None-Match decides when both are sent (RFC 9110 §13.1.3).
            assertEquals(200, server.getBytes("/feeds/atom.xml",
                    "If-None-Match", "\"other\"", "If-Modified-Since", lastModified).statusCode());
            HttpResponse<byte[]> notModified = server.getBytes("/feeds/atom.xml", "If-None-Match", etag);
            assertEquals(0, notModified.body().length);
            assertEquals(etag, header(notModified, "ETag"));

            assertEquals(200, server.put("/api/articles/" + id, Articles.article("خبر معدّل").toString()).statusCode());
            HttpResponse<byte[]> changed = server.getBytes("/feeds/atom.xml", "If-None-Match", etag);
            assertEquals(200, changed.statusCode());
            assertNotEquals(etag, header(changed, "ETag"));
            assertEquals(FeedXml.isolated("خبر معدّل"), FeedXml.parse(changed.body()).text("//a:entry/a:title"));
        }
    }

    @Test
    void a_write_in_one_section_leaves_the_feeds_of_the_others_unchanged() {
        SettableClock clock = new SettableClock(Instant.parse("2026-11-20T08:00:00Z"));
        try (TestServer server = TestServer.start(dataDir, Map.of(), clock)) {
            server.create(Articles.article("رياضة", "sports", "omar-khatib").toString());
            long politics = server.create(Articles.article("سياسة", "politics", "nizar-samir").toString()).get("id").asLong();
            clock.advance(Duration.ofSeconds(3)); // past the two writes' stamps, a second apart
            HttpResponse<byte[]> sports = server.getBytes("/feeds/category/sports/rss.xml");
            HttpResponse<byte[]> writer = server.getBytes("/feeds/author/omar-khatib/atom.xml");
            HttpResponse<byte[]> politicsFeed = server.getBytes("/feeds/category/politics/rss.xml");

            server.create(Articles.article("سياسة ثانية", "politics", "nizar-samir").toString());
            server.put("/api/articles/" + politics, Articles.article("سياسة معدّلة", "politics", "layla-haddad").toString());

            for (HttpResponse<byte[]> unchanged : java.util.List.of(sports, writer)) {
                String path = unchanged.uri().getPath();
                HttpResponse<byte[]> again = server.getBytes(path, "If-None-Match", header(unchanged, "ETag"));
                assertEquals(304, again.statusCode(), path + " is untouched by writes elsewhere");
                assertEquals(304, server.getBytes(path, "If-Modified-Since", header(unchanged, "Last-Modified")).statusCode());
            }
            assertEquals(200, server.getBytes("/feeds/category/politics/rss.xml",
                    "If-None-Match", header(politicsFeed, "ETag")).statusCode());
            // The article left nizar-samir for layla-haddad: both authors' feeds changed.
            assertEquals(1, FeedXml.parse(server.getBytes("/feeds/author/nizar-samir/atom.xml").body())
                    .nodes("//a:entry").size());
        }
    }

    @Test
    void a_delete_moves_last_modified_of_the_feeds_that_showed_the_article() {
        SettableClock clock = new SettableClock(Instant.parse("2026-11-20T08:00:00Z"));
        try (TestServer server = TestServer.start(dataDir, Map.of(), clock)) {
            server.create(Articles.article("أول", "economy", "rana-youssef").toString());
            long second = server.create(Articles.article("ثان", "economy", "rana-youssef").toString()).get("id").asLong();
            HttpResponse<byte[]> before = server.getBytes("/feeds/category/economy/atom.xml");
            clock.advance(Duration.ofSeconds(1)); // HTTP dates have whole seconds
            assertEquals(204, server.delete("/api/articles/" + second).statusCode());

            HttpResponse<byte[]> after = server.getBytes("/feeds/category/economy/atom.xml",
                    "If-Modified-Since", header(before, "Last-Modified"));
            assertEquals(200, after.statusCode(), "a poller with only If-Modified-Since sees the deletion");
            assertEquals(1, FeedXml.parse(after.body()).nodes("//a:entry").size());
        }
    }

    @Test
    void a_new_title_or_name_moves_last_modified_of_every_feed_that_shows_it() {
        SettableClock clock = new SettableClock(Instant.parse("2026-11-20T08:00:00Z"));
        try (TestServer server = TestServer.start(dataDir, Map.of(), clock)) {
            long earlier = server.create(Articles.article("سابق", "economy", "rana-youssef").toString()).get("id").asLong();
            // A politics article by another author whose editor chose the economy article as related.
            server.create(Articles.withRelated(Articles.article("لاحق", "politics", "nizar-samir"), earlier).toString());
            String politics = "/feeds/category/politics/atom.xml";
            String byRana = "/feeds/author/rana-youssef/atom.xml";

            String seen = header(server.getBytes(politics), "Last-Modified");
            clock.advance(Duration.ofSeconds(1)); // HTTP dates have whole seconds
            ObjectNode retitled = Articles.article("سابق بعنوان جديد", "economy", "rana-youssef");
            assertEquals(200, server.put("/api/articles/" + earlier, retitled.toString()).statusCode());
            HttpResponse<byte[]> afterRetitle = server.getBytes(politics, "If-Modified-Since", seen);
            assertEquals(200, afterRetitle.statusCode(), "a poller with only If-Modified-Since sees the related title change");
            assertEquals("سابق بعنوان جديد", FeedXml.parse(afterRetitle.body()).text("//a:entry/a:link[@rel='related']/@title"));

            seen = header(afterRetitle, "Last-Modified");
            clock.advance(Duration.ofSeconds(1));
            ObjectNode renamedAuthor = Articles.article("ثالث", "economy", "nizar-samir");
            ((ObjectNode) renamedAuthor.get("author")).put("name", "نزار سمير");
            server.create(renamedAuthor.toString());
            HttpResponse<byte[]> afterRename = server.getBytes(politics, "If-Modified-Since", seen);
            assertEquals(200, afterRename.statusCode(), "the politics feed shows the renamed author");
            assertEquals("نزار سمير", FeedXml.parse(afterRename.body()).text("//a:entry/a:author/a:name"));

            String seenByRana = header(server.getBytes(byRana), "Last-Modified");
            clock.advance(Duration.ofSeconds(1));
            ObjectNode renamedCategory = Articles.article("رابع", "economy", "nizar-samir");
            ((ObjectNode) renamedCategory.get("category")).put("name", "الاقتصاد");
            server.create(renamedCategory.toString());
            HttpResponse<byte[]> afterCategoryRename = server.getBytes(byRana, "If-Modified-Since", seenByRana);
            assertEquals(200, afterCategoryRename.statusCode(), "Rana's feed shows the renamed category");
            assertEquals("الاقتصاد", FeedXml.parse(afterCategoryRename.body()).text("//a:entry/a:category/@label"));

            // An edit that keeps the title leaves the other section's feed as it was.
            clock.advance(Duration.ofSeconds(5)); // past the stamps of the writes above, each a second after the last
            seen = header(server.getBytes(politics), "Last-Modified");
            clock.advance(Duration.ofSeconds(1));
            ObjectNode sameTitle = Articles.article("سابق بعنوان جديد", "economy", "rana-youssef");
            sameTitle.put("summary", "ملخص آخر");
            ((ObjectNode) sameTitle.get("category")).put("name", "الاقتصاد");
            assertEquals(200, server.put("/api/articles/" + earlier, sameTitle.toString()).statusCode());
            assertEquals(304, server.getBytes(politics, "If-Modified-Since", seen).statusCode());
        }
    }

    @Test
    void the_same_data_gives_the_same_bytes_and_etag_after_a_restart() {
        HttpResponse<byte[]> before;
        Map<String, String> sameAddress;
        try (TestServer server = TestServer.start(dataDir)) {
            server.create(Articles.withRelated(Articles.article("خبر"), server.create(Articles.article("سابق").toString())
                    .get("id").asLong()).toString());
            server.awaitChangesBehindClock(); // the stamp itself, which the restarted server sends too
            before = server.getBytes("/feeds/rss.xml");
            sameAddress = Map.of("KHULASA_PORT", String.valueOf(server.config.port()), "KHULASA_BASE_URL", server.config.baseUrl());
        }
        // A new process over the same database: nothing cached, everything rendered again.
        try (TestServer restarted = TestServer.start(dataDir, sameAddress)) {
            HttpResponse<byte[]> after = restarted.getBytes("/feeds/rss.xml");
            assertEquals(header(before, "ETag"), header(after, "ETag"));
            assertEquals(header(before, "Last-Modified"), header(after, "Last-Modified"));
            assertArrayEquals(before.body(), after.body());
        }
    }

    @Test
    void gzip_is_served_when_asked_and_decodes_to_the_same_bytes() throws IOException {
        try (TestServer server = TestServer.start(dataDir)) {
            server.create(Articles.article("خبر").toString());
            HttpResponse<byte[]> plain = server.getBytes("/feeds/rss.xml");
            HttpResponse<byte[]> gzip = server.getBytes("/feeds/rss.xml", "Accept-Encoding", "gzip");
            assertEquals("gzip", header(gzip, "Content-Encoding"));
            assertTrue(gzip.body().length < plain.body().length);
            try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzip.body()))) {
                assertArrayEquals(plain.body(), in.readAllBytes());
            }
            assertEquals(304, server.getBytes("/feeds/rss.xml", "Accept-Encoding", "gzip",
                    "If-None-Match", header(gzip, "ETag")).statusCode());
            assertFalse(plain.headers().firstValue("Content-Encoding").isPresent());
            HttpResponse<byte[]> refused = server.getBytes("/feeds/rss.xml", "Accept-Encoding", "gzip;q=0");
            assertArrayEquals(plain.body(), refused.body());
        }
    }

    @Test
    void head_answers_with_the_same_headers_and_no_body() {
        try (TestServer server = TestServer.start(dataDir)) {
            server.create(Articles.article("خبر").toString());
            server.awaitChangesBehindClock(); // until then Last-Modified is each answer's own second
            HttpResponse<byte[]> get = server.getBytes("/feeds/category/politics/atom.xml");
            HttpResponse<String> head = server.send(HttpRequest.newBuilder(URI.create(server.url("/feeds/category/politics/atom.xml")))
                    .method("HEAD", HttpRequest.BodyPublishers.noBody()));
            assertEquals(200, head.statusCode());
            assertEquals("", head.body());
            for (String name : List.of("Content-Type", "ETag", "Last-Modified", "Cache-Control", "Content-Language")) {
                assertEquals(header(get, name), head.headers().firstValue(name).orElse(null), name);
            }
            assertEquals(String.valueOf(get.body().length), head.headers().firstValue("Content-Length").orElse(null));
        }
    }

    @Test
    void a_poll_answered_from_the_cache_matches_the_answer_that_rendered_the_feed() {
        try (TestServer server = TestServer.start(dataDir)) {
            long id = server.create(Articles.article("خبر").toString()).get("id").asLong();
            String later = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(java.time.ZoneOffset.UTC).plusDays(1));
            List<List<String>> polls = List.of(
                    List.of("GET"),
                    List.of("GET", "Accept-Encoding", "gzip"),
                    List.of("HEAD"),
                    List.of("HEAD", "Accept-Encoding", "gzip, deflate"),
                    List.of("GET", "If-None-Match", "*"),
                    List.of("GET", "Accept-Encoding", "gzip", "If-Modified-Since", later));
            int version = 0;
            for (List<String> poll : polls) {
                // A write empties the cache: the first poll renders the feed, the second is a cache hit.
                assertEquals(200, server.put("/api/articles/" + id, Articles.article("خبر " + ++version).toString()).statusCode());
                HttpResponse<byte[]> rendered = poll(server, "/feeds/category/politics/rss.xml", poll);
                HttpResponse<byte[]> cached = poll(server, "/feeds/category/politics/rss.xml", poll);
                assertEquals(rendered.statusCode(), cached.statusCode(), poll.toString());
                assertArrayEquals(rendered.body(), cached.body(), poll.toString());
                assertEquals(withoutDate(rendered), withoutDate(cached), poll.toString());
                if (rendered.statusCode() == 304) {
                    // RFC 9110 §15.4.5: a 304 describes the stored answer; it has no body, nor a type of its own.
                    assertEquals(0, cached.body().length, poll.toString());
                    assertFalse(cached.headers().firstValue("Content-Type").isPresent(), poll.toString());
                }
            }
        }
    }

    private static HttpResponse<byte[]> poll(TestServer server, String path, List<String> methodAndHeaders) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.url(path)))
                .method(methodAndHeaders.get(0), HttpRequest.BodyPublishers.noBody());
        for (int i = 1; i < methodAndHeaders.size(); i += 2) {
            request.header(methodAndHeaders.get(i), methodAndHeaders.get(i + 1));
        }
        try {
            return java.net.http.HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, List<String>> withoutDate(HttpResponse<?> response) {
        Map<String, List<String>> headers = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.putAll(response.headers().map());
        headers.remove("Date");
        return headers;
    }

    @Test
    void a_poll_answered_from_the_cache_needs_no_database() {
        try (TestServer server = TestServer.start(dataDir)) {
            server.create(Articles.article("خبر").toString());
            HttpResponse<byte[]> first = server.getBytes("/feeds/atom.xml");
            server.store.close(); // from here on, any database work fails
            HttpResponse<byte[]> cached = server.getBytes("/feeds/atom.xml");
            assertEquals(200, cached.statusCode());
            assertArrayEquals(first.body(), cached.body());
            assertEquals(304, server.getBytes("/feeds/atom.xml", "If-None-Match", header(first, "ETag")).statusCode());
        }
    }

    @Test
    void last_modified_follows_the_newest_write_and_if_modified_since_a_later_time_is_304() {
        try (TestServer server = TestServer.start(dataDir)) {
            server.create(Articles.article("خبر").toString());
            server.awaitChangesBehindClock(); // until then each answer's Last-Modified is its own time
            HttpResponse<byte[]> feed = server.getBytes("/feeds/rss.xml");
            Instant lastModified = httpDate(header(feed, "Last-Modified"));
            assertEquals(server.store.lastChange().truncatedTo(ChronoUnit.SECONDS), lastModified);
            String earlier = DateTimeFormatter.RFC_1123_DATE_TIME.format(lastModified.minusSeconds(60).atZone(java.time.ZoneOffset.UTC));
            assertEquals(200, server.getBytes("/feeds/rss.xml", "If-Modified-Since", earlier).statusCode());
        }
    }

    @Test
    void scheduled_article_stays_out_of_feeds_until_its_time_then_appears_without_a_write() {
        SettableClock clock = new SettableClock(Instant.parse("2026-11-20T08:00:00Z"));
        try (TestServer server = TestServer.start(dataDir, Map.of(), clock)) {
            ObjectNode published = Articles.article("منشور");
            published.put("published", "2026-11-20T07:00:00Z");
            server.create(published.toString());
            ObjectNode scheduled = Articles.article("مجدول", "sports", "omar-khatib");
            scheduled.put("published", "2026-11-20T09:00:00Z");
            server.create(scheduled.toString());

            assertEquals(List.of("منشور"), titles(server, "/feeds/rss.xml"));
            // A section whose only article is scheduled is not out either (README, Security).
            assertEquals(404, server.get("/feeds/category/sports/rss.xml").statusCode());
            clock.set(Instant.parse("2026-11-20T08:59:59.999Z"));
            assertEquals(List.of("منشور"), titles(server, "/feeds/rss.xml"), "not a millisecond early");
            clock.set(Instant.parse("2026-11-20T09:00:00Z"));
            assertEquals(List.of("مجدول", "منشور"), titles(server, "/feeds/rss.xml"));
            assertEquals(List.of("مجدول"), titles(server, "/feeds/category/sports/rss.xml"));
        }
    }

    @Test
    void unknown_or_invalid_slugs_are_404_problems() {
        try (TestServer server = TestServer.start(dataDir)) {
            server.create(Articles.article("خبر").toString());
            for (String path : List.of("/feeds/category/nothing/rss.xml", "/feeds/author/nobody/atom.xml",
                    "/feeds/category/NOT%20A%20SLUG/rss.xml", "/feeds/category/politics/feed.xml")) {
                HttpResponse<String> response = server.get(path);
                assertEquals(404, response.statusCode(), path);
            }
            HttpResponse<String> unknown = server.get("/feeds/category/nothing/atom.xml");
            assertTrue(header(unknown, "Content-Type").startsWith("application/problem+json"));
            assertEquals(404, TestServer.parse(unknown.body()).get("status").asInt());
        }
    }

    private static List<String> titles(TestServer server, String path) {
        return FeedXml.parse(FeedsTest.feed(server, path)).nodes("/rss/channel/item/title").stream()
                .map(n -> n.getTextContent()).map(FeedXml::unisolated).toList();
    }

    private static String header(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name).orElseThrow(() -> new AssertionError("no " + name + " header"));
    }
}
