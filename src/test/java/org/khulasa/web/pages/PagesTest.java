package org.khulasa.web.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.khulasa.SettableClock;
import org.khulasa.Articles;
import org.khulasa.TestServer;
import org.khulasa.article.RtlText;

/** The HTML pages, through a real server: fetched over HTTP and read back with jsoup's parser. */
class PagesTest {
    private static final String NOT_FOUND_HEADING = "الصفحة غير موجودة";

    @TempDir
    Path dataDir;

    @Test
    void every_page_is_arabic_right_to_left_and_announces_the_site_feeds() {
        try (TestServer server = TestServer.start(dataDir)) {
            long id = server.create(Articles.article("خبر أول").toString()).get("id").asLong();
            for (String path : List.of("/", "/articles/" + id, "/category/politics", "/author/nizar-samir")) {
                Document page = page(server, path);
                Element html = page.selectFirst("html");
                assertEquals("ar", html.attr("lang"), path);
                assertEquals("rtl", html.attr("dir"), path);
                assertEquals("html", page.documentType().name(), path);
                assertEquals("utf-8", page.selectFirst("meta[charset]").attr("charset"), path);
                assertTrue(page.selectFirst("meta[name=viewport]").attr("content").contains("width=device-width"), path);
                assertFalse(page.title().isBlank(), path);
                assertEquals(server.url("/feeds/rss.xml"), alternate(page, "application/rss+xml", "/feeds/rss.xml"), path);
                assertEquals(server.url("/feeds/atom.xml"), alternate(page, "application/atom+xml", "/feeds/atom.xml"), path);
                assertEquals(List.of(server.url("/category/politics")), page.select("header nav a").eachAttr("href"), path);
            }
        }
    }

    @Test
    void category_author_and_article_pages_announce_their_own_feeds() {
        try (TestServer server = TestServer.start(dataDir)) {
            long id = server.create(Articles.article("خبر", "economy", "laila-haddad").toString()).get("id").asLong();
            List<String> categoryFeeds = List.of(server.url("/feeds/category/economy/rss.xml"),
                    server.url("/feeds/category/economy/atom.xml"), server.url("/feeds/category/economy/feed.json"));
            List<String> authorFeeds = List.of(server.url("/feeds/author/laila-haddad/rss.xml"),
                    server.url("/feeds/author/laila-haddad/atom.xml"), server.url("/feeds/author/laila-haddad/feed.json"));

            assertTrue(alternates(page(server, "/category/economy")).containsAll(categoryFeeds));
            assertTrue(alternates(page(server, "/author/laila-haddad")).containsAll(authorFeeds));
            List<String> onArticle = alternates(page(server, "/articles/" + id));
            assertTrue(onArticle.containsAll(categoryFeeds), onArticle.toString());
            assertTrue(onArticle.containsAll(authorFeeds), onArticle.toString());
            assertFalse(alternates(page(server, "/")).contains(categoryFeeds.get(0)));
        }
    }

    @Test
    void article_page_links_breadcrumb_author_and_related_articles() {
        try (TestServer server = TestServer.start(dataDir)) {
            long first = server.create(Articles.article("الخبر الأول").toString()).get("id").asLong();
            long second = server.create(Articles.article("S-400 في الخبر الثاني").toString()).get("id").asLong();
            ObjectNode json = Articles.withRelated(Articles.article("الخبر الثالث", "politics", "rana-youssef"), second, first);
            json.putObject("image").put("url", "https://images.example.org/3.jpg").put("caption", "صورة الخبر");
            long third = server.create(json.toString()).get("id").asLong();

            Document page = page(server, "/articles/" + third);

            Element crumbs = page.selectFirst("nav.breadcrumb");
            assertEquals(List.of(server.url("/"), server.url("/category/politics")), crumbs.select("a").eachAttr("href"));
            assertEquals(List.of("الرئيسية", "قسم politics"), crumbs.select("a").eachText());
            Element author = page.selectFirst("article a[rel=author]");
            assertEquals(server.url("/author/rana-youssef"), author.attr("href"));
            assertEquals("الكاتب rana-youssef", author.text());
            assertEquals("الخبر الثالث", page.selectFirst("article h1").text());

            Element related = page.selectFirst("section.related");
            assertEquals("انظر أيضاً", related.selectFirst("h2").text());
            assertEquals(List.of(server.url("/articles/" + second), server.url("/articles/" + first)),
                    related.select("li a").eachAttr("href"));
            assertEquals(List.of(RtlText.RLM + "S-400 في الخبر الثاني", "الخبر الأول"), related.select("li a").eachText());

            assertEquals("https://images.example.org/3.jpg", page.selectFirst("article figure img").attr("src"));
            assertEquals("صورة الخبر", page.selectFirst("article figure figcaption").text());
            assertEquals("الخبر الثالث — نص الخبر الكامل.", page.selectFirst("article div.body p").text());
        }
    }

