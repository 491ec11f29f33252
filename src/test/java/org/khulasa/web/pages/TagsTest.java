package org.khulasa.web.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.khulasa.Articles;
import org.khulasa.TestServer;

/** Tags: on the article page, each with its page and feeds at an ASCII slug, listed in the OPML. */
class TagsTest {
    @TempDir
    Path dataDir;

    @Test
    void an_article_shows_its_tags_each_linking_to_a_page_listing_the_articles_that_carry_it() {
        try (TestServer server = TestServer.start(dataDir)) {
            long football = create(server, "خبر الكرة", "كرة القدم", "الدوري");
            long other = create(server, "خبر آخر", "الدوري");
            create(server, "خبر ثالث", "سياسة");

            Document page = page(server, "/articles/" + football);
            assertEquals(List.of("كرة القدم", "الدوري"), page.select("article ul.tags a[rel=tag]").eachText());
            assertEquals(List.of(server.url("/tag/kra-alqdm"), server.url("/tag/aldwry")),
                    page.select("article ul.tags a").eachAttr("href"));

            Document tag = page(server, "/tag/aldwry");
            assertEquals("الدوري", tag.selectFirst("main h1").text());
            assertEquals(List.of(server.url("/articles/" + other), server.url("/articles/" + football)),
                    tag.select("ol.articles h2 a").eachAttr("href"));
            assertEquals(List.of(server.url("/feeds/tag/aldwry/rss.xml"), server.url("/feeds/tag/aldwry/atom.xml"),
                            server.url("/feeds/tag/aldwry/feed.json")),
                    tag.select("p.feeds a").eachAttr("href"));
            assertEquals(404, server.get("/tag/nothing").statusCode());
        }
    }

    @Test
    void two_names_with_one_transliteration_get_distinct_slugs() {
        try (TestServer server = TestServer.start(dataDir)) {
            long first = create(server, "خبر", "مصر");
            long second = create(server, "خبر آخر", "مِصْر", "مصـر");
            assertEquals(List.of(server.url("/tag/msr")), page(server, "/articles/" + first).select("ul.tags a").eachAttr("href"));
            assertEquals(List.of(server.url("/tag/msr-2"), server.url("/tag/msr-3")),
                    page(server, "/articles/" + second).select("ul.tags a").eachAttr("href"));
            assertEquals("مِصْر", page(server, "/tag/msr-2").selectFirst("main h1").text());
        }
    }

    @Test
    void each_tag_has_rss_and_atom_feeds_of_its_articles_listed_in_the_opml() {
        try (TestServer server = TestServer.start(dataDir)) {
            long tagged = create(server, "خبر موسوم", "الطاقة");
            create(server, "خبر غير موسوم", "أخرى");

            for (String format : List.of("rss.xml", "atom.xml")) {
                HttpResponse<String> feed = server.get("/feeds/tag/altaqa/" + format);
                assertEquals(200, feed.statusCode(), format);
                Document xml = Jsoup.parse(feed.body(), "", Parser.xmlParser());
                List<String> links = format.equals("rss.xml") ? xml.select("item > link").eachText()
                        : xml.select("entry > link[rel=alternate]").eachAttr("href");
                assertEquals(List.of(server.url("/articles/" + tagged)), links, format);
            }
            assertEquals(404, server.get("/feeds/tag/nothing/rss.xml").statusCode());

            Document opml = Jsoup.parse(server.get("/feeds/index.opml").body(), "", Parser.xmlParser());
            List<String> urls = opml.select("outline[xmlUrl]").eachAttr("xmlUrl");
            assertTrue(urls.contains(server.url("/feeds/tag/altaqa/rss.xml")), urls.toString());
            assertTrue(urls.contains(server.url("/feeds/tag/altaqa/atom.xml")), urls.toString());
        }
    }

    private static long create(TestServer server, String title, String... tags) {
        ObjectNode json = Articles.article(title);
        var array = json.putArray("tags");
        for (String tag : tags) {
            array.add(tag);
        }
        return server.create(json.toString()).get("id").asLong();
    }

    private static Document page(TestServer server, String path) {
        HttpResponse<String> response = server.get(path);
        assertEquals(200, response.statusCode(), path + ": " + response.body());
        return Jsoup.parse(response.body(), server.url(path));
    }
}
