package org.khulasa.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.khulasa.Articles;
import org.khulasa.FeedXml;
import org.khulasa.Feedparser;
import org.khulasa.TestServer;
import org.w3c.dom.Node;

/** RFC 5005 archived feeds: walking back from each current feed finds every article once. */
class ArchivedFeedsTest {
    private static final int ARCHIVE_SIZE = 10;
    private static final Map<String, String> ENV = Map.of("KHULASA_ARCHIVE_SIZE", String.valueOf(ARCHIVE_SIZE),
            "KHULASA_FEED_SIZE", "5");

    @TempDir
    Path dataDir;

    @Test
    void walking_back_from_every_current_feed_visits_each_published_article_exactly_once() throws Exception {
        try (TestServer server = TestServer.start(dataDir, ENV)) {
            Map<Long, String[]> published = new LinkedHashMap<>(); // id -> {category, author}
            Instant start = Instant.now().minus(40, ChronoUnit.DAYS);
            for (int i = 0; i < 34; i++) {
                String category = i % 3 == 0 ? "sports" : "politics";
                String author = i % 4 == 0 ? "omar-khatib" : "nizar-samir";
                ObjectNode article = Articles.article("خبر رقم " + i, category, author);
                // Out of order in time: archive pages follow ids, feeds follow publication.
                article.put("published", start.plus((i * 7L) % 34, ChronoUnit.DAYS).toString());
                published.put(server.create(article.toString()).get("id").asLong(), new String[] {category, author});
            }
            long deleted = published.keySet().stream().skip(12).findFirst().orElseThrow();
            assertEquals(204, server.delete("/api/articles/" + deleted).statusCode());
            published.remove(deleted);
            ObjectNode scheduled = Articles.article("خبر لم يحن وقته", "politics", "nizar-samir");
            scheduled.put("published", Instant.now().plus(30, ChronoUnit.DAYS).toString());
            server.create(scheduled.toString());

            Map<String, Set<Long>> scopes = new LinkedHashMap<>();
            scopes.put("/feeds/", published.keySet());
            scopes.put("/feeds/category/sports/", ids(published, 0, "sports"));
            scopes.put("/feeds/author/omar-khatib/", ids(published, 1, "omar-khatib"));
            for (Map.Entry<String, Set<Long>> scope : scopes.entrySet()) {
                for (String file : List.of("atom.xml", "rss.xml", "feed.json")) {
                    assertEquals(scope.getValue(), walkBack(server, scope.getKey(), file), scope.getKey() + file);
                }
            }
        }
    }