    @Test
    void a_title_opening_with_latin_gets_a_right_to_left_mark_on_pages() {
        try (TestServer server = TestServer.start(dataDir)) {
            long id = server.create(Articles.article("5G تصل إلى دمشق").toString()).get("id").asLong();
            assertEquals(RtlText.RLM + "5G تصل إلى دمشق", page(server, "/articles/" + id).selectFirst("article h1").text());
            assertEquals(RtlText.RLM + "5G تصل إلى دمشق", page(server, "/").selectFirst("ol.articles h2 a").text());
        }
    }

    @Test
    void dates_read_the_arabic_way_and_time_datetime_is_the_published_instant() {
        try (TestServer server = TestServer.start(dataDir)) {
            ObjectNode json = Articles.article("خبر مؤرخ");
            json.put("published", "2020-10-25T10:00:00+03:00");
            long id = server.create(json.toString()).get("id").asLong();

            for (String path : List.of("/articles/" + id, "/", "/category/politics", "/author/nizar-samir")) {
                Element time = page(server, path).selectFirst("main time");
                assertEquals(Instant.parse("2020-10-25T07:00:00Z"), Instant.parse(time.attr("datetime")), path);
                assertEquals("الأحد ٢٥ أكتوبر ٢٠٢٠، ٧:٠٠ ص", time.text(), path);
            }
        }
    }

    @Test
    void dates_are_shown_in_the_configured_time_zone() {
        try (TestServer server = TestServer.start(dataDir, Map.of("KHULASA_TIMEZONE", "Asia/Tokyo"))) {
            ObjectNode json = Articles.article("خبر بعد منتصف الليل في طوكيو");
            json.put("published", "2020-10-24T16:30:00Z");
            long id = server.create(json.toString()).get("id").asLong();

            Element time = page(server, "/articles/" + id).selectFirst("main time");
            assertEquals(Instant.parse("2020-10-24T16:30:00Z"), Instant.parse(time.attr("datetime")));
            assertEquals("الأحد ٢٥ أكتوبر ٢٠٢٠، ١:٣٠ ص", time.text());
        }
    }

    @Test
    void hostile_text_and_html_posted_through_the_api_come_out_escaped_and_inert() {
        String title = "<script>alert(1)</script> & \"quoted\" 'single' <img src=x onerror=alert(2)>";
        String summary = "<a href=\"javascript:alert(3)\">click</a> & < > \" '";
        String categoryName = "\"><script>alert(4)</script><b onmouseover=alert(5)>";
        String authorName = "<iframe src=\"javascript:alert(6)\"></iframe> & co";
        String caption = "</figcaption><script>alert(7)</script>";
        try (TestServer server = TestServer.start(dataDir)) {
            long plain = server.create(Articles.article("خبر عادي").toString()).get("id").asLong();
            ObjectNode json = Articles.withRelated(Articles.article(title, "politics", "nizar-samir"), plain);
            json.put("summary", summary);
            json.put("body", "<p onclick=\"alert(8)\">نص</p><script>alert(9)</script>"
                    + "<a href=\"javascript:alert(10)\">رابط</a><a href=\" JaVaScRiPt:alert(11)\">رابط</a>"
                    + "<img src=\"https://images.example.org/a.png\" onerror=\"alert(12)\">"
                    + "<svg onload=\"alert(13)\"></svg><style>body{display:none}</style>");
            json.putObject("category").put("slug", "politics").put("name", categoryName);
            json.putObject("author").put("slug", "nizar-samir").put("name", authorName);
            json.putObject("image").put("url", "https://images.example.org/b.jpg").put("caption", caption);
            long id = server.create(json.toString()).get("id").asLong();
            // a later article that lists the hostile one in its "see also" (elsewhere: names follow the last post)
            long pointing = server.create(Articles.withRelated(Articles.article("خبر يشير", "sports", "omar-khatib"), id)
                    .toString())
                    .get("id").asLong();

            for (String path : List.of("/", "/articles/" + id, "/articles/" + pointing, "/category/politics",
                    "/author/nizar-samir", "/articles/999999")) {
                HttpResponse<String> response = server.get(path);
                // The one script element allowed is the JSON-LD data block, which nothing runs.
                assertTrue(response.body().toLowerCase(Locale.ROOT).split("<script").length
                        <= (path.startsWith("/articles/") ? 2 : 1), path);
                assertInert(Jsoup.parse(response.body(), server.url(path)), path);
            }

            Document page = page(server, "/articles/" + id);
            assertEquals(title, page.selectFirst("article h1").text());
            assertTrue(page.title().startsWith(title), page.title());
            assertEquals(summary, page.selectFirst("article p.summary").text());
            assertEquals(categoryName, page.select("nav.breadcrumb a").get(1).text());
            assertEquals(categoryName, page.select("header nav a[href$=/category/politics]").text());
            assertEquals(authorName, page.selectFirst("article a[rel=author]").text());
            assertEquals(caption, page.selectFirst("figcaption").text());
            assertEquals(title, page(server, "/articles/" + pointing).selectFirst("section.related a").text());
            assertEquals(title, page(server, "/").select("ol.articles h2 a").get(1).text());
            assertEquals(categoryName, page(server, "/category/politics").selectFirst("main h1").text());
        }
    }

