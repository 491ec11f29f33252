package org.khulasa.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.json.JsonWriteFeature;
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
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.khulasa.ActiveContent;
import org.khulasa.Articles;
import org.khulasa.TestServer;
import org.khulasa.XssVectors;

/**
 * Every vector of {@link XssVectors} posted in every text field of an article: the body comes
 * back sanitized with nothing active left, plain-text fields come back exactly as sent (they are
 * text, escaped wherever they are shown), and no feed (parsed by Rome, its HTML by jsoup) or page
 * has anything a browser or reader would run.
 */
class XssVectorsTest {

    @TempDir
    Path data;

    @Test
    void xss_vectors_in_every_text_field_come_back_inert_from_the_api() {
        try (TestServer server = TestServer.start(data)) {
            List<String> findings = new ArrayList<>();
            for (int i = 0; i < XssVectors.ALL.size(); i++) {
                String vector = XssVectors.ALL.get(i);
                ObjectNode sent = withVectorEverywhere(vector, i);
                JsonNode stored = server.create(sent.toString());
                JsonNode read = TestServer.parse(server.get("/api/articles/" + stored.get("id").asLong()).body());
                List<String> active = ActiveContent.in(Jsoup.parseBodyFragment(read.get("body").asText()).body());
                if (!active.isEmpty()) {
                    findings.add("vector " + i + " " + vector + " → body " + read.get("body").asText() + ": " + active);
                }
                for (String field : List.of("title", "summary")) {
                    assertEquals(XmlText(sent.get(field).asText()), read.get(field).asText(), field + " of vector " + i);
                }
                assertEquals(XmlText(sent.get("category").get("name").asText()), read.get("category").get("name").asText());
                assertEquals(XmlText(sent.get("author").get("name").asText()), read.get("authors").get(0).get("name").asText());
                assertEquals(XmlText(sent.get("image").get("caption").asText()), read.get("image").get("caption").asText());
                assertEquals(XmlText(sent.get("tags").get(0).asText()).strip(), read.get("tags").get(0).asText(), "tag of vector " + i);
            }
            assertTrue(findings.isEmpty(), "active content survived:\n" + String.join("\n", findings));
        }
    }

    @Test
    @org.junit.jupiter.api.Tag("slow")
    void xss_vectors_never_come_out_active_in_feeds_or_pages() throws Exception {
        try (TestServer server = TestServer.start(data)) {
            List<String> findings = new ArrayList<>();
            for (int i = 0; i < XssVectors.ALL.size(); i++) {
                server.create(withVectorEverywhere(XssVectors.ALL.get(i), i).toString());
            }
            for (int i = 0; i < XssVectors.IMAGE_URLS.size(); i++) {
                ObjectNode a = Articles.article("صورة مريبة " + i, "xss-images", "xss-author-images");
                a.putObject("image").put("url", XssVectors.IMAGE_URLS.get(i)).put("caption", XssVectors.ALL.get(i));
                server.post("/api/articles", a.toString());
            }
            List<String> feeds = new ArrayList<>(List.of("/feeds/rss.xml", "/feeds/atom.xml",
                    "/feeds/category/xss-images/rss.xml", "/feeds/category/xss-images/atom.xml"));
            List<String> pages = new ArrayList<>(List.of("/", "/category/xss-images", "/author/xss-author-images"));
            JsonNode all = TestServer.parse(server.get("/api/articles?limit=100").body());
            for (JsonNode a : all) {
                pages.add("/articles/" + a.get("id").asLong());
            }
            for (int i = 0; i < XssVectors.ALL.size(); i++) {
                feeds.add("/feeds/category/xss-" + i + "/rss.xml");
                feeds.add("/feeds/author/xss-author-" + i + "/atom.xml");
                pages.add("/category/xss-" + i);
                pages.add("/author/xss-author-" + i);
            }
            for (String path : feeds) {
                HttpResponse<byte[]> r = server.getBytes(path);
                assertEquals(200, r.statusCode(), path);
                SyndFeed feed = new SyndFeedInput().build(new InputStreamReader(new ByteArrayInputStream(r.body()), StandardCharsets.UTF_8));
                assertTrue(!feed.getEntries().isEmpty(), path);
                for (SyndEntry entry : feed.getEntries()) {
                    // HTML content; a content typed as text is text, whatever it says.
                    List<String> html = new ArrayList<>();
                    List<com.rometools.rome.feed.synd.SyndContent> contents = new ArrayList<>(entry.getContents());
                    if (entry.getDescription() != null) {
                        contents.add(entry.getDescription());
                    }
                    for (var c : contents) {
                        if (c.getType() == null || !c.getType().equals("text")) {
                            html.add(c.getValue());
                        }
                    }
                    for (String fragment : html) {
                        List<String> active = ActiveContent.in(Jsoup.parseBodyFragment(fragment).body());
                        if (!active.isEmpty()) {
                            findings.add(path + " entry " + entry.getTitle() + ": " + active);
                        }
                    }
                }
                // No element of the feed itself is a script, in any namespace.
                org.jsoup.nodes.Document xml = Jsoup.parse(new String(r.body(), StandardCharsets.UTF_8), "", org.jsoup.parser.Parser.xmlParser());
                if (!xml.select("script, *|script, iframe, object, embed").isEmpty()) {
                    findings.add(path + ": markup elements in the feed's XML");
                }
            }
            for (String path : pages) {
                HttpResponse<String> r = server.get(path);
                assertEquals(200, r.statusCode(), path);
                org.jsoup.nodes.Document page = Jsoup.parse(r.body());
                List<String> active = new ArrayList<>();
                // Structured data is an inert data block: it must parse as JSON whole (a vector that
                // broke out of it would cut it short), and then it is set aside.
                for (org.jsoup.nodes.Element data : page.head().select("script[type=application/ld+json]")) {
                    try {
                        new com.fasterxml.jackson.databind.ObjectMapper().readTree(data.data());
                    } catch (java.io.IOException e) {
                        active.add("JSON-LD that is not JSON: " + data.data());
                    }
                    data.remove();
                }
                // The site's own search form in the header is set aside, once it is seen to be exactly
                // that: a GET to /search holding its label, one search box named q and its button.
                for (org.jsoup.nodes.Element form : page.select("header > form[role=search]")) {
                    boolean own = form.attr("action").matches("https?://[^/]+/search") && form.attr("method").equals("get")
                            && form.children().size() == 3 && form.select("> label").size() == 1
                            && form.select("> input[type=search][name=q]").size() == 1
                            && form.select("> button[type=submit]").size() == 1;
                    if (!own) {
                        active.add("a search form that is not the site's own: " + form.outerHtml());
                    }
                    form.remove();
                }
                active.addAll(ActiveContent.in(page.body()));
                active.addAll(ActiveContent.in(page.head(), java.util.Set.of("meta", "link", "title")));
                page.head().select("meta[http-equiv], base, link:not([rel~=(?i)^(stylesheet|alternate|canonical|icon|prev|next)$])")
                        .forEach(e -> active.add("head " + e.outerHtml()));
                if (!active.isEmpty()) {
                    findings.add(path + ": " + active);
                }
            }
            assertTrue(findings.isEmpty(), findings.size() + " active findings:\n" + String.join("\n", findings));
        }
    }

