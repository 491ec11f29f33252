package org.khulasa.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.khulasa.Articles;
import org.khulasa.FeedXml;
import org.khulasa.TestServer;
import org.w3c.dom.Node;

/**
 * JSON Feed 1.1, checked against the specification's fields. (Debian's Python feedparser, 6.0.x,
 * reads no JSON Feed: its JSON parser came after that release.)
 */
class JsonFeedTest {
    /** https://jsonfeed.org/version/1.1: every top-level and item key the specification defines. */
    private static final Set<String> FEED_KEYS = Set.of("version", "title", "home_page_url", "feed_url", "description",
            "user_comment", "next_url", "icon", "favicon", "authors", "language", "expired", "hubs", "items");
    private static final Set<String> ITEM_KEYS = Set.of("id", "url", "external_url", "title", "content_html",
            "content_text", "summary", "image", "banner_image", "date_published", "date_modified", "authors", "tags",
            "language", "attachments");
    private static final String BLOCKS = "p, h2, h3, h4, h5, h6, ul, ol, li, blockquote, figcaption";

    @TempDir
    Path dataDir;

    @Test
    void site_feed_has_every_required_field_of_json_feed_1_1_and_atom_ids() throws Exception {
        try (TestServer server = TestServer.start(dataDir)) {
            long first = server.create(Articles.article("S-400 في الخبر الأول").toString()).get("id").asLong();
            ObjectNode second = Articles.withRelated(Articles.article("الخبر الثاني"), first);
            second.putObject("image").put("url", "https://images.example.org/a.jpg").put("type", "image/jpeg");
            long secondId = server.create(second.toString()).get("id").asLong();

            HttpResponse<byte[]> response = server.getBytes("/feeds/feed.json");
            assertEquals(200, response.statusCode());
            assertEquals("application/feed+json; charset=utf-8", TestServer.header(response, "Content-Type").orElseThrow());
            assertEquals("ar", TestServer.header(response, "Content-Language").orElseThrow());
            JsonNode feed = TestServer.JSON.readTree(response.body());

            assertSpecFields(feed);
            assertEquals("https://jsonfeed.org/version/1.1", feed.get("version").asText());
            assertEquals("ar", feed.get("language").asText());
            assertEquals(server.url("/feeds/feed.json"), feed.get("feed_url").asText());
            assertEquals(server.url("/"), feed.get("home_page_url").asText());

            FeedXml atom = FeedXml.parse(FeedsTest.feed(server, "/feeds/atom.xml"));
            List<String> atomIds = atom.nodes("/a:feed/a:entry/a:id").stream().map(Node::getTextContent).toList();
            List<String> ids = new ArrayList<>();
            feed.get("items").forEach(item -> ids.add(item.get("id").asText()));
            assertEquals(atomIds, ids);

            JsonNode newest = feed.get("items").get(0);
            assertEquals(server.url("/articles/" + secondId), newest.get("url").asText());
            assertEquals("\u2067الخبر الثاني\u2069", newest.get("title").asText());
            assertEquals("https://images.example.org/a.jpg", newest.get("image").asText());
            assertEquals(List.of("أخبار"), List.of(newest.get("tags").get(0).asText()));
            assertEquals("ملخص: الخبر الثاني", newest.get("summary").asText());
            assertEquals("الكاتب nizar-samir", newest.get("authors").get(0).get("name").asText());
            assertEquals(atom.text("/a:feed/a:entry[1]/a:published"), newest.get("date_published").asText());
            assertEquals(atom.text("/a:feed/a:entry[1]/a:updated"), newest.get("date_modified").asText());
            JsonNode related = newest.get("_khulasa").get("related").get(0);
            assertEquals(server.url("/articles/" + first), related.get("url").asText());
            assertEquals(atomIds.get(1), related.get("id").asText());
            assertEquals("\u200FS-400 في الخبر الأول", related.get("title").asText());
            assertEquals("\u2067\u200FS-400 في الخبر الأول\u2069", feed.get("items").get(1).get("title").asText());
            assertEquals("politics", newest.get("_khulasa").get("category").get("slug").asText());
            for (JsonNode item : feed.get("items")) {
                assertRtlContent(item.get("content_html").asText());
            }
        }
    }

