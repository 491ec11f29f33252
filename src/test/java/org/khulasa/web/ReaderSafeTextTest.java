package org.khulasa.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.khulasa.Articles;
import org.khulasa.FeedXml;
import org.khulasa.TestServer;

/**
 * Text that can't fool a reader: a bidi embedding, override or isolate an editor leaves open is
 * closed at the end of its field (so it can't turn around what a reader shows after it), text
 * with nothing visible is refused, and a tag's length counts characters like every other field.
 */
class ReaderSafeTextTest {
    private static final String LRE = "\u202A";
    private static final String RLE = "\u202B";
    private static final String PDF = "\u202C";
    private static final String LRO = "\u202D";
    private static final String RLO = "\u202E";
    private static final String LRI = "\u2066";
    private static final String RLI = "\u2067";
    private static final String FSI = "\u2068";
    private static final String PDI = "\u2069";

    @TempDir
    Path dataDir;

    @Test
    void unclosed_controls_are_closed_at_the_end_of_every_text_field() {
        try (TestServer server = TestServer.start(dataDir)) {
            ObjectNode sent = Articles.article(RLI + "تجربة Ufuq", "tech", "rana-youssef");
            sent.put("summary", "ملخص " + RLO + "معكوس");
            ((ObjectNode) sent.get("category")).put("name", RLE + "تقنية");
            ((ObjectNode) sent.get("author")).put("name", LRI + "رنا" + LRE + " يوسف");
            sent.putArray("tags").add("وسم" + FSI);
            sent.putObject("image").put("url", "https://images.example.org/a.jpg").put("caption", "تعليق" + LRO);
            sent.put("body", "<p>" + RLO + "نص معكوس</p><p>فقرة ثانية</p>");

            JsonNode created = server.create(sent.toString());
            JsonNode stored = TestServer.parse(server.get("/api/articles/" + created.get("id").asLong()).body());
            for (JsonNode article : List.of(created, stored)) {
                assertEquals(RLI + "تجربة Ufuq" + PDI, article.get("title").asText());
                assertEquals("ملخص " + RLO + "معكوس" + PDF, article.get("summary").asText());
                assertEquals(RLE + "تقنية" + PDF, article.get("category").get("name").asText());
                assertEquals(LRI + "رنا" + LRE + " يوسف" + PDF + PDI, article.get("authors").get(0).get("name").asText());
                assertEquals("وسم" + FSI + PDI, article.get("tags").get(0).asText());
                assertEquals("تعليق" + LRO + PDF, article.get("image").get("caption").asText());
                assertEquals("<p>" + RLO + "نص معكوس" + PDF + "</p><p>فقرة ثانية</p>", article.get("body").asText());
            }

            // In the feeds, each field is closed before what follows it.
            FeedXml rss = FeedXml.parse(FeedsTest.feed(server, "/feeds/rss.xml"));
            String title = rss.text("//item/title");
            assertEquals(RLI + RLI + "تجربة Ufuq" + PDI + PDI, title);
            for (String text : List.of(title, rss.text("//item/description"), rss.text("//item/dc:creator"),
                    rss.text("//item/category"), rss.text("//item/content:encoded"))) {
                assertBalanced(text);
            }
            FeedXml opml = FeedXml.parse(FeedsTest.feed(server, "/feeds/index.opml"));
            for (org.w3c.dom.Node outline : opml.nodes("//outline")) {
                assertBalanced(opml.text(outline, "@text"));
            }
        }
    }

    @Test
    void stray_closers_are_dropped_and_balanced_text_is_kept_exactly() {
        try (TestServer server = TestServer.start(dataDir)) {
            Map<String, String> storedFor = Map.of(
                    "«" + RLI + "Ufuq One" + PDI + "» يصل إلى دمشق", "«" + RLI + "Ufuq One" + PDI + "» يصل إلى دمشق",
                    "عنوان" + PDF + PDI + " آخر", "عنوان آخر",
                    // A PDF can't close an embedding from inside an isolate opened after it.
                    RLE + "أ" + RLI + "ب" + PDF + "ج", RLE + "أ" + RLI + "بج" + PDI + PDF,
                    // Closing an isolate closes the embeddings opened inside it first.
                    RLI + "أ" + RLO + "ب" + PDI + "ج", RLI + "أ" + RLO + "ب" + PDF + PDI + "ج");
            for (Map.Entry<String, String> title : storedFor.entrySet()) {
                JsonNode created = server.create(Articles.article(title.getKey()).toString());
                assertEquals(title.getValue(), created.get("title").asText(), title.getKey());
            }
            // A paragraph ends every control (UAX #9): each line of a summary is closed on its own.
            ObjectNode lines = Articles.article("سطور");
            lines.put("summary", RLO + "سطر أول\nسطر ثان");
            assertEquals(RLO + "سطر أول" + PDF + "\nسطر ثان", server.create(lines.toString()).get("summary").asText());
        }
    }

