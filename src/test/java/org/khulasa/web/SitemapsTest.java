package org.khulasa.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.khulasa.Articles;
import org.khulasa.SettableClock;
import org.khulasa.TestServer;

/**
 * /sitemap.xml, its pages, /news-sitemap.xml and /robots.txt over HTTP, each sitemap validated
 * by xmllint against the protocol's XML schemas (test resources under xsd/).
 */
class SitemapsTest {
    private static final Instant NOW = Instant.parse("2026-03-10T12:00:00Z");

    @TempDir
    Path dataDir;

    @Test
    void robots_txt_announces_both_sitemaps_and_keeps_crawlers_out_of_the_api() {
        try (TestServer server = TestServer.start(dataDir)) {
            HttpResponse<String> robots = server.get("/robots.txt");
            assertEquals(200, robots.statusCode());
            assertTrue(TestServer.header(robots, "Content-Type").orElseThrow().startsWith("text/plain"));
            List<String> lines = robots.body().lines().toList();
            assertTrue(lines.contains("Sitemap: " + server.url("/sitemap.xml")), robots.body());
            assertTrue(lines.contains("Sitemap: " + server.url("/news-sitemap.xml")), robots.body());
            assertTrue(lines.contains("Disallow: /api/"), robots.body());
        }
    }

    @Test
    void the_sitemap_index_and_its_pages_list_every_published_article_once_and_validate() throws Exception {
        SettableClock clock = new SettableClock(NOW);
        try (TestServer server = TestServer.start(dataDir, Map.of("KHULASA_SITEMAP_PAGE_SIZE", "2"), clock)) {
            List<String> published = new ArrayList<>();
            for (int i = 1; i <= 5; i++) {
                published.add(server.url("/articles/" + create(server, "خبر " + i, NOW.minus(Duration.ofDays(i)))));
            }
            String scheduled = server.url("/articles/" + create(server, "خبر مجدول", NOW.plus(Duration.ofHours(1))));

            assertEquals(new TreeSet<>(published), new TreeSet<>(crawl(server)));

            clock.advance(Duration.ofHours(2));
            List<String> later = crawl(server);
            assertTrue(later.contains(scheduled), "a scheduled article joins the sitemap when it comes out, without a write");
            assertEquals(6, later.size());
        }
    }

    @Test
    void the_news_sitemap_lists_the_last_two_days_with_publication_name_and_language_and_validates() throws Exception {
        SettableClock clock = new SettableClock(NOW);
        try (TestServer server = TestServer.start(dataDir, Map.of(), clock)) {
            long recent = create(server, "خبر اليوم", NOW.minus(Duration.ofHours(3)));
            create(server, "خبر قديم", NOW.minus(Duration.ofDays(3)));
            create(server, "خبر مجدول", NOW.plus(Duration.ofHours(1)));

            HttpResponse<String> response = server.get("/news-sitemap.xml");
            assertEquals(200, response.statusCode());
            assertTrue(TestServer.header(response, "Content-Type").orElseThrow().startsWith("application/xml"));
            validate(response.body(), "news-sitemap.xsd");
            Document xml = xml(response.body());
            assertEquals(List.of(server.url("/articles/" + recent)), xml.select("url > loc").eachText());
            assertEquals(server.config.siteTitle(), xml.selectFirst("news|publication > news|name").text());
            assertEquals("ar", xml.selectFirst("news|publication > news|language").text());
            assertEquals("خبر اليوم", xml.selectFirst("news|title").text());
            assertEquals(NOW.minus(Duration.ofHours(3)), Instant.parse(xml.selectFirst("news|publication_date").text()));

            // Two days on, without any write, the article has left it and the scheduled one has come.
            clock.advance(Duration.ofDays(2));
            assertEquals(List.of("خبر مجدول"), xml(server.get("/news-sitemap.xml").body()).select("news|title").eachText());
        }
    }

    @Test
    void sitemaps_answer_304_to_their_etag_until_a_write_changes_them() {
        try (TestServer server = TestServer.start(dataDir)) {
            long id = create(server, "خبر", Instant.now().minus(Duration.ofHours(1)));
            for (String path : List.of("/sitemap.xml", "/sitemaps/1.xml", "/news-sitemap.xml", "/robots.txt")) {
                HttpResponse<String> first = server.get(path);
                assertEquals(200, first.statusCode(), path);
                String etag = TestServer.header(first, "ETag").orElseThrow();
                assertTrue(TestServer.header(first, "Last-Modified").isPresent(), path);
                assertEquals(304, server.get(path, "If-None-Match", etag).statusCode(), path);
            }
            String news = TestServer.header(server.get("/news-sitemap.xml"), "ETag").orElseThrow();
            String index = TestServer.header(server.get("/sitemap.xml"), "ETag").orElseThrow();
            assertEquals(200, server.put("/api/articles/" + id, Articles.article("خبر معدل").toString()).statusCode());
            HttpResponse<String> retitled = server.get("/news-sitemap.xml", "If-None-Match", news);
            assertEquals(200, retitled.statusCode());
            assertTrue(retitled.body().contains("خبر معدل"));
            assertEquals(204, server.delete("/api/articles/" + id).statusCode());
            HttpResponse<String> emptied = server.get("/sitemap.xml", "If-None-Match", index);
            assertEquals(200, emptied.statusCode());
            assertFalse(emptied.body().contains("/articles/"), emptied.body());
        }
    }

