package org.khulasa.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.khulasa.TestServer.httpDate;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.khulasa.Articles;
import org.khulasa.FeedXml;
import org.khulasa.SettableClock;
import org.khulasa.TestServer;

/**
 * Until an article is out, nothing public changes because of it: no category, author or name,
 * no feed, OPML line or header. When it comes out, all of it appears at once.
 */
class EmbargoTest {
    private static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");
    private static final String SECRET_DESK = "قسم الأخبار المحظورة";
    private static final String SECRET_SOURCE = "المصدر السري";

    @TempDir
    Path data;
    SettableClock clock;
    TestServer server;

    @BeforeEach
    void start() {
        clock = new SettableClock(T0);
        server = TestServer.start(data, Map.of(), clock);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void a_scheduled_article_shows_nothing_of_itself_until_it_is_out() {
        ObjectNode out = Articles.article("خبر منشور");
        out.putObject("category").put("slug", "politics").put("name", "سياسة");
        out.putObject("author").put("slug", "nizar-samir").put("name", "نزار سمير");
        long outId = server.create(out.toString()).get("id").asLong();
        clock.advance(Duration.ofMinutes(1));
        List<String> paths = List.of("/feeds/rss.xml", "/feeds/atom.xml", "/feeds/index.opml", "/feeds/category/politics/rss.xml",
                "/feeds/author/nizar-samir/atom.xml");
        Map<String, List<String>> before = validators(paths);
        String home = server.get("/").body();

        clock.advance(Duration.ofMinutes(1));
        Instant release = T0.plus(Duration.ofHours(1));
        ObjectNode secret = Articles.article("سبق صحفي محظور");
        secret.put("published", release.toString());
        secret.putObject("category").put("slug", "embargo-desk").put("name", SECRET_DESK);
        secret.putObject("author").put("slug", "secret-source").put("name", SECRET_SOURCE);
        server.create(secret.toString());
        ObjectNode rename = Articles.article("خبر مجدول يعيد التسمية");
        rename.put("published", release.toString());
        rename.putObject("category").put("slug", "politics").put("name", "سياسة محلية");
        rename.putObject("author").put("slug", "nizar-samir").put("name", "نزار سمير الجديد");
        server.create(rename.toString());
        clock.advance(Duration.ofMinutes(1));

        assertEquals(before, validators(paths), "no feed's ETag or Last-Modified moved");
        assertEquals(home, server.get("/").body(), "the home page is as it was");
        for (String hidden : List.of("/category/embargo-desk", "/author/secret-source", "/feeds/category/embargo-desk/rss.xml",
                "/feeds/author/secret-source/atom.xml")) {
            assertEquals(404, server.get(hidden).statusCode(), hidden);
        }
        String opml = server.get("/feeds/index.opml").body();
        assertFalse(opml.contains("embargo-desk") || opml.contains(SECRET_SOURCE) || opml.contains("سياسة محلية"), opml);
        assertEquals("سياسة", TestServer.parse(server.get("/api/articles/" + outId).body()).get("category").get("name").asText());
        assertFalse(server.get("/feeds/category/politics/rss.xml").body().contains("سياسة محلية"));
        assertFalse(server.get("/articles/" + outId).body().contains("نزار سمير الجديد"));

        clock.set(release.plusMillis(1));
        Map<String, List<String>> after = validators(paths);
        for (String path : paths) {
            assertNotEquals(before.get(path).get(0), after.get(path).get(0), path + " ETag");
            assertTrue(httpDate(after.get(path).get(1)).isAfter(httpDate(before.get(path).get(1))), path + " Last-Modified");
        }
        assertEquals(200, server.get("/category/embargo-desk").statusCode());
        assertEquals(200, server.get("/feeds/author/secret-source/atom.xml").statusCode());
        opml = server.get("/feeds/index.opml").body();
        assertTrue(opml.contains("embargo-desk") && opml.contains(SECRET_SOURCE) && opml.contains("سياسة محلية"), opml);
        assertTrue(server.get("/").body().contains(SECRET_DESK), "the new section is in the navigation");
        assertEquals("سياسة محلية", TestServer.parse(server.get("/api/articles/" + outId).body()).get("category").get("name").asText());
        FeedXml category = FeedXml.parse(server.getBytes("/feeds/category/politics/rss.xml").body());
        assertTrue(category.text("/rss/channel/title").contains("سياسة محلية"), category.text("/rss/channel/title"));
        assertTrue(server.get("/articles/" + outId).body().contains("نزار سمير الجديد"));
    }

    @Test
    void categories_and_authors_without_an_article_out_leave_the_navigation_and_the_opml() {
        ObjectNode lone = Articles.article("خبر وحيد في قسمه");
        lone.putObject("category").put("slug", "throwaway").put("name", "قسم عابر");
        long id = server.create(lone.toString()).get("id").asLong();
        server.create(Articles.article("خبر باق").toString());
        assertTrue(server.get("/").body().contains("قسم عابر"));
        assertTrue(server.get("/feeds/index.opml").body().contains("throwaway"));

        assertEquals(204, server.delete("/api/articles/" + id).statusCode());
        assertFalse(server.get("/").body().contains("قسم عابر"), "left the navigation");
        assertFalse(server.get("/feeds/index.opml").body().contains("throwaway"), "left the OPML");
        assertEquals(404, server.get("/category/throwaway").statusCode());
        assertEquals(404, server.get("/feeds/category/throwaway/rss.xml").statusCode());
        assertTrue(server.get("/feeds/index.opml").body().contains("politics"));
    }

    @Test
    void last_modified_moves_by_a_second_at_every_change_of_a_feed_even_within_one_second() {
        server.create(Articles.article("خبر أول").toString());
        HttpResponse<String> first = server.get("/feeds/rss.xml");
        String lastModified = first.headers().firstValue("Last-Modified").orElseThrow();
        clock.advance(Duration.ofMillis(200));
        server.create(Articles.article("خبر ثان في الثانية نفسها").toString());
        HttpResponse<String> second = server.get("/feeds/rss.xml", "If-Modified-Since", lastModified);
        assertEquals(200, second.statusCode(), "a poller with If-Modified-Since only sees the new version");
        // Its stamp is a second past the first, ahead of the clock: sent as the clock's time till then.
        Instant sent = httpDate(second.headers().firstValue("Last-Modified").orElseThrow());
        assertFalse(sent.isAfter(clock.instant()), sent + " after " + clock.instant());
        assertEquals(200, server.get("/feeds/rss.xml", "If-Modified-Since", second.headers().firstValue("Last-Modified").orElseThrow())
                .statusCode(), "the clock's time stands for no version");
        clock.advance(Duration.ofMillis(800));
        Instant moved = httpDate(server.get("/feeds/rss.xml").headers().firstValue("Last-Modified").orElseThrow());
        assertEquals(httpDate(lastModified).plusSeconds(1), moved, "the stamp, once the clock reaches it");
        // A scheduled article coming out within the same second as the last write moves it too.
        Instant soon = clock.instant().plusMillis(300);
        ObjectNode scheduled = Articles.article("خبر يخرج بعد لحظة");
        scheduled.put("published", soon.toString());
        server.create(scheduled.toString());
        String beforeRelease = server.get("/feeds/rss.xml").headers().firstValue("Last-Modified").orElseThrow();
        clock.set(soon);
        HttpResponse<String> released = server.get("/feeds/rss.xml", "If-Modified-Since", beforeRelease);
        assertEquals(200, released.statusCode());
        assertTrue(released.body().contains("خبر يخرج بعد لحظة"));
    }

    private Map<String, List<String>> validators(List<String> paths) {
        Map<String, List<String>> out = new java.util.LinkedHashMap<>();
        for (String path : paths) {
            HttpResponse<String> r = server.get(path);
            assertEquals(200, r.statusCode(), path);
            out.put(path, List.of(r.headers().firstValue("ETag").orElseThrow(), r.headers().firstValue("Last-Modified").orElseThrow()));
        }
        return out;
    }
}
