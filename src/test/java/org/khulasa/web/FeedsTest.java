package org.khulasa.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.khulasa.Articles;
import org.khulasa.FeedXml;
import org.khulasa.TestServer;
import org.w3c.dom.Node;

/** What the feeds say, read back by Rome and, independently, by the JDK's XML parser and XPath. */
class FeedsTest {
    private static final String BLOCKS = "p, h2, h3, h4, h5, h6, ul, ol, li, blockquote, figcaption";

    @TempDir
    Path dataDir;

    @Test
    void rss_carries_language_self_link_dates_creator_content_and_related_links() throws Exception {
        try (TestServer server = TestServer.start(dataDir)) {
            long first = server.create(Articles.article("الخبر الأول").toString()).get("id").asLong();
            ObjectNode second = Articles.withRelated(Articles.article("الخبر الثاني"), first);
            second.putObject("image").put("url", "https://images.example.org/a.jpg").put("type", "image/jpeg")
                    .put("caption", "تعليق الصورة");
            long secondId = server.create(second.toString()).get("id").asLong();

            byte[] bytes = feed(server, "/feeds/rss.xml");
            SyndFeed rome = rome(bytes);
            assertEquals(Stream.of("الخبر الثاني", "الخبر الأول").map(FeedXml::isolated).toList(), rome.getEntries().stream().map(SyndEntry::getTitle).toList());

            FeedXml xml = FeedXml.parse(bytes);
            assertEquals("ar", xml.text("/rss/channel/language"));
            assertEquals(server.url("/feeds/rss.xml"), xml.text("/rss/channel/a:link[@rel='self']/@href"));
            int ttl = Integer.parseInt(xml.text("/rss/channel/ttl"));
            assertTrue(ttl >= 10 && ttl <= 15, "ttl " + ttl);
            assertFalse(xml.text("/rss/channel/generator").isBlank());
            rfc822(xml.text("/rss/channel/lastBuildDate"));

            List<Node> items = xml.nodes("/rss/channel/item");
            assertEquals(2, items.size());
            for (Node item : items) {
                assertEquals("false", xml.text(item, "guid/@isPermaLink"));
                assertTrue(xml.text(item, "guid").startsWith("tag:"));
                assertEquals(rfc822(xml.text(item, "pubDate")), Instant.parse(xml.text(item, "dc:date")));
                assertFalse(xml.text(item, "dc:creator").isBlank());
                assertFalse(xml.text(item, "category").isBlank());
                assertFalse(xml.text(item, "description").isBlank());
                assertRtlContent(xml.text(item, "content:encoded"));
            }
            Node withRelated = items.get(0);
            assertEquals(server.url("/articles/" + secondId), xml.text(withRelated, "link"));
            assertEquals(server.url("/articles/" + first), xml.text(withRelated, "a:link[@rel='related']/@href"));
            assertEquals("https://images.example.org/a.jpg", xml.text(withRelated, "media:content/@url"));
            org.jsoup.nodes.Document content = Jsoup.parse(xml.text(withRelated, "content:encoded"));
            assertEquals("انظر أيضاً", content.select("h2").last().text());
            assertEquals(List.of(server.url("/articles/" + first)), content.select("h2 + ul a").eachAttr("href"));
            assertEquals("تعليق الصورة", content.select("figure figcaption").text());
        }
    }