    @Test
    void a_closed_page_keeps_its_bytes_and_long_caching_until_one_of_its_articles_is_edited() {
        try (TestServer server = TestServer.start(dataDir, ENV)) {
            List<Long> ids = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                ids.add(server.create(Articles.article("خبر " + i).toString()).get("id").asLong());
            }
            long page = (ids.get(0) - 1) / ARCHIVE_SIZE;
            String closedPath = "/feeds/archive/" + page + "/atom.xml";
            HttpResponse<byte[]> closed = server.getBytes(closedPath);
            assertEquals(200, closed.statusCode());
            assertEquals("public, max-age=86400", TestServer.header(closed, "Cache-Control").orElseThrow());
            long newest = (ids.get(11) - 1) / ARCHIVE_SIZE;
            HttpResponse<byte[]> open = server.getBytes("/feeds/archive/" + newest + "/atom.xml");
            assertEquals("public, max-age=300", TestServer.header(open, "Cache-Control").orElseThrow());

            server.create(Articles.article("خبر أحدث").toString());
            HttpResponse<byte[]> again = server.getBytes(closedPath);
            assertArrayEquals(closed.body(), again.body());
            assertEquals(TestServer.header(closed, "ETag"), TestServer.header(again, "ETag"));

            long inClosedPage = ids.stream().filter(id -> (id - 1) / ARCHIVE_SIZE == page).findFirst().orElseThrow();
            server.put("/api/articles/" + inClosedPage, Articles.article("خبر معدّل").toString());
            HttpResponse<byte[]> edited = server.getBytes(closedPath);
            assertFalse(java.util.Arrays.equals(closed.body(), edited.body()));
            assertTrue(new String(edited.body(), java.nio.charset.StandardCharsets.UTF_8).contains("خبر معدّل"));
        }
    }

    @Test
    void pages_holding_none_of_a_feed_articles_and_malformed_pages_are_404() {
        try (TestServer server = TestServer.start(dataDir, ENV)) {
            server.create(Articles.article("خبر", "politics", "nizar-samir").toString());
            assertEquals(404, server.get("/feeds/archive/5/atom.xml").statusCode());
            assertEquals(404, server.get("/feeds/archive/-1/atom.xml").statusCode());
            assertEquals(404, server.get("/feeds/archive/01/rss.xml").statusCode());
            assertEquals(404, server.get("/feeds/archive/99999999999999999999/feed.json").statusCode());
            assertEquals(404, server.get("/feeds/category/sports/archive/0/atom.xml").statusCode());
            assertEquals(200, server.get("/feeds/category/politics/archive/0/atom.xml").statusCode());
        }
    }

    /**
     * Follows prev-archive from the current feed to the oldest page, checking each page as
     * RFC 5005 section 4 asks, and answers the article ids met; fails on any id met twice.
     */
    private static Set<Long> walkBack(TestServer server, String scope, String file) throws Exception {
        String current = server.url(scope + file);
        String next = prevArchive(server, FeedsTest.feed(server, scope + file), file);
        Set<Long> seen = new HashSet<>();
        String newer = null;
        int pages = 0;
        while (next != null) {
            assertTrue(pages++ < 100, "prev-archive loops");
            String path = next.substring(server.url("").length());
            HttpResponse<byte[]> response = server.getBytes(path);
            assertEquals(200, response.statusCode(), path);
            byte[] bytes = response.body();
            List<Long> ids = new ArrayList<>();
            if (file.equals("feed.json")) {
                JsonNode page = TestServer.JSON.readTree(bytes);
                assertTrue(page.get("_khulasa").get("archive").asBoolean());
                assertEquals(current, page.get("_khulasa").get("current").asText());
                assertEquals(newer, page.get("_khulasa").has("next_archive") ? page.get("_khulasa").get("next_archive").asText() : null);
                page.get("items").forEach(item -> ids.add(idOf(item.get("id").asText())));
            } else {
                FeedXml xml = FeedXml.parse(bytes);
                String root = file.equals("atom.xml") ? "/a:feed" : "/rss/channel";
                String id = file.equals("atom.xml") ? "a:entry/a:id" : "item/guid";
                assertEquals(1, xml.nodes(root + "/*[local-name()='archive' and namespace-uri()='http://purl.org/syndication/history/1.0']").size());
                assertEquals(current, xml.text(root + "/a:link[@rel='current']/@href"));
                assertEquals(next, xml.text(root + "/a:link[@rel='self']/@href"));
                String nextArchive = xml.text(root + "/a:link[@rel='next-archive']/@href");
                assertEquals(newer, nextArchive.isEmpty() ? null : nextArchive);
                for (Node node : xml.nodes(xml.nodes(root).get(0), id)) {
                    ids.add(idOf(node.getTextContent()));
                }
                JsonNode parsed = Feedparser.parse(bytes, file.equals("atom.xml") ? "application/atom+xml" : "application/rss+xml");
                assertEquals(0, parsed.get("bozo").asInt(), parsed.get("bozo_exception").asText());
                assertEquals(ids.size(), parsed.get("entries").size());
            }
            assertFalse(ids.isEmpty(), path);
            assertTrue(ids.size() <= ARCHIVE_SIZE, path);
            for (long id : ids) {
                assertTrue(seen.add(id), "article " + id + " met twice, again in " + path);
            }
            newer = next;
            next = prevArchive(server, bytes, file);
        }
        return seen;
    }

    private static String prevArchive(TestServer server, byte[] bytes, String file) throws Exception {
        if (file.equals("feed.json")) {
            JsonNode feed = TestServer.JSON.readTree(bytes);
            return feed.has("next_url") ? feed.get("next_url").asText() : null;
        }
        FeedXml xml = FeedXml.parse(bytes);
        String href = xml.text((file.equals("atom.xml") ? "/a:feed" : "/rss/channel") + "/a:link[@rel='prev-archive']/@href");
        assertNotNull(server);
        return href.isEmpty() ? null : href;
    }

    private static long idOf(String tag) {
        return Long.parseLong(tag.substring(tag.lastIndexOf(':') + 1));
    }

    private static Set<Long> ids(Map<Long, String[]> articles, int field, String value) {
        Set<Long> ids = new HashSet<>();
        articles.forEach((id, scope) -> {
            if (scope[field].equals(value)) {
                ids.add(id);
            }
        });
        return ids;
    }
}
