package org.khulasa.web.pages;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.khulasa.Articles;
import org.khulasa.SettableClock;
import org.khulasa.TestServer;

/**
 * Pages served from the documents' cache over HTTP: validators and 304s, and which writes make
 * which cached pages change (on SQLite, or PostgreSQL with KHULASA_TEST_DB_URL).
 */
class PageCacheTest {
    @TempDir
    Path dataDir;

    @Test
    void a_page_seen_again_is_a_304_by_etag_or_date_in_either_coding_and_head_answers_as_get() throws IOException {
        try (TestServer server = TestServer.start(dataDir)) {
            ObjectNode article = Articles.article("خبر أول");
            article.putArray("tags").add("news");
            long id = server.create(article.toString()).get("id").asLong();
            server.awaitChangesBehindClock(); // until then each answer's Last-Modified is its own time
            for (String path : List.of("/", "/articles/" + id, "/category/politics", "/author/nizar-samir", "/tag/news")) {
                HttpResponse<byte[]> plain = server.getBytes(path);
                assertEquals(200, plain.statusCode(), path);
                HttpResponse<byte[]> gzip = server.getBytes(path, "Accept-Encoding", "gzip");
                assertEquals("gzip", TestServer.header(gzip, "Content-Encoding").orElse(null), path);
                assertArrayEquals(plain.body(), gunzip(gzip.body()), path);
                String etag = TestServer.header(plain, "ETag").orElseThrow();
                String gzipEtag = TestServer.header(gzip, "ETag").orElseThrow();
                assertTrue(etag.matches("\"[0-9a-f]{32}\""), etag);
                assertEquals(etag.replace("\"", "").concat("-gz"), gzipEtag.replace("\"", ""), "strong tags differ per coding");
                String lastModified = TestServer.header(plain, "Last-Modified").orElseThrow();
                assertEquals("public, max-age=60", TestServer.header(plain, "Cache-Control").orElse(null), path);
                assertEquals("text/html;charset=utf-8", TestServer.header(plain, "Content-Type").orElse(null), path);
                assertTrue(TestServer.header(plain, "Content-Security-Policy").isPresent(), path);
                assertEquals("strict-origin-when-cross-origin", TestServer.header(plain, "Referrer-Policy").orElse(null));

                HttpResponse<byte[]> again = server.getBytes(path);
                assertArrayEquals(plain.body(), again.body(), path);
                assertEquals(etag, TestServer.header(again, "ETag").orElse(null), path);
                assertEquals(304, server.getBytes(path, "If-None-Match", etag).statusCode(), path);
                assertEquals(304, server.getBytes(path, "Accept-Encoding", "gzip", "If-None-Match", gzipEtag).statusCode());
                assertEquals(304, server.getBytes(path, "If-Modified-Since", lastModified).statusCode(), path);
                assertEquals(200, server.getBytes(path, "If-Modified-Since", "Thu, 01 Jan 1970 00:00:00 GMT").statusCode());

                var head = server.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(server.local(path)))
                        .method("HEAD", java.net.http.HttpRequest.BodyPublishers.noBody()));
                assertEquals(200, head.statusCode(), path);
                assertEquals("", head.body());
                assertEquals(etag, TestServer.header(head, "ETag").orElse(null), path);
                assertEquals(String.valueOf(plain.body().length), TestServer.header(head, "Content-Length").orElse(null));
            }
            // Not pages to keep: a search, and a page that does not exist.
            assertTrue(TestServer.header(server.get("/search?q=خبر"), "Last-Modified").isEmpty());
            assertEquals(404, server.get("/category/nowhere").statusCode());
            assertTrue(TestServer.header(server.get("/category/nowhere"), "ETag").isEmpty());
        }
    }

    @Test
    void a_write_changes_its_article_home_and_category_pages_at_once_and_leaves_an_unrelated_category_alone() {
        try (TestServer server = TestServer.start(dataDir)) {
            // Written first, so its related list cannot name the article edited below.
            server.create(unrelated("مباراة الفريق الأول", "sports", "huda-amin").toString());
            long id = server.create(Articles.article("خبر قبل التعديل").toString()).get("id").asLong();
            Map<String, String> etags = etags(server, "/", "/articles/" + id, "/category/politics", "/author/nizar-samir",
                    "/category/sports", "/author/huda-amin");

            assertEquals(200, server.put("/api/articles/" + id, Articles.article("خبر بعد التعديل").toString()).statusCode());
            for (String path : List.of("/", "/articles/" + id, "/category/politics", "/author/nizar-samir")) {
                HttpResponse<String> page = server.get(path, "If-None-Match", etags.get(path));
                assertEquals(200, page.statusCode(), path + " changed with the write");
                assertTrue(page.body().contains("خبر بعد التعديل"), path);
                assertFalse(page.body().contains("خبر قبل التعديل"), path);
            }
            for (String path : List.of("/category/sports", "/author/huda-amin")) {
                assertEquals(304, server.get(path, "If-None-Match", etags.get(path)).statusCode(),
                        path + " shows nothing the write changed");
            }
        }
    }

    @Test
    void renaming_a_category_changes_the_navigation_of_every_cached_page() {
        try (TestServer server = TestServer.start(dataDir)) {
            long sports = server.create(unrelated("مباراة الفريق الأول", "sports", "huda-amin").toString()).get("id").asLong();
            server.create(Articles.article("خبر أول").toString());
            List<String> paths = List.of("/", "/articles/" + sports, "/category/sports", "/author/huda-amin", "/tag/sport");
            Map<String, String> etags = etags(server, paths.toArray(String[]::new));
            for (String path : paths) {
                assertFalse(server.get(path).body().contains("السياسة الدولية"), path);
            }

            assertEquals(200, server.put("/api/categories/politics", "{\"name\": \"السياسة الدولية\"}").statusCode());
            for (String path : paths) {
                HttpResponse<String> page = server.get(path, "If-None-Match", etags.get(path));
                assertEquals(200, page.statusCode(), path);
                assertTrue(page.body().contains("السياسة الدولية"), path + " lists the new name");
            }
            // Renaming an author changes the pages showing the author, not the navigation.
            etags = etags(server, "/category/sports", "/author/huda-amin");
            assertEquals(200, server.put("/api/authors/nizar-samir", "{\"name\": \"نزار سمير الحلبي\"}").statusCode());
            assertEquals(304, server.get("/category/sports", "If-None-Match", etags.get("/category/sports")).statusCode());
            assertTrue(server.get("/author/nizar-samir").body().contains("نزار سمير الحلبي"));
        }
    }

    @Test
    void a_scheduled_article_appears_on_the_cached_pages_at_its_time() {
        SettableClock clock = new SettableClock(Instant.parse("2026-06-01T08:00:00Z"));
        try (TestServer server = TestServer.start(dataDir, Map.of(), clock)) {
            server.create(Articles.article("خبر منشور").toString());
            ObjectNode scheduled = unrelated("تقرير الاقتصاد المجدول", "economy", "nizar-samir");
            scheduled.put("published", clock.instant().plus(Duration.ofHours(1)).toString());
            server.create(scheduled.toString());
            Map<String, String> etags = etags(server, "/", "/category/politics");
            assertFalse(server.get("/").body().contains("تقرير الاقتصاد المجدول"));
            assertFalse(server.get("/category/politics").body().contains("قسم economy"));

            clock.set(clock.instant().plus(Duration.ofHours(1)));
            HttpResponse<String> home = server.get("/", "If-None-Match", etags.get("/"));
            assertEquals(200, home.statusCode());
            assertTrue(home.body().contains("تقرير الاقتصاد المجدول"), "out at its time, with no write in between");
            HttpResponse<String> politics = server.get("/category/politics", "If-None-Match", etags.get("/category/politics"));
            assertEquals(200, politics.statusCode());
            assertTrue(politics.body().contains("قسم economy"), "its new category is in every page's navigation");
        }
    }

    @Test
    void a_deleted_article_is_a_404_at_once_not_its_cached_page() {
        try (TestServer server = TestServer.start(dataDir)) {
            long id = server.create(Articles.article("خبر سيحذف").toString()).get("id").asLong();
            String path = "/articles/" + id;
            String etag = etags(server, path).get(path);
            assertEquals(204, server.delete("/api/articles/" + id).statusCode());
            assertEquals(404, server.get(path).statusCode());
            assertEquals(404, server.get(path, "If-None-Match", etag).statusCode());
            assertFalse(server.get("/").body().contains("خبر سيحذف"));
        }
    }

    @Test
    void an_older_page_is_cached_under_its_cursor_and_other_spellings_get_the_same_page() {
        try (TestServer server = TestServer.start(dataDir, Map.of("KHULASA_FEED_SIZE", "2"))) {
            for (int i = 1; i <= 5; i++) {
                server.create(Articles.article("خبر رقم " + i).toString());
            }
            String home = server.get("/").body();
            int at = home.indexOf("/?before=");
            assertTrue(at > 0, "the home page links the older page");
            String older = home.substring(at, home.indexOf('"', at)).replace("&amp;", "&");
            HttpResponse<byte[]> first = server.getBytes(older);
            assertEquals(200, first.statusCode());
            String etag = TestServer.header(first, "ETag").orElseThrow();
            assertEquals(304, server.getBytes(older, "If-None-Match", etag).statusCode());
            HttpResponse<byte[]> respelled = server.getBytes(older.replace(":", "%3A"));
            assertEquals(200, respelled.statusCode());
            assertArrayEquals(first.body(), respelled.body());
            assertEquals(404, server.get("/?before=nonsense&before_id=1").statusCode());
        }
    }

    // ---- helpers ---------------------------------------------------------------------------------

    /** An article sharing no words with {@link Articles#article}, so neither lists the other as related. */
    private static ObjectNode unrelated(String title, String category, String author) {
        ObjectNode a = Articles.article(title, category, author);
        a.put("summary", "ملعب وجمهور وهدف");
        a.put("body", "<p>" + title + "</p><p>ملعب وجمهور وهدف في الشوط الثاني.</p>");
        a.putArray("tags").add("sport");
        return a;
    }

    private static Map<String, String> etags(TestServer server, String... paths) {
        Map<String, String> etags = new LinkedHashMap<>();
        for (String path : paths) {
            HttpResponse<String> page = server.get(path);
            assertEquals(200, page.statusCode(), path);
            etags.put(path, TestServer.header(page, "ETag").orElseThrow());
            assertEquals(304, server.get(path, "If-None-Match", etags.get(path)).statusCode(), path);
        }
        return etags;
    }

    private static byte[] gunzip(byte[] gzip) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzip))) {
            return in.readAllBytes();
        }
    }
}