    @Test
    void atom_has_everything_rfc_4287_requires_of_a_feed_and_its_entries() throws Exception {
        try (TestServer server = TestServer.start(dataDir)) {
            long first = server.create(Articles.article("أول", "economy", "rana-youssef").toString()).get("id").asLong();
            server.create(Articles.withRelated(Articles.article("ثانٍ", "economy", "rana-youssef"), first).toString());

            byte[] bytes = feed(server, "/feeds/category/economy/atom.xml");
            assertEquals(2, rome(bytes).getEntries().size());
            FeedXml xml = FeedXml.parse(bytes);
            assertEquals("ar", xml.text("/a:feed/@xml:lang"));
            assertTrue(xml.text("/a:feed/a:id").startsWith("tag:"));
            assertFalse(xml.text("/a:feed/a:title").isBlank());
            iso(xml.text("/a:feed/a:updated"));
            assertEquals(server.url("/feeds/category/economy/atom.xml"), xml.text("/a:feed/a:link[@rel='self']/@href"));
            assertEquals(server.url("/category/economy"), xml.text("/a:feed/a:link[@rel='alternate']/@href"));
            assertFalse(xml.text("/a:feed/a:generator").isBlank());

            List<Node> entries = xml.nodes("/a:feed/a:entry");
            Set<String> ids = new HashSet<>();
            Set<String> updated = new HashSet<>();
            for (Node entry : entries) {
                assertEquals("ar", xml.text(entry, "@xml:lang"));
                assertTrue(ids.add(xml.text(entry, "a:id")) && xml.text(entry, "a:id").startsWith("tag:"));
                assertFalse(xml.text(entry, "a:title").isBlank());
                assertTrue(updated.add(xml.text(entry, "a:updated")), "two entries share an updated time");
                iso(xml.text(entry, "a:updated"));
                iso(xml.text(entry, "a:published"));
                assertEquals("الكاتب rana-youssef", xml.text(entry, "a:author/a:name"));
                assertEquals(server.url("/author/rana-youssef"), xml.text(entry, "a:author/a:uri"));
                assertEquals("economy", xml.text(entry, "a:category/@term"));
                assertEquals("قسم economy", xml.text(entry, "a:category/@label"));
                assertTrue(xml.text(entry, "a:link[@rel='alternate']/@href").startsWith(server.url("/articles/")));
                assertFalse(xml.text(entry, "a:summary").isBlank());
                assertEquals("html", xml.text(entry, "a:content/@type"));
                assertRtlContent(xml.text(entry, "a:content"));
            }
            assertEquals(server.url("/articles/" + first), xml.text(entries.get(0), "a:link[@rel='related']/@href"));
        }
    }

    @Test
    void category_and_author_feeds_hold_only_their_articles_newest_first_up_to_the_feed_size() {
        try (TestServer server = TestServer.start(dataDir, Map.of("KHULASA_FEED_SIZE", "3"))) {
            for (int day = 1; day <= 5; day++) {
                ObjectNode sport = Articles.article("رياضة " + day, "sports", "omar-khatib");
                sport.put("published", "2026-01-0" + day + "T10:00:00Z");
                server.create(sport.toString());
                ObjectNode politics = Articles.article("سياسة " + day, "politics", "nizar-samir");
                politics.put("published", "2026-01-0" + day + "T11:00:00Z");
                server.create(politics.toString());
            }
            FeedXml sports = FeedXml.parse(feed(server, "/feeds/category/sports/rss.xml"));
            assertEquals(Stream.of("رياضة 5", "رياضة 4", "رياضة 3").map(FeedXml::isolated).toList(), titles(sports, "/rss/channel/item/title"));
            FeedXml author = FeedXml.parse(feed(server, "/feeds/author/nizar-samir/atom.xml"));
            assertEquals(Stream.of("سياسة 5", "سياسة 4", "سياسة 3").map(FeedXml::isolated).toList(), titles(author, "/a:feed/a:entry/a:title"));
            FeedXml site = FeedXml.parse(feed(server, "/feeds/atom.xml"));
            assertEquals(Stream.of("سياسة 5", "رياضة 5", "سياسة 4").map(FeedXml::isolated).toList(), titles(site, "/a:feed/a:entry/a:title"));
        }
    }

    @Test
    void hostile_titles_and_html_come_out_escaped_and_sanitized() throws Exception {
        try (TestServer server = TestServer.start(dataDir)) {
            String title = "Tom & Jerry <b>\"قال\"</b> 'نعم' <script>alert(1)</script>";
            ObjectNode article = Articles.article(title);
            article.put("summary", "a < b && c > d <i>ليس وسماً</i>");
            article.put("body", "<p onclick=\"steal()\">نص <a href=\"javascript:alert(1)\">رابط</a></p>"
                    + "<script>alert(2)</script><img src=\"x.jpg\" onerror=\"alert(3)\"><p style=\"color:red\">فقرة</p>");
            server.create(article.toString());

            for (String path : List.of("/feeds/rss.xml", "/feeds/atom.xml")) {
                byte[] bytes = feed(server, path);
                // Titles round-trip exactly; one that opens with Latin gets a right-to-left mark in front.
                // RSS follows each < and & with an invisible WORD JOINER, so no reader finds markup there.
                String shown = rome(bytes).getEntries().get(0).getTitle();
                assertEquals(FeedXml.isolated("\u200F" + title), shown.replace("\u2060", ""), path);
                if (path.endsWith("rss.xml")) {
                    assertTrue(Jsoup.parseBodyFragment(shown).body().children().isEmpty(), path + ": " + shown);
                }
                FeedXml xml = FeedXml.parse(bytes);
                String content = path.endsWith("rss.xml") ? xml.text("//item/content:encoded") : xml.text("//a:entry/a:content");
                org.jsoup.nodes.Document html = Jsoup.parse(content);
                assertTrue(html.select("script, style, iframe").isEmpty(), content);
                for (Element element : html.getAllElements()) {
                    for (Attribute attribute : element.attributes()) {
                        assertFalse(attribute.getKey().toLowerCase().startsWith("on"), content);
                        assertFalse(attribute.getKey().equalsIgnoreCase("style"), content);
                        assertFalse(attribute.getValue().trim().toLowerCase().startsWith("javascript:"), content);
                    }
                }
            }
            // RSS <description> is HTML: the plain-text summary must read back as the same text.
            String description = FeedXml.parse(feed(server, "/feeds/rss.xml")).text("//item/description");
            assertEquals("a < b && c > d <i>ليس وسماً</i>", Jsoup.parse(description).text());
        }
    }