    @Test
    void scheduled_article_is_on_no_page_until_its_time_then_appears_without_a_write() {
        SettableClock clock = new SettableClock(Instant.parse("2026-03-01T08:00:00Z"));
        try (TestServer server = TestServer.start(dataDir, Map.of(), clock)) {
            ObjectNode json = Articles.article("خبر مجدول", "sports", "omar-khatib");
            json.put("published", "2026-03-01T09:00:00Z");
            long scheduled = server.create(json.toString()).get("id").asLong();
            ObjectNode published = Articles.withRelated(Articles.article("خبر منشور"), scheduled);
            published.put("published", "2026-03-01T07:00:00Z");
            long pointing = server.create(published.toString()).get("id").asLong();
            String link = server.url("/articles/" + scheduled);
            List<String> lists = List.of("/", "/category/sports", "/author/omar-khatib");

            assertEquals(404, server.get("/articles/" + scheduled).statusCode());
            // Its section and writer have nothing out yet: their pages are not out either.
            assertEquals(404, server.get("/category/sports").statusCode());
            assertEquals(404, server.get("/author/omar-khatib").statusCode());
            assertTrue(page(server, "/").select("a[href=" + link + "]").isEmpty());
            assertTrue(page(server, "/articles/" + pointing).select("a[href=" + link + "]").isEmpty());

            clock.set(Instant.parse("2026-03-01T09:00:00Z"));

            assertEquals("خبر مجدول", page(server, "/articles/" + scheduled).selectFirst("article h1").text());
            for (String path : lists) {
                assertFalse(page(server, path).select("a[href=" + link + "]").isEmpty(), path);
            }
            assertFalse(page(server, "/articles/" + pointing).select("section.related a[href=" + link + "]").isEmpty());
        }
    }

    @Test
    void lists_are_newest_first_limited_and_only_their_own() {
        try (TestServer server = TestServer.start(dataDir, Map.of("KHULASA_FEED_SIZE", "2"))) {
            long oldest = create(server, "الأقدم", "politics", "nizar-samir", "2020-01-01T10:00:00Z");
            long newest = create(server, "الأحدث", "economy", "laila-haddad", "2020-01-03T10:00:00Z");
            long middle = create(server, "الأوسط", "politics", "laila-haddad", "2020-01-02T10:00:00Z");

            assertEquals(List.of(server.url("/articles/" + newest), server.url("/articles/" + middle)),
                    page(server, "/").select("ol.articles h2 a").eachAttr("href"));
            assertEquals(List.of(server.url("/articles/" + middle), server.url("/articles/" + oldest)),
                    page(server, "/category/politics").select("ol.articles h2 a").eachAttr("href"));
            assertEquals(List.of(server.url("/articles/" + newest), server.url("/articles/" + middle)),
                    page(server, "/author/laila-haddad").select("ol.articles h2 a").eachAttr("href"));
            assertEquals(List.of(server.url("/articles/" + oldest)),
                    page(server, "/author/nizar-samir").select("ol.articles h2 a").eachAttr("href"));
        }
    }