    @Test
    void category_and_author_feeds_hold_only_their_articles_and_unknown_slugs_are_404() throws Exception {
        try (TestServer server = TestServer.start(dataDir)) {
            server.create(Articles.article("رياضة", "sports", "omar-khatib").toString());
            server.create(Articles.article("سياسة", "politics", "nizar-samir").toString());
            JsonNode sports = TestServer.JSON.readTree(FeedsTest.feed(server, "/feeds/category/sports/feed.json"));
            assertSpecFields(sports);
            assertEquals(1, sports.get("items").size());
            assertEquals("\u2067رياضة\u2069", sports.get("items").get(0).get("title").asText());
            assertEquals(server.url("/feeds/category/sports/feed.json"), sports.get("feed_url").asText());
            JsonNode author = TestServer.JSON.readTree(FeedsTest.feed(server, "/feeds/author/nizar-samir/feed.json"));
            assertSpecFields(author);
            assertEquals(List.of("\u2067سياسة\u2069"), List.of(author.get("items").get(0).get("title").asText()));
            assertEquals(1, author.get("items").size());
            assertEquals("الكاتب nizar-samir", author.get("authors").get(0).get("name").asText());
            assertEquals(404, server.get("/feeds/category/nothing/feed.json").statusCode());
            assertEquals(404, server.get("/feeds/author/nobody/feed.json").statusCode());
        }
    }

    @Test
    void json_feed_answers_conditional_polls_with_304_and_gzip_when_asked() throws Exception {
        try (TestServer server = TestServer.start(dataDir)) {
            server.create(Articles.article("خبر").toString());
            server.awaitChangesBehindClock(); // until then each answer's Last-Modified is its own time
            HttpResponse<byte[]> first = server.getBytes("/feeds/feed.json");
            String etag = TestServer.header(first, "ETag").orElseThrow();
            String lastModified = TestServer.header(first, "Last-Modified").orElseThrow();
            assertEquals("public, max-age=300", TestServer.header(first, "Cache-Control").orElseThrow());
            assertEquals(304, server.getBytes("/feeds/feed.json", "If-None-Match", etag).statusCode());
            assertEquals(304, server.getBytes("/feeds/feed.json", "If-Modified-Since", lastModified).statusCode());
            HttpResponse<byte[]> gzip = server.getBytes("/feeds/feed.json", "Accept-Encoding", "gzip");
            assertEquals("gzip", TestServer.header(gzip, "Content-Encoding").orElseThrow());
            try (GZIPInputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(gzip.body()))) {
                assertEquals(new String(first.body(), java.nio.charset.StandardCharsets.UTF_8),
                        new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
            }
        }
    }

    @Test
    void pages_announce_the_json_feeds_for_autodiscovery() {
        try (TestServer server = TestServer.start(dataDir)) {
            server.create(Articles.article("خبر", "sports", "omar-khatib").toString());
            List<String> announced = Jsoup.parse(server.get("/category/sports").body())
                    .select("head link[rel=alternate][type=application/feed+json]").eachAttr("href");
            assertEquals(List.of(server.url("/feeds/feed.json"), server.url("/feeds/category/sports/feed.json")), announced);
        }
    }

    /** Required fields, known keys only (extensions start with "_"), RFC 3339 UTC dates. */
    private static void assertSpecFields(JsonNode feed) {
        assertTrue(feed.get("title").isTextual() && !feed.get("title").asText().isBlank());
        assertTrue(feed.get("items").isArray());
        feed.fieldNames().forEachRemaining(key -> assertTrue(FEED_KEYS.contains(key) || key.startsWith("_"), key));
        for (JsonNode author : feed.get("authors")) {
            assertTrue(author.has("name") || author.has("url") || author.has("avatar"));
        }
        for (JsonNode item : feed.get("items")) {
            item.fieldNames().forEachRemaining(key -> assertTrue(ITEM_KEYS.contains(key) || key.startsWith("_"), key));
            assertTrue(item.get("id").isTextual() && !item.get("id").asText().isEmpty());
            assertTrue(item.has("content_html") || item.has("content_text"));
            for (String date : List.of("date_published", "date_modified")) {
                String text = item.get(date).asText();
                assertTrue(text.endsWith("Z"), text);
                assertEquals(ZoneOffset.UTC, OffsetDateTime.parse(text).getOffset());
                assertTrue(Instant.parse(text).isAfter(Instant.EPOCH));
            }
        }
    }

    private static void assertRtlContent(String html) {
        Element wrapper = Jsoup.parseBodyFragment(html).body().child(0);
        assertEquals("rtl", wrapper.attr("dir"));
        assertEquals("ar", wrapper.attr("lang"));
        for (Element block : wrapper.select(BLOCKS)) {
            assertEquals("rtl", block.attr("dir"), block.outerHtml());
        }
    }
}