    @Test
    void a_site_with_no_published_article_lists_its_home_page_in_valid_sitemaps() throws Exception {
        try (TestServer server = TestServer.start(dataDir)) {
            create(server, "خبر مجدول", Instant.now().plus(Duration.ofDays(1)));
            assertEquals(List.of(server.url("/")), crawl(server));
            HttpResponse<String> news = server.get("/news-sitemap.xml");
            validate(news.body(), "news-sitemap.xsd");
            assertEquals(List.of(server.url("/")), xml(news.body()).select("url > loc").eachText());
            assertEquals(404, server.get("/sitemaps/2.xml").statusCode());
        }
    }

    @Test
    void with_nothing_from_the_last_two_days_the_news_sitemap_lists_the_newest_article_without_news_tags() throws Exception {
        SettableClock clock = new SettableClock(NOW);
        try (TestServer server = TestServer.start(dataDir, Map.of(), clock)) {
            create(server, "خبر أقدم", NOW.minus(Duration.ofDays(5)));
            long newest = create(server, "خبر قبل ثلاثة أيام", NOW.minus(Duration.ofDays(3)));
            HttpResponse<String> response = server.get("/news-sitemap.xml");
            assertEquals(200, response.statusCode());
            validate(response.body(), "news-sitemap.xsd");
            Document xml = xml(response.body());
            assertEquals(List.of(server.url("/articles/" + newest)), xml.select("url > loc").eachText());
            assertTrue(xml.select("news|news").isEmpty(), response.body());

            // A new article takes its place, with its news tags.
            long fresh = create(server, "خبر الساعة", NOW.minus(Duration.ofMinutes(5)));
            Document after = xml(server.get("/news-sitemap.xml").body());
            assertEquals(List.of(server.url("/articles/" + fresh)), after.select("url > loc").eachText());
            assertEquals(List.of("خبر الساعة"), after.select("news|title").eachText());
        }
    }

    @Test
    void a_sitemap_page_that_lists_nothing_or_is_misspelled_is_404() {
        try (TestServer server = TestServer.start(dataDir)) {
            create(server, "خبر", Instant.now().minus(Duration.ofHours(1)));
            for (String path : List.of("/sitemaps/2.xml", "/sitemaps/0.xml", "/sitemaps/01.xml", "/sitemaps/abc",
                    "/sitemaps/1", "/sitemaps/99999999999999999999.xml")) {
                assertEquals(404, server.get(path).statusCode(), path);
            }
        }
    }

    /** Every article URL the index leads to, each index and page checked against its schema. */
    private List<String> crawl(TestServer server) throws Exception {
        HttpResponse<String> index = server.get("/sitemap.xml");
        assertEquals(200, index.statusCode());
        validate(index.body(), "siteindex.xsd");
        List<String> articles = new ArrayList<>();
        for (Element sitemap : xml(index.body()).select("sitemap")) {
            String loc = sitemap.selectFirst("loc").text();
            assertTrue(loc.startsWith(server.url("/sitemaps/")), loc);
            if (sitemap.selectFirst("lastmod") != null) {
                Instant.parse(sitemap.selectFirst("lastmod").text());
            }
            HttpResponse<String> page = server.get(URI.create(loc).getPath());
            assertEquals(200, page.statusCode(), loc);
            validate(page.body(), "sitemap.xsd");
            for (Element url : xml(page.body()).select("url")) {
                String listed = url.selectFirst("loc").text();
                if (!listed.equals(server.url("/"))) {
                    Instant.parse(url.selectFirst("lastmod").text());
                }
                articles.add(listed);
            }
        }
        assertEquals(articles.size(), new TreeSet<>(articles).size(), "each article once: " + articles);
        return articles;
    }

    private static long create(TestServer server, String title, Instant published) {
        ObjectNode json = Articles.article(title);
        json.put("published", published.toString());
        return server.create(json.toString()).get("id").asLong();
    }

    private static Document xml(String body) {
        return Jsoup.parse(body, "", Parser.xmlParser());
    }

    /** Runs {@code xmllint --schema} on {@code xml}; fails the test with its message when invalid. */
    private void validate(String xml, String schema) throws IOException, InterruptedException, URISyntaxException {
        Path file = Files.createTempFile(dataDir, "sitemap", ".xml");
        Files.writeString(file, xml, StandardCharsets.UTF_8);
        Path xsd = Path.of(SitemapsTest.class.getResource("/xsd/" + schema).toURI());
        Process lint = new ProcessBuilder("xmllint", "--noout", "--schema", xsd.toString(), file.toString())
                .redirectErrorStream(true).start();
        String out = new String(lint.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(lint.waitFor(30, TimeUnit.SECONDS), "xmllint did not finish");
        assertEquals(0, lint.exitValue(), out + "\n" + xml);
        assertFalse(out.contains("fails"), out);
    }
}