    @Test
    void unknown_or_malformed_slugs_and_ids_answer_an_arabic_404_page() {
        try (TestServer server = TestServer.start(dataDir)) {
            server.create(Articles.article("خبر").toString());
            for (String path : List.of("/articles/999999", "/articles/abc", "/articles/0", "/articles/-1",
                    "/articles/99999999999999999999", "/category/nope", "/category/Not_A_Slug",
                    "/author/nobody", "/author/%3Cscript%3E")) {
                HttpResponse<String> response = server.get(path);
                assertEquals(404, response.statusCode(), path);
                assertTrue(TestServer.header(response, "Content-Type").orElseThrow().startsWith("text/html"), path);
                Document page = Jsoup.parse(response.body(), server.url(path));
                assertEquals("rtl", page.selectFirst("html").attr("dir"), path);
                assertEquals(NOT_FOUND_HEADING, page.selectFirst("main h1").text(), path);
                assertEquals(server.url("/"), page.selectFirst("main a").attr("href"), path);
            }
        }
    }

    @Test
    void an_article_has_one_url_and_other_spellings_of_its_id_are_404_on_pages_and_refused_by_the_api() {
        try (TestServer server = TestServer.start(dataDir)) {
            long id = server.create(Articles.article("خبر").toString()).get("id").asLong();
            assertEquals(200, server.get("/articles/" + id).statusCode());
            // Long.parseLong reads each of these as the same number.
            for (String spelling : List.of("+" + id, "0" + id, "00" + id, digits(id, '\u0660'), digits(id, '\u06F0'),
                    digits(id, '\uFF10'))) {
                String encoded = URLEncoder.encode(spelling, StandardCharsets.UTF_8);
                HttpResponse<String> page = server.get("/articles/" + encoded);
                assertEquals(404, page.statusCode(), spelling);
                assertEquals(NOT_FOUND_HEADING, Jsoup.parse(page.body()).selectFirst("main h1").text(), spelling);
                HttpResponse<String> api = server.get("/api/articles/" + encoded);
                assertEquals(400, api.statusCode(), spelling);
                assertTrue(api.body().contains("\"id\""), api.body());
            }
        }
    }

    /** {@code id} written with the ten digits that start at {@code zero}. */
    private static String digits(long id, char zero) {
        StringBuilder out = new StringBuilder();
        for (char c : Long.toString(id).toCharArray()) {
            out.append((char) (zero + (c - '0')));
        }
        return out.toString();
    }

    @Test
    void a_page_seen_before_answers_304_to_its_etag_until_it_changes() {
        try (TestServer server = TestServer.start(dataDir)) {
            long id = server.create(Articles.article("خبر أول").toString()).get("id").asLong();
            for (String path : List.of("/", "/articles/" + id, "/category/politics", "/author/nizar-samir")) {
                HttpResponse<String> first = server.get(path);
                String etag = first.headers().firstValue("ETag").orElseThrow(() -> new AssertionError(path + " has no ETag"));
                assertTrue(etag.matches("\"[0-9a-f]{32}\""), etag); // strong: the plain bytes (no gzip asked)
                HttpResponse<String> again = server.get(path, "If-None-Match", etag);
                assertEquals(304, again.statusCode(), path);
                assertEquals("", again.body(), path);
                assertEquals(etag, again.headers().firstValue("ETag").orElse(null), path);
                assertFalse(again.headers().firstValue("Content-Type").isPresent(), path);
                // Javalin gzips pages on request: shared caches must store the two codings apart.
                assertEquals("Accept-Encoding", first.headers().firstValue("Vary").orElse(null), path);
                assertEquals("Accept-Encoding", again.headers().firstValue("Vary").orElse(null), path);
                assertEquals(200, server.get(path, "If-None-Match", "W/\"other\"").statusCode(), path);
            }
            String home = server.get("/").headers().firstValue("ETag").orElseThrow();
            assertEquals(200, server.put("/api/articles/" + id, Articles.article("خبر معدّل").toString()).statusCode());
            HttpResponse<String> changed = server.get("/", "If-None-Match", home);
            assertEquals(200, changed.statusCode(), "the edited title changes the home page");
            assertTrue(changed.body().contains("خبر معدّل"));
            assertFalse(changed.headers().firstValue("ETag").orElseThrow().equals(home));
            // A 404 page is never a validator.
            assertFalse(server.get("/articles/999999").headers().firstValue("ETag").isPresent());
        }
    }