    @Test
    void image_urls_that_try_to_break_out_are_refused_or_kept_as_plain_http_urls() {
        try (TestServer server = TestServer.start(data)) {
            for (String url : XssVectors.IMAGE_URLS) {
                ObjectNode a = Articles.article("صورة مريبة", "xss", "xss-author");
                a.putObject("image").put("url", url);
                HttpResponse<String> r = server.post("/api/articles", a.toString());
                assertTrue(r.statusCode() == 201 || r.statusCode() == 400, url + " → " + r.statusCode());
                if (r.statusCode() == 201) {
                    assertEquals(url, TestServer.parse(r.body()).get("image").get("url").asText());
                    assertTrue(url.startsWith("https://"));
                }
            }
        }
    }

    @Test
    void unicode_edge_cases_are_stored_without_xml_illegal_characters_and_otherwise_exactly() throws Exception {
        try (TestServer server = TestServer.start(data)) {
            String bidi = "\u202Eعاجل\u202C: \u2067S-400\u2069 \u200Fفي الأخبار";
            String marks = "ب" + "\u0651".repeat(10_000);
            ObjectNode a = Articles.article(bidi);
            a.put("summary", "قبل\u0000\uD800\uFFFE\uFFFF\u0001بعد");
            a.put("body", "<p>" + marks + "</p><p>\uDBFF نص</p>");
            a.putArray("tags").add("\uFEFFوسم\u200D");
            byte[] escaped = TestServer.JSON.writer().with(JsonWriteFeature.ESCAPE_NON_ASCII).writeValueAsBytes(a);
            HttpResponse<String> r = server.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(server.url("/api/articles")))
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(escaped)),
                    "Authorization", "Bearer " + TestServer.TOKEN, "Content-Type", "application/json");
            assertEquals(201, r.statusCode(), r.body());
            JsonNode read = TestServer.parse(server.get("/api/articles/" + TestServer.parse(r.body()).get("id").asLong()).body());
            assertEquals(bidi, read.get("title").asText(), "bidi controls in a title round-trip exactly");
            assertEquals("قبلبعد", read.get("summary").asText(), "NUL, lone surrogates, U+FFFE/FFFF and C0 controls are removed");
            assertEquals("<p>" + marks + "</p><p> نص</p>", read.get("body").asText());
            assertEquals("\uFEFFوسم\u200D", read.get("tags").get(0).asText());
        }
    }

    private static String XmlText(String s) {
        return org.khulasa.article.XmlText.clean(s);
    }

    /** An article with {@code vector} in every text field, cut to each field's limit. */
    static ObjectNode withVectorEverywhere(String vector, int i) {
        ObjectNode a = Articles.article(cut(vector, 500), "xss-" + i, "xss-author-" + i);
        a.put("summary", vector);
        a.put("body", "<p>نص الخبر قبل المحاولة.</p>" + vector);
        a.putObject("category").put("slug", "xss-" + i).put("name", cut(vector, 200));
        a.putObject("author").put("slug", "xss-author-" + i).put("name", cut(vector, 200));
        a.putArray("tags").add(cut(vector, 100).strip());
        a.putObject("image").put("url", "https://example.com/" + i + ".jpg").put("caption", cut(vector, 1000));
        return a;
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