    @Test
    void text_with_nothing_visible_is_refused_with_a_400_naming_the_field() {
        try (TestServer server = TestServer.start(dataDir)) {
            List<String> invisibles = List.of("\u200F\u200B\u2060", "\u200E\u200D\u200C\uFEFF", RLI + PDI, RLO,
                    "\u00A0\u3000\u2007", "\u3164\u115F", "\u061C\u034F\uFE0F", "\u2800");
            for (String invisible : invisibles) {
                for (String field : List.of("title", "summary", "category.name", "author.name", "image.caption",
                        "tags[0]", "body")) {
                    ObjectNode article = Articles.article("خبر");
                    article.putObject("image").put("url", "https://images.example.org/a.jpg");
                    switch (field) {
                        case "category.name", "author.name" ->
                                ((ObjectNode) article.get(field.substring(0, field.indexOf('.')))).put("name", invisible);
                        case "image.caption" -> ((ObjectNode) article.get("image")).put("caption", invisible);
                        case "tags[0]" -> article.putArray("tags").add(invisible);
                        default -> article.put(field, invisible);
                    }
                    assertRefused(server, article, field, escape(invisible) + " in " + field);
                }
                ObjectNode html = Articles.article("خبر");
                html.put("body", "<p>" + invisible + "</p><p><b>" + invisible + "</b></p>");
                assertRefused(server, html, "body", "paragraphs of " + escape(invisible));
            }
            assertEquals(0, TestServer.parse(server.get("/api/articles", "Authorization", "Bearer " + TestServer.TOKEN)
                    .body()).size(), "nothing of a refused article is stored");
        }
    }

    @Test
    void a_tag_is_measured_in_characters_like_every_other_field() {
        try (TestServer server = TestServer.start(dataDir)) {
            String hundred = "📰".repeat(100); // 100 characters, 200 UTF-16 units
            ObjectNode fits = Articles.article("خبر");
            fits.putArray("tags").add(hundred);
            assertEquals(hundred, server.create(fits.toString()).get("tags").get(0).asText());

            ObjectNode tooLong = Articles.article("خبر");
            tooLong.putArray("tags").add("وسم").add(hundred + "📰");
            HttpResponse<String> refused = server.post("/api/articles", tooLong.toString());
            assertEquals(400, refused.statusCode(), refused.body());
            assertEquals("must be at most 100 characters", message(refused, "tags[1]"));
        }
    }

    private static void assertRefused(TestServer server, ObjectNode article, String field, String what) {
        HttpResponse<String> response = server.post("/api/articles", article.toString());
        assertEquals(400, response.statusCode(), what + ": " + response.body());
        assertTrue(TestServer.header(response, "Content-Type").orElseThrow().startsWith("application/problem+json"), what);
        String message = message(response, field);
        assertTrue(message.startsWith("shows nothing") || message.equals("must not be empty"), what + ": " + message);
    }

    /** The message the problem gives for {@code field}; fails when the field is not named. */
    private static String message(HttpResponse<String> response, String field) {
        for (JsonNode error : TestServer.parse(response.body()).get("errors")) {
            if (error.get("field").asText().equals(field)) {
                return error.get("message").asText();
            }
        }
        throw new AssertionError("no error names " + field + ": " + response.body());
    }

    /** Every opener closed by its own closer, innermost first, and nothing closed that was not open. */
    private static void assertBalanced(String text) {
        Deque<Character> open = new ArrayDeque<>();
        for (char c : text.toCharArray()) {
            if ((LRE + RLE + LRO + RLO + LRI + RLI + FSI).indexOf(c) >= 0) {
                open.push(c);
            } else if (c == PDF.charAt(0)) {
                assertTrue(!open.isEmpty() && (LRE + RLE + LRO + RLO).indexOf(open.pop()) >= 0, escape(text));
            } else if (c == PDI.charAt(0)) {
                assertTrue(!open.isEmpty() && (LRI + RLI + FSI).indexOf(open.pop()) >= 0, escape(text));
            }
        }
        assertTrue(open.isEmpty(), "left open in " + escape(text));
    }

    private static String escape(String s) {
        StringBuilder out = new StringBuilder();
        s.codePoints().forEach(cp -> out.append(cp < 0x80 || Character.isLetter(cp) ? Character.toString(cp)
                : String.format("\\u%04X", cp)));
        return out.toString();
    }
}
