package org.khulasa.web.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.khulasa.Articles;
import org.khulasa.TestServer;

/** What link previews, search engines and news aggregators read in a page's head. */
class PreviewsTest {
    @TempDir
    Path dataDir;

    @Test
    void article_page_has_canonical_description_open_graph_and_twitter_card() {
        try (TestServer server = TestServer.start(dataDir)) {
            ObjectNode json = Articles.article("الفريق يفوز بالمباراة", "sports", "omar-khatib");
            json.put("published", "2020-10-25T10:00:00+03:00");
            json.putArray("tags").add("كرة القدم").add("الدوري");
            json.putObject("image").put("url", "https://images.example.org/match.jpg").put("caption", "لاعبو الفريق بعد الهدف");
            long id = server.create(json.toString()).get("id").asLong();
            String url = server.url("/articles/" + id);

            Document page = page(server, "/articles/" + id);

            assertEquals(url, page.selectFirst("head link[rel=canonical]").attr("href"));
            assertEquals("ملخص: الفريق يفوز بالمباراة", name(page, "description"));
            assertEquals("ar_AR", property(page, "og:locale"));
            assertEquals("article", property(page, "og:type"));
            assertEquals(url, property(page, "og:url"));
            assertEquals("الفريق يفوز بالمباراة", property(page, "og:title"));
            assertEquals("ملخص: الفريق يفوز بالمباراة", property(page, "og:description"));
            assertEquals("https://images.example.org/match.jpg", property(page, "og:image"));
            assertEquals("لاعبو الفريق بعد الهدف", property(page, "og:image:alt"));
            assertEquals(server.config.siteTitle(), property(page, "og:site_name"));
            assertEquals(Instant.parse("2020-10-25T07:00:00Z"), Instant.parse(property(page, "article:published_time")));
            Instant modified = Instant.parse(property(page, "article:modified_time"));
            assertFalse(modified.isBefore(Instant.parse("2020-10-25T07:00:00Z")));
            assertEquals("قسم sports", property(page, "article:section"));
            assertEquals(List.of("كرة القدم", "الدوري"), page.select("head meta[property=article:tag]").eachAttr("content"));
            assertEquals("summary_large_image", name(page, "twitter:card"));
            assertEquals("الفريق يفوز بالمباراة", name(page, "twitter:title"));
            assertEquals("https://images.example.org/match.jpg", name(page, "twitter:image"));
        }
    }

    @Test
    void article_page_carries_news_article_structured_data_with_the_required_properties() {
        try (TestServer server = TestServer.start(dataDir)) {
            ObjectNode json = Articles.article("خبر منظم", "economy", "laila-haddad");
            json.put("published", "2021-02-03T04:05:06Z");
            json.putArray("tags").add("اقتصاد");
            json.putObject("image").put("url", "https://images.example.org/e.png").put("caption", "السوق");
            long id = server.create(json.toString()).get("id").asLong();

            JsonNode ld = jsonLd(page(server, "/articles/" + id));

            assertEquals("https://schema.org", ld.get("@context").asText());
            assertEquals("NewsArticle", ld.get("@type").asText());
            assertEquals("خبر منظم", ld.get("headline").asText());
            assertEquals(server.url("/articles/" + id), ld.get("mainEntityOfPage").get("@id").asText());
            assertEquals(Instant.parse("2021-02-03T04:05:06Z"), OffsetDateTime.parse(ld.get("datePublished").asText()).toInstant());
            Instant modified = OffsetDateTime.parse(ld.get("dateModified").asText()).toInstant();
            assertFalse(modified.isBefore(Instant.parse("2021-02-03T04:05:06Z")));
            JsonNode author = ld.get("author").get(0);
            assertEquals("Person", author.get("@type").asText());
            assertEquals("الكاتب laila-haddad", author.get("name").asText());
            assertEquals(server.url("/author/laila-haddad"), author.get("url").asText());
            assertEquals("https://images.example.org/e.png", ld.get("image").get(0).get("url").asText());
            assertEquals("قسم economy", ld.get("articleSection").asText());
            assertEquals("اقتصاد", ld.get("keywords").get(0).asText());
            assertEquals("ar", ld.get("inLanguage").asText());
            JsonNode publisher = ld.get("publisher");
            assertTrue(publisher.get("@type").asText().endsWith("Organization"), publisher.toString());
            assertEquals(server.config.siteTitle(), publisher.get("name").asText());
            assertEquals(server.url("/"), publisher.get("url").asText());
        }
    }

