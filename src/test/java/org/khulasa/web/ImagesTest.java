package org.khulasa.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.khulasa.Articles;
import org.khulasa.FeedXml;
import org.khulasa.TestServer;

/** Image sizes, where readers and aggregators look for them; the image itself is never fetched. */
class ImagesTest {
    // Nothing listens there: a server that fetched it would fail or hang, not pass.
    private static final String URL = "http://127.0.0.1:9/photos/a.jpg";

    @TempDir
    Path data;
    TestServer server;

    @BeforeEach
    void start() {
        server = TestServer.start(data);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private long post(String title, Integer width, Integer height, Long bytes) {
        ObjectNode a = Articles.article(title);
        ObjectNode image = a.putObject("image").put("url", URL).put("type", "image/jpeg").put("caption", "صورة");
        if (width != null) {
            image.put("width", width).put("height", height);
        }
        if (bytes != null) {
            image.put("bytes", bytes);
        }
        return server.create(a.toString()).get("id").asLong();
    }

    @Test
    void sizes_round_trip_through_the_api() {
        long id = post("صورة بأبعادها", 1200, 800, 245_760L);
        JsonNode image = TestServer.parse(server.get("/api/articles/" + id).body()).get("image");
        assertEquals(1200, image.get("width").asInt());
        assertEquals(800, image.get("height").asInt());
        assertEquals(245_760L, image.get("bytes").asLong());
        JsonNode bare = TestServer.parse(server.get("/api/articles/" + post("صورة بلا أبعاد", null, null, null)).body())
                .get("image");
        assertFalse(bare.has("width") || bare.has("height") || bare.has("bytes"), bare.toString());
    }

    @Test
    void rss_has_an_enclosure_when_the_size_is_known_and_media_content_with_dimensions_and_a_thumbnail() throws Exception {
        post("صورة بلا حجم", null, null, null);
        post("صورة بحجمها", 1200, 800, 245_760L);
        byte[] bytes = server.getBytes("/feeds/rss.xml").body();
        FeedXml rss = FeedXml.parse(bytes);
        List<org.w3c.dom.Node> items = rss.nodes("//item");
        org.w3c.dom.Node sized = items.get(0);
        org.w3c.dom.Node unsized = items.get(1);

        assertEquals(URL, rss.text(sized, "enclosure/@url"));
        assertEquals("245760", rss.text(sized, "enclosure/@length"));
        assertEquals("image/jpeg", rss.text(sized, "enclosure/@type"));
        assertEquals(0, rss.nodes(unsized, "enclosure").size(), "RSS requires a length: no enclosure without one");

        assertEquals("1200", rss.text(sized, "media:content/@width"));
        assertEquals("800", rss.text(sized, "media:content/@height"));
        assertEquals("245760", rss.text(sized, "media:content/@fileSize"));
        assertEquals(URL, rss.text(sized, "media:thumbnail/@url"));
        assertEquals("1200", rss.text(sized, "media:thumbnail/@width"));
        assertEquals(URL, rss.text(unsized, "media:content/@url"));
        assertEquals(URL, rss.text(unsized, "media:thumbnail/@url"));

        SyndEntry entry = new SyndFeedInput().build(new XmlReader(new ByteArrayInputStream(bytes))).getEntries().get(0);
        assertEquals(245_760L, entry.getEnclosures().get(0).getLength(), "Rome reads the enclosure back");
    }

    @Test
    void atom_links_the_image_as_an_enclosure() {
        post("صورة بحجمها", 1200, 800, 245_760L);
        FeedXml atom = FeedXml.parse(server.getBytes("/feeds/atom.xml").body());
        assertEquals(URL, atom.text("//a:entry/a:link[@rel='enclosure']/@href"));
        assertEquals("image/jpeg", atom.text("//a:entry/a:link[@rel='enclosure']/@type"));
        assertEquals("245760", atom.text("//a:entry/a:link[@rel='enclosure']/@length"));
    }

    @Test
    void the_article_page_gives_its_main_image_size_and_alt_and_loads_only_the_images_below_lazily() {
        ObjectNode a = Articles.article("صورة بأبعادها");
        a.put("body", "<p>نص الخبر.</p><p><img src=\"https://images.example.org/b.jpg\" alt=\"صورة أخرى\"></p>");
        a.putObject("image").put("url", URL).put("type", "image/jpeg").put("caption", "المرفأ بعد الانفجار")
                .put("width", 1200).put("height", 800);
        long id = server.create(a.toString()).get("id").asLong();
        Element page = Jsoup.parse(server.get("/articles/" + id).body()).selectFirst("main article");
        Element img = page.selectFirst("figure img");
        assertEquals(URL, img.attr("src"));
        assertEquals("1200", img.attr("width"));
        assertEquals("800", img.attr("height"));
        assertEquals("المرفأ بعد الانفجار", img.attr("alt"));
        assertFalse(img.hasAttr("loading"), "the main image loads at once");
        assertEquals("lazy", page.selectFirst("div.body img").attr("loading"), "images in the story load as they come near");
    }

    @Test
    void list_pages_show_thumbnails_with_size_alt_and_lazy_loading() {
        long sized = post("صورة بأبعادها", 1200, 800, null);
        long unsized = post("صورة بلا أبعاد", null, null, null);
        for (String path : List.of("/", "/category/politics", "/author/nizar-samir", "/search?q=%D8%B5%D9%88%D8%B1%D9%87")) {
            org.jsoup.nodes.Document doc = Jsoup.parse(server.get(path).body());
            Element withSize = doc.selectFirst("ol.articles a.thumb[href$=/articles/" + sized + "] img");
            assertEquals(URL, withSize.attr("src"), path);
            assertEquals("1200", withSize.attr("width"), path);
            assertEquals("800", withSize.attr("height"), path);
            assertEquals("صورة", withSize.attr("alt"), path);
            assertEquals("lazy", withSize.attr("loading"), path);
            Element withoutSize = doc.selectFirst("ol.articles a.thumb[href$=/articles/" + unsized + "] img");
            assertFalse(withoutSize.hasAttr("width") || withoutSize.hasAttr("height"), path);
            assertEquals("lazy", withoutSize.attr("loading"), path);
        }
    }

    @Test
    void bad_sizes_are_refused_naming_the_field() {
        for (String[] bad : List.of(new String[] {"width", "0"}, new String[] {"height", "-5"},
                new String[] {"bytes", "\"big\""}, new String[] {"width", "1.5"})) {
            String json = Articles.article("حجم سيئ").put("image", (String) null).toString()
                    .replace("\"image\":null", "\"image\":{\"url\":\"" + URL + "\",\"" + bad[0] + "\":" + bad[1] + "}");
            JsonNode problem = ArticleApiTest.assertProblem(server.post("/api/articles", json), 400);
            assertEquals("image." + bad[0], problem.get("errors").get(0).get("field").asText(), json);
        }
        assertTrue(TestServer.parse(server.get("/api/articles", "Authorization", "Bearer " + TestServer.TOKEN).body()).isEmpty());
    }
}