    @Test
    void xml_illegal_characters_posted_never_reach_a_feed() throws Exception {
        try (TestServer server = TestServer.start(dataDir)) {
            ObjectNode article = Articles.article("عنوان\u0001 فيه\u000B محارف\uFFFE ممنوعة");
            article.put("summary", "ملخص\u0008 ممنوع");
            article.put("body", "<p>نص\u0002 الخبر</p>");
            server.create(article.toString());
            for (String path : List.of("/feeds/rss.xml", "/feeds/atom.xml")) {
                byte[] bytes = feed(server, path);
                assertEquals(FeedXml.isolated("عنوان فيه محارف ممنوعة"), rome(bytes).getEntries().get(0).getTitle());
                assertEquals(1, FeedXml.parse(bytes).nodes("//item | //a:entry").size());
            }
        }
    }

    @Test
    void an_edit_keeps_the_id_and_guid_and_moves_updated() throws Exception {
        try (TestServer server = TestServer.start(dataDir)) {
            JsonNode created = server.create(Articles.article("قبل التعديل").toString());
            long id = created.get("id").asLong();
            FeedXml before = FeedXml.parse(feed(server, "/feeds/atom.xml"));
            String guidBefore = FeedXml.parse(feed(server, "/feeds/rss.xml")).text("//item/guid");

            HttpResponse<String> put = server.put("/api/articles/" + id, Articles.article("بعد التعديل").toString());
            assertEquals(200, put.statusCode(), put.body());

            FeedXml after = FeedXml.parse(feed(server, "/feeds/atom.xml"));
            assertEquals(FeedXml.isolated("بعد التعديل"), after.text("//a:entry/a:title"));
            assertEquals(before.text("//a:entry/a:id"), after.text("//a:entry/a:id"));
            assertEquals(guidBefore, FeedXml.parse(feed(server, "/feeds/rss.xml")).text("//item/guid"));
            assertTrue(iso(after.text("//a:entry/a:updated")).isAfter(iso(before.text("//a:entry/a:updated"))));
            assertEquals(before.text("//a:entry/a:published"), after.text("//a:entry/a:published"));
        }
    }

    @Test
    void an_edited_body_and_a_renamed_related_article_show_in_feeds_rendered_before_the_edits() throws Exception {
        try (TestServer server = TestServer.start(dataDir)) {
            long first = server.create(Articles.article("الخبر الأصلي").toString()).get("id").asLong();
            ObjectNode second = Articles.withRelated(Articles.article("الخبر اللاحق"), first);
            long secondId = server.create(second.toString()).get("id").asLong();
            List<String> paths = List.of("/feeds/rss.xml", "/feeds/atom.xml",
                    "/feeds/category/politics/rss.xml", "/feeds/category/politics/atom.xml");
            for (String path : paths) {
                assertTrue(new String(feed(server, path), StandardCharsets.UTF_8).contains("نص الخبر الكامل"), path);
            }

            second.put("body", "<p>متن بعد التعديل.</p>").remove("summary");
            assertEquals(200, server.put("/api/articles/" + secondId, second.toString()).statusCode());
            for (String path : paths) {
                SyndEntry edited = rome(feed(server, path)).getEntries().get(0);
                assertEquals(FeedXml.isolated("الخبر اللاحق"), edited.getTitle());
                assertTrue(edited.getContents().get(0).getValue().contains("متن بعد التعديل"), path);
                assertFalse(edited.getContents().get(0).getValue().contains("نص الخبر الكامل"), path);
                assertEquals("متن بعد التعديل.", edited.getDescription().getValue(), path);
            }

            ObjectNode renamed = Articles.article("عنوان الخبر الأصلي الجديد");
            assertEquals(200, server.put("/api/articles/" + first, renamed.toString()).statusCode());
            for (String path : paths) {
                FeedXml xml = FeedXml.parse(feed(server, path));
                String entry = path.endsWith("rss.xml") ? "//item[1]" : "//a:entry[1]";
                String content = path.endsWith("rss.xml") ? xml.text(entry + "/content:encoded") : xml.text(entry + "/a:content");
                assertEquals(List.of("عنوان الخبر الأصلي الجديد"),
                        Jsoup.parseBodyFragment(content).select("h2 + ul a").eachText(), path);
                assertEquals("عنوان الخبر الأصلي الجديد", xml.text(entry + "/a:link[@rel='related']/@title"), path);
            }
        }
    }