    @Test
    void structured_data_holding_markup_stays_inside_its_script_and_reads_back_the_same() {
        String title = "</script><script>alert(1)</script><!-- & \"x\"";
        try (TestServer server = TestServer.start(dataDir)) {
            ObjectNode json = Articles.article(title);
            json.put("summary", "</SCRIPT >& <b>");
            json.put("body", "<p>نص الخبر.</p>");
            long id = server.create(json.toString()).get("id").asLong();
            HttpResponse<String> response = server.get("/articles/" + id);
            Document page = Jsoup.parse(response.body());
            assertEquals(1, page.select("script").size());
            String raw = page.selectFirst("script").data();
            assertFalse(raw.contains("<") || raw.contains(">"), raw);
            JsonNode ld = TestServer.parse(raw);
            assertEquals(title, ld.get("headline").asText());
            assertEquals("</SCRIPT >& <b>", ld.get("description").asText());
        }
    }

    @Test
    void list_pages_have_canonical_description_and_website_previews_and_no_article_data() {
        try (TestServer server = TestServer.start(dataDir)) {
            server.create(Articles.article("خبر", "economy", "laila-haddad").toString());
            for (String path : List.of("/", "/category/economy", "/author/laila-haddad")) {
                Document page = page(server, path);
                assertEquals(server.url(path), page.selectFirst("head link[rel=canonical]").attr("href"), path);
                assertFalse(name(page, "description").isBlank(), path);
                assertEquals("website", property(page, "og:type"), path);
                assertEquals("ar_AR", property(page, "og:locale"), path);
                assertEquals("summary", name(page, "twitter:card"), path);
                assertTrue(page.select("script").isEmpty(), path);
            }
            assertTrue(name(page(server, "/category/economy"), "description").contains("قسم economy"));
        }
    }

    @Test
    void without_a_summary_the_description_is_the_start_of_the_body_and_a_404_is_not_indexed() {
        try (TestServer server = TestServer.start(dataDir)) {
            ObjectNode json = Articles.article("خبر بلا ملخص");
            json.remove("summary");
            json.put("body", "<p>" + "كلمة ".repeat(100) + "</p>");
            long id = server.create(json.toString()).get("id").asLong();
            String description = name(page(server, "/articles/" + id), "description");
            assertTrue(description.startsWith("كلمة كلمة") && description.endsWith("…"), description);
            assertTrue(description.length() <= Descriptions.MAX + 1, description);

            Document missing = Jsoup.parse(server.get("/articles/999999").body());
            assertEquals("noindex", missing.selectFirst("meta[name=robots]").attr("content"));
            assertNull(missing.selectFirst("link[rel=canonical]"));
        }
    }

    static JsonNode jsonLd(Document page) {
        List<Element> scripts = new ArrayList<>(page.select("head script[type=application/ld+json]"));
        assertEquals(1, scripts.size());
        return TestServer.parse(scripts.get(0).data());
    }

    private static String property(Document page, String property) {
        Element meta = page.selectFirst("head meta[property=" + property + "]");
        assertTrue(meta != null, "no " + property);
        return meta.attr("content");
    }

    private static String name(Document page, String name) {
        Element meta = page.selectFirst("head meta[name=" + name + "]");
        assertTrue(meta != null, "no " + name);
        return meta.attr("content");
    }

    private static Document page(TestServer server, String path) {
        HttpResponse<String> response = server.get(path);
        assertEquals(200, response.statusCode(), path + ": " + response.body());
        return Jsoup.parse(response.body(), server.url(path));
    }
}