    @Test
    void pages_send_security_headers_and_load_nothing_but_their_stylesheet() {
        try (TestServer server = TestServer.start(dataDir)) {
            long id = server.create(Articles.article("خبر").toString()).get("id").asLong();
            for (String path : List.of("/", "/articles/" + id, "/category/politics", "/author/nizar-samir", "/articles/0")) {
                HttpResponse<String> response = server.get(path);
                String type = TestServer.header(response, "Content-Type").orElseThrow().toLowerCase(Locale.ROOT);
                assertTrue(type.startsWith("text/html") && type.replace(" ", "").contains(";charset=utf-8"), type);
                assertEquals("ar", TestServer.header(response, "Content-Language").orElseThrow(), path);
                assertEquals("nosniff", TestServer.header(response, "X-Content-Type-Options").orElseThrow(), path);
                assertEquals("strict-origin-when-cross-origin",
                        TestServer.header(response, "Referrer-Policy").orElseThrow(), path);
                String csp = TestServer.header(response, "Content-Security-Policy").orElseThrow();
                assertTrue(csp.contains("default-src 'self'") && csp.contains("script-src 'none'")
                        && csp.contains("img-src 'self' https:"), csp);

                Document page = Jsoup.parse(response.body(), server.url(path));
                assertTrue(page.select("script:not([type=application/ld+json]), style, [style]").isEmpty(), path);
                assertEquals(1, page.select("link[rel=stylesheet]").size(), path);
            }

            String css = page(server, "/").selectFirst("link[rel=stylesheet]").attr("href");
            assertTrue(css.startsWith("/assets/site.css"), css);
            HttpResponse<String> response = server.get(css);
            assertEquals(200, response.statusCode());
            assertTrue(TestServer.header(response, "Content-Type").orElseThrow().startsWith("text/css"));
            assertTrue(TestServer.header(response, "Cache-Control").orElseThrow().contains("max-age="));
            assertTrue(response.body().contains("body"));
        }
    }

    // ---- helpers ---------------------------------------------------------------------------------

    /** A clock that stands still until the test moves it. */

    private static Document page(TestServer server, String path) {
        HttpResponse<String> response = server.get(path);
        assertEquals(200, response.statusCode(), path + ": " + response.body());
        return Jsoup.parse(response.body(), server.url(path));
    }

    private static long create(TestServer server, String title, String category, String author, String published) {
        ObjectNode json = Articles.article(title, category, author);
        json.put("published", published);
        return server.create(json.toString()).get("id").asLong();
    }

    /** The href of the autodiscovery link of {@code type} whose href ends with {@code suffix}. */
    private static String alternate(Document page, String type, String suffix) {
        return page.select("head link[rel=alternate][type=" + type + "]").eachAttr("href").stream()
                .filter(href -> href.endsWith(suffix)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + type + " link ending " + suffix));
    }

    private static List<String> alternates(Document page) {
        for (Element link : page.select("head link[rel=alternate]")) {
            assertFalse(link.attr("title").isBlank());
            assertTrue(List.of("application/rss+xml", "application/atom+xml", "application/feed+json").contains(link.attr("type")));
        }
        return page.select("head link[rel=alternate]").eachAttr("href");
    }

    /** Nothing in the page can run: no script or frame, no event handler, no javascript: URL. */
    private static void assertInert(Document page, String path) {
        assertTrue(page.select("script:not([type=application/ld+json]), iframe, object, embed, svg, style").isEmpty(), path);
        for (Element element : page.getAllElements()) {
            for (Attribute attribute : element.attributes()) {
                String name = attribute.getKey().toLowerCase(Locale.ROOT);
                assertFalse(name.startsWith("on"), path + ": " + element.cssSelector() + " has " + name);
                String value = attribute.getValue().replaceAll("\\s", "").toLowerCase(Locale.ROOT);
                assertFalse(value.startsWith("javascript:"), path + ": " + element.cssSelector() + " " + name);
            }
        }
        assertNotNull(page.selectFirst("main"), path);
    }
}