    @Test
    void opml_lists_every_feed_with_an_arabic_title() {
        try (TestServer server = TestServer.start(dataDir)) {
            server.create(Articles.article("خبر", "sports", "omar-khatib").toString());
            HttpResponse<byte[]> response = server.getBytes("/feeds/index.opml");
            assertEquals(200, response.statusCode());
            FeedXml opml = FeedXml.parse(response.body());
            assertEquals("2.0", opml.text("/opml/@version"));
            Set<String> urls = new HashSet<>();
            for (Node outline : opml.nodes("//outline[@xmlUrl]")) {
                String url = opml.text(outline, "@xmlUrl");
                urls.add(url);
                assertTrue(opml.text(outline, "@text").matches(".*[\\u0600-\\u06FF].*"), opml.text(outline, "@text"));
                // OPML 2.0's version names an RSS version, nothing else (the W3C validator warns otherwise).
                assertEquals(url.endsWith("/rss.xml") ? "RSS2" : "", opml.text(outline, "@version"), url);
            }
            assertEquals(Set.of(server.url("/feeds/rss.xml"), server.url("/feeds/atom.xml"), server.url("/feeds/feed.json"),
                    server.url("/feeds/category/sports/rss.xml"), server.url("/feeds/category/sports/atom.xml"),
                    server.url("/feeds/category/sports/feed.json"),
                    server.url("/feeds/author/omar-khatib/rss.xml"), server.url("/feeds/author/omar-khatib/atom.xml"),
                    server.url("/feeds/author/omar-khatib/feed.json"),
                    // the article's tag «أخبار»
                    server.url("/feeds/tag/akhbar/rss.xml"), server.url("/feeds/tag/akhbar/atom.xml"),
                    server.url("/feeds/tag/akhbar/feed.json")), urls);
        }
    }

    // ---- helpers ------------------------------------------------------------------------------

    static byte[] feed(TestServer server, String path) {
        HttpResponse<byte[]> response = server.getBytes(path);
        assertEquals(200, response.statusCode(), path);
        return response.body();
    }

    static SyndFeed rome(byte[] bytes) throws Exception {
        return new SyndFeedInput().build(new InputStreamReader(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8));
    }

    private static List<String> titles(FeedXml xml, String expression) {
        return xml.nodes(expression).stream().map(Node::getTextContent).toList();
    }

    /** The content HTML: a right-to-left Arabic wrapper, and a direction on every block inside it. */
    private static void assertRtlContent(String html) {
        org.jsoup.nodes.Document doc = Jsoup.parseBodyFragment(html);
        Element wrapper = doc.body().child(0);
        assertEquals("div", wrapper.tagName());
        assertEquals("rtl", wrapper.attr("dir"));
        assertEquals("ar", wrapper.attr("lang"));
        assertFalse(wrapper.select(BLOCKS).isEmpty());
        for (Element block : wrapper.select(BLOCKS)) {
            assertEquals("rtl", block.attr("dir"), block.outerHtml());
        }
    }

    private static Instant rfc822(String date) {
        assertTrue(date.endsWith("GMT"), date);
        return ZonedDateTime.parse(date, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
    }

    private static Instant iso(String date) {
        assertNotNull(date);
        assertTrue(date.endsWith("Z"), date);
        return Instant.parse(date);
    }
}
