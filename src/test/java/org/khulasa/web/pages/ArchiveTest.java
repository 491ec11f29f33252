package org.khulasa.web.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.khulasa.Articles;
import org.khulasa.TestServer;

/** Every published article can be reached by following links from the home page; list pages page back through the archive. */
class ArchiveTest {
    @TempDir
    Path dataDir;

    @Test
    void a_crawl_from_the_home_page_reaches_every_published_article_and_no_scheduled_one() {
        try (TestServer server = TestServer.start(dataDir, Map.of("KHULASA_FEED_SIZE", "2"))) {
            Set<String> published = new TreeSet<>();
            String[] categories = {"politics", "economy", "sports"};
            String[] authors = {"nizar-samir", "laila-haddad"};
            for (int i = 0; i < 13; i++) {
                // Four share one publication time: a page boundary falls among them.
                String at = i < 4 ? "2020-01-01T10:00:00Z" : "2020-01-%02dT10:00:00Z".formatted(i + 1);
                published.add(server.url("/articles/" + create(server, "خبر " + i, categories[i % 3], authors[i % 2], at)));
            }
            String scheduled = server.url("/articles/" + create(server, "خبر مجدول", "politics", "nizar-samir",
                    Instant.now().plusSeconds(3600).toString()));

            Set<String> reached = crawl(server, 300);

            Set<String> articles = new TreeSet<>();
            reached.stream().filter(u -> u.contains("/articles/")).forEach(articles::add);
            assertEquals(published, articles);
            assertFalse(reached.contains(scheduled));
        }
    }

    @Test
    void older_pages_have_stable_urls_rel_prev_and_next_and_list_each_article_once() {
        try (TestServer server = TestServer.start(dataDir, Map.of("KHULASA_FEED_SIZE", "3"))) {
            List<String> newestFirst = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String at = i < 3 ? "2020-02-01T10:00:00Z" : "2020-02-%02dT10:00:00Z".formatted(i);
                newestFirst.add(0, server.url("/articles/" + create(server, "خبر " + i, "politics", "nizar-samir", at)));
            }
            // Within one publication time, the higher id is listed first.
            newestFirst.subList(5, 8).sort((a, b) -> Long.compare(id(b), id(a)));

            List<String> seen = new ArrayList<>();
            List<String> pages = new ArrayList<>();
            String next = "/category/politics";
            while (next != null) {
                Document page = page(server, next);
                pages.add(page.selectFirst("link[rel=canonical]").attr("href"));
                seen.addAll(page.select("ol.articles h2 a").eachAttr("href"));
                Element headNext = page.selectFirst("head link[rel=next]");
                Element bodyNext = page.selectFirst("nav.pager a[rel=next]");
                assertEquals(headNext == null, bodyNext == null);
                next = headNext == null ? null : URI.create(headNext.attr("href")).getRawPath() + "?"
                        + URI.create(headNext.attr("href")).getRawQuery();
            }
            assertEquals(newestFirst, seen);
            assertEquals(3, pages.size());
            assertEquals(server.url("/category/politics"), pages.get(0));

            // Going back: each page's rel=prev is the page before it.
            for (int i = pages.size() - 1; i > 0; i--) {
                Document page = page(server, local(pages.get(i)));
                assertEquals(pages.get(i - 1), page.selectFirst("head link[rel=prev]").attr("href"));
                assertEquals(pages.get(i - 1), page.selectFirst("nav.pager a[rel=prev]").attr("href"));
            }
            assertNull(page(server, "/category/politics").selectFirst("link[rel=prev]"));

            // A later article leaves an older page's URL listing the same articles.
            List<String> second = page(server, local(pages.get(1))).select("ol.articles h2 a").eachAttr("href");
            create(server, "خبر أحدث", "politics", "nizar-samir", "2020-03-01T10:00:00Z");
            assertEquals(second, page(server, local(pages.get(1))).select("ol.articles h2 a").eachAttr("href"));
        }
    }

    @Test
    void a_malformed_cursor_is_a_404_page_never_a_500() {
        try (TestServer server = TestServer.start(dataDir)) {
            create(server, "خبر", "politics", "nizar-samir", "2020-02-01T10:00:00Z");
            for (String query : List.of("?before=yesterday&before_id=1", "?before=2020-02-01T10:00:00Z",
                    "?before_id=3", "?before=2020-02-01T10:00:00Z&before_id=-1", "?before=2020-02-01T10:00:00Z&before_id=x",
                    "?before=1999-01-01T00:00:00Z&before_id=1")) {
                for (String path : List.of("/", "/category/politics", "/author/nizar-samir")) {
                    assertEquals(404, server.get(path + query).statusCode(), path + query);
                }
            }
        }
    }

    @Test
    void images_get_their_caption_as_alt_and_list_pages_show_a_thumbnail() {
        try (TestServer server = TestServer.start(dataDir)) {
            ObjectNode json = Articles.article("خبر مصور");
            json.putObject("image").put("url", "https://images.example.org/p.jpg").put("caption", "المشهد من الجو");
            long id = server.create(json.toString()).get("id").asLong();
            assertEquals("المشهد من الجو", page(server, "/articles/" + id).selectFirst("article figure img").attr("alt"));
            for (String path : List.of("/", "/category/politics", "/author/nizar-samir")) {
                Element thumb = page(server, path).selectFirst("ol.articles a.thumb img");
                assertEquals("https://images.example.org/p.jpg", thumb.attr("src"), path);
                assertEquals("المشهد من الجو", thumb.attr("alt"), path);
                assertEquals(server.url("/articles/" + id), thumb.parent().attr("href"), path);
            }
        }
    }

    /** Pages of this site reached from {@code /} by links, at most {@code limit} of them. */
    private static Set<String> crawl(TestServer server, int limit) {
        Set<String> seen = new HashSet<>();
        Deque<String> queue = new ArrayDeque<>(List.of(server.url("/")));
        while (!queue.isEmpty()) {
            String url = queue.removeFirst();
            if (!seen.add(url)) {
                continue;
            }
            assertTrue(seen.size() <= limit, "more pages than any crawl of this site should find: " + seen.size());
            HttpResponse<String> response = server.get(local(url));
            assertEquals(200, response.statusCode(), url);
            for (Element a : Jsoup.parse(response.body(), url).select("a[href]")) {
                String href = a.absUrl("href");
                if (href.startsWith(server.url("/")) && !href.contains("/feeds/") && !seen.contains(href)) {
                    queue.addLast(href);
                }
            }
        }
        return seen;
    }

    private static String local(String url) {
        URI uri = URI.create(url);
        return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    private static long id(String articleUrl) {
        return Long.parseLong(articleUrl.substring(articleUrl.lastIndexOf('/') + 1));
    }

    private static long create(TestServer server, String title, String category, String author, String published) {
        ObjectNode json = Articles.article(title, category, author);
        json.put("published", published);
        return server.create(json.toString()).get("id").asLong();
    }

    private static Document page(TestServer server, String path) {
        HttpResponse<String> response = server.get(path);
        assertEquals(200, response.statusCode(), path + ": " + response.body());
        return Jsoup.parse(response.body(), server.url(path));
    }
}
