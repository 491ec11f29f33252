package org.khulasa.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.khulasa.Articles;
import org.khulasa.FeedXml;
import org.khulasa.TestServer;

/** Several bylines: in the JSON, in every feed format, in each author's feed, and on pages, in the editor's order. */
class BylinesTest {

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

    static ObjectNode jointStory(String title) {
        ObjectNode a = Articles.article(title);
        a.remove("author");
        ArrayNode authors = a.putArray("authors");
        authors.addObject().put("slug", "rana-youssef").put("name", "رنا يوسف");
        authors.addObject().put("slug", "omar-khatib").put("name", "عمر الخطيب");
        return a;
    }

    @Test
    void authors_are_stored_in_the_editors_order_and_a_single_author_answers_as_a_list_of_one() {
        JsonNode joint = server.create(jointStory("تحقيق مشترك").toString());
        assertEquals(List.of("rana-youssef", "omar-khatib"), slugs(joint.get("authors")));
        assertFalse(joint.has("author"), "one way to say it in answers: authors");

        JsonNode single = server.create(Articles.article("خبر بقلم واحد").toString());
        assertEquals(List.of("nizar-samir"), slugs(single.get("authors")));

        // An article read from the API can be sent back as it is.
        ObjectNode reversed = (ObjectNode) TestServer.parse(server.get("/api/articles/" + joint.get("id").asLong()).body());
        ArrayNode authors = (ArrayNode) reversed.get("authors");
        JsonNode first = authors.remove(0);
        authors.add(first);
        HttpResponse<String> put = server.put("/api/articles/" + joint.get("id").asLong(), reversed.toString());
        assertEquals(200, put.statusCode(), put.body());
        assertEquals(List.of("omar-khatib", "rana-youssef"), slugs(TestServer.parse(put.body()).get("authors")));
    }

    @Test
    void bad_bylines_are_refused_naming_the_field() {
        ObjectNode both = jointStory("كلاهما");
        both.putObject("author").put("slug", "nizar-samir").put("name", "نزار سمير");
        assertField(server.post("/api/articles", both.toString()), "author");

        ObjectNode none = jointStory("لا أحد");
        none.putArray("authors");
        assertField(server.post("/api/articles", none.toString()), "authors");

        ObjectNode twice = jointStory("مكرر");
        ((ArrayNode) twice.get("authors")).addObject().put("slug", "rana-youssef").put("name", "رنا");
        assertField(server.post("/api/articles", twice.toString()), "authors[2].slug");

        ObjectNode badSlug = jointStory("رابط سيئ");
        ((ObjectNode) badSlug.get("authors").get(1)).put("slug", "Omar Khatib");
        assertField(server.post("/api/articles", badSlug.toString()), "authors[1].slug");

        assertEquals(0, TestServer.parse(server.get("/api/articles", "Authorization", "Bearer " + TestServer.TOKEN).body()).size(),
                "nothing of a refused request is stored");
    }

    @Test
    void atom_has_one_author_and_rss_one_creator_per_byline_in_order() {
        server.create(jointStory("تحقيق مشترك").toString());

        FeedXml atom = FeedXml.parse(server.getBytes("/feeds/atom.xml").body());
        assertEquals(2, atom.nodes("//a:entry/a:author").size());
        assertEquals("رنا يوسف", atom.text("//a:entry/a:author[1]/a:name"));
        assertEquals(server.url("/author/rana-youssef"), atom.text("//a:entry/a:author[1]/a:uri"));
        assertEquals("عمر الخطيب", atom.text("//a:entry/a:author[2]/a:name"));

        FeedXml rss = FeedXml.parse(server.getBytes("/feeds/rss.xml").body());
        assertEquals(List.of("رنا يوسف", "عمر الخطيب"),
                rss.nodes("//item/dc:creator").stream().map(n -> n.getTextContent()).toList());
    }

    @Test
    void a_joint_article_is_in_each_of_its_authors_feeds_and_on_their_pages() {
        long id = server.create(jointStory("تحقيق مشترك").toString()).get("id").asLong();
        server.create(Articles.article("خبر آخر", "politics", "nizar-samir").toString());
        String tag = "tag:";
        for (String slug : List.of("rana-youssef", "omar-khatib")) {
            FeedXml feed = FeedXml.parse(server.getBytes("/feeds/author/" + slug + "/atom.xml").body());
            assertEquals(1, feed.nodes("//a:entry").size(), slug);
            assertTrue(feed.text("//a:entry/a:id").startsWith(tag));
            assertEquals(server.url("/articles/" + id), feed.text("//a:entry/a:link[@rel='alternate']/@href"));
            FeedXml rss = FeedXml.parse(server.getBytes("/feeds/author/" + slug + "/rss.xml").body());
            assertEquals(1, rss.nodes("//item").size(), slug);
            assertEquals(200, server.get("/author/" + slug).statusCode());
            assertTrue(server.get("/author/" + slug).body().contains("تحقيق مشترك"), slug);
        }
        JsonNode byOmar = TestServer.parse(server.get("/api/articles?author=omar-khatib").body());
        assertEquals(1, byOmar.size());
        assertEquals(id, byOmar.get(0).get("id").asLong());
    }

    @Test
    void pages_show_every_byline_in_order_and_announce_every_authors_feeds() {
        long id = server.create(jointStory("تحقيق مشترك").toString()).get("id").asLong();
        Document page = Jsoup.parse(server.get("/articles/" + id).body(), server.url("/"));
        List<String> bylines = page.select("article header .byline a[rel=author]").eachText();
        assertEquals(List.of("رنا يوسف", "عمر الخطيب"), bylines);
        List<String> feeds = page.select("head link[rel=alternate]").eachAttr("href");
        assertTrue(feeds.stream().anyMatch(h -> h.endsWith("/feeds/author/rana-youssef/atom.xml")), feeds.toString());
        assertTrue(feeds.stream().anyMatch(h -> h.endsWith("/feeds/author/omar-khatib/atom.xml")), feeds.toString());

        Document home = Jsoup.parse(server.get("/").body(), server.url("/"));
        Element item = home.selectFirst("ol.articles li");
        assertEquals(List.of("رنا يوسف", "عمر الخطيب"), item.select("a[rel=author]").eachText());
    }

    private static List<String> slugs(JsonNode authors) {
        return java.util.stream.StreamSupport.stream(authors.spliterator(), false).map(a -> a.get("slug").asText()).toList();
    }

    private static void assertField(HttpResponse<String> r, String field) {
        JsonNode problem = ArticleApiTest.assertProblem(r, 400);
        assertTrue(java.util.stream.StreamSupport.stream(problem.get("errors").spliterator(), false)
                .anyMatch(e -> e.get("field").asText().equals(field)), field + " in " + problem);
    }
}
