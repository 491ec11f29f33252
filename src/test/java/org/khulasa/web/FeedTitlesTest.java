package org.khulasa.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.khulasa.Articles;
import org.khulasa.FeedXml;
import org.khulasa.TestServer;
import org.w3c.dom.Node;

/**
 * Every title a feed carries sits in a right-to-left isolate, U+2067 [U+200F] title U+2069, so
 * readers that show titles in left-to-right rows keep them in order; pages and the API keep the
 * editor's text. The six kinds of title tried in readers side by side.
 */
class FeedTitlesTest {
    private static final String RLI = "\u2067";
    private static final String PDI = "\u2069";
    private static final String RLM = "\u200F";
    private static final String SITE = "Khulasa نيوز";

    /** Each title, and how a feed shows it: Latin- or digit-led titles get an RLM inside the isolate. */
    private static final Map<String, String> SHOWN = new LinkedHashMap<>();

    static {
        SHOWN.put("مجلس الشعب يُقرّ قانون الإدارة المحلية", RLI + "مجلس الشعب يُقرّ قانون الإدارة المحلية" + PDI);
        SHOWN.put("تجربتنا الأولى مع Ufuq One: مساعد ذكي بالعربية",
                RLI + "تجربتنا الأولى مع Ufuq One: مساعد ذكي بالعربية" + PDI);
        SHOWN.put("Ufuq One: هاتف بمساعد ذكي", RLI + RLM + "Ufuq One: هاتف بمساعد ذكي" + PDI);
        SHOWN.put("5G تصل إلى دمشق الشهر المقبل", RLI + RLM + "5G تصل إلى دمشق الشهر المقبل" + PDI);
        SHOWN.put("«رفيق» & «أثير»: شراكة جديدة!", RLI + "«رفيق» & «أثير»: شراكة جديدة!" + PDI);
        SHOWN.put("المصرف المركزي يرفع الفائدة بطلب من IMF", RLI + "المصرف المركزي يرفع الفائدة بطلب من IMF" + PDI);
    }

    @TempDir
    Path dataDir;

    @Test
    void rss_channel_and_item_titles_are_isolated_as_an_xml_parser_and_feedparser_read_them() throws Exception {
        try (TestServer server = newsroom()) {
            byte[] rss = FeedsTest.feed(server, "/feeds/rss.xml");
            FeedXml xml = FeedXml.parse(rss);
            assertEquals(RLI + RLM + SITE + PDI, xml.text("/rss/channel/title"));
            // RSS follows each & and < with an invisible WORD JOINER (RssText): set aside here.
            assertEquals(Set.copyOf(SHOWN.values()), withoutJoiners(texts(xml, "/rss/channel/item/title")));

            List<String> parsed = feedparserTitles(rss);
            assertEquals(RLI + RLM + SITE + PDI, parsed.get(0), "feedparser returns the text as sent");
            assertEquals(Set.copyOf(SHOWN.values()), withoutJoiners(parsed.subList(1, parsed.size())));

            FeedXml category = FeedXml.parse(FeedsTest.feed(server, "/feeds/category/politics/rss.xml"));
            assertEquals(RLI + RLM + SITE + " — قسم politics" + PDI, category.text("/rss/channel/title"));
        }
    }

    @Test
    void atom_feed_and_entry_titles_are_isolated_as_rome_and_feedparser_read_them() throws Exception {
        try (TestServer server = newsroom()) {
            byte[] atom = FeedsTest.feed(server, "/feeds/atom.xml");
            SyndFeed feed = FeedsTest.rome(atom);
            assertEquals(RLI + RLM + SITE + PDI, feed.getTitle());
            assertEquals(Set.copyOf(SHOWN.values()),
                    feed.getEntries().stream().map(SyndEntry::getTitle).collect(Collectors.toSet()));
            // No type means text (RFC 4287 §3.1.1): the marks are characters, not markup.
            assertEquals("", FeedXml.parse(atom).text("/a:feed/a:entry[1]/a:title/@type"));

            List<String> parsed = feedparserTitles(atom);
            assertEquals(RLI + RLM + SITE + PDI, parsed.get(0));
            assertEquals(Set.copyOf(SHOWN.values()), Set.copyOf(parsed.subList(1, parsed.size())));

            SyndFeed author = FeedsTest.rome(FeedsTest.feed(server, "/feeds/author/nizar-samir/atom.xml"));
            assertEquals(RLI + RLM + SITE + " — الكاتب nizar-samir" + PDI, author.getTitle());
        }
    }

    @Test
    void opml_outline_texts_and_titles_are_isolated() {
        try (TestServer server = newsroom()) {
            FeedXml opml = FeedXml.parse(FeedsTest.feed(server, "/feeds/index.opml"));
            List<Node> outlines = opml.nodes("//outline");
            assertFalse(outlines.isEmpty());
            for (Node outline : outlines) {
                String text = opml.text(outline, "@text");
                assertTrue(text.startsWith(RLI) && text.endsWith(PDI), text);
                assertEquals(1, text.chars().filter(c -> c == PDI.charAt(0)).count(), text);
            }
            assertEquals(RLI + RLM + SITE + " (RSS)" + PDI,
                    opml.text("//outline[@xmlUrl='" + server.url("/feeds/rss.xml") + "']/@text"));
            assertEquals(RLI + RLM + SITE + " (RSS)" + PDI,
                    opml.text("//outline[@xmlUrl='" + server.url("/feeds/rss.xml") + "']/@title"));
            assertEquals(RLI + "الأقسام" + PDI, opml.text("/opml/body/outline[2]/@text"));
        }
    }

    @Test
    void the_api_and_the_pages_keep_the_editors_text() {
        try (TestServer server = newsroom()) {
            JsonNode list = TestServer.parse(server.get("/api/articles").body());
            Set<String> apiTitles = new java.util.HashSet<>();
            list.forEach(a -> apiTitles.add(a.get("title").asText()));
            assertEquals(SHOWN.keySet(), apiTitles);

            for (JsonNode article : list) {
                String title = article.get("title").asText();
                JsonNode one = TestServer.parse(server.get("/api/articles/" + article.get("id").asLong()).body());
                assertEquals(title, one.get("title").asText());
                Document page = Jsoup.parse(server.get("/articles/" + article.get("id").asLong()).body());
                // Pages put titles in right-to-left elements: only today's RLM, never an isolate.
                boolean latinOrDigitLed = title.startsWith("Ufuq") || title.startsWith("5G");
                assertEquals((latinOrDigitLed ? RLM : "") + title, page.selectFirst("article h1").text());
                assertFalse(page.outerHtml().contains(RLI) || page.outerHtml().contains(PDI), title);
            }
            String home = server.get("/").body();
            assertFalse(home.contains(RLI) || home.contains(PDI));
        }
    }

    private TestServer newsroom() {
        TestServer server = TestServer.start(dataDir, Map.of("KHULASA_SITE_TITLE", SITE));
        try {
            int minute = 10;
            for (String title : SHOWN.keySet()) {
                server.create(Articles.article(title).put("published", "2026-11-20T08:" + minute++ + ":00Z").toString());
            }
            return server;
        } catch (RuntimeException | Error e) {
            server.close();
            throw e;
        }
    }

    private static Set<String> texts(FeedXml xml, String expression) {
        return xml.nodes(expression).stream().map(Node::getTextContent).collect(Collectors.toSet());
    }

    /** The feed's title then its entries' titles, as Python's feedparser (Debian's python3-feedparser) reads them. */
    private List<String> feedparserTitles(byte[] feed) throws IOException, InterruptedException {
        Path file = Files.write(dataDir.resolve("feed.xml"), feed);
        Process python = new ProcessBuilder("/usr/bin/python3", "-c", """
                import feedparser, json, sys
                d = feedparser.parse(sys.argv[1])
                assert not d.bozo, d.bozo_exception
                print(json.dumps([d.feed.title] + [e.title for e in d.entries]))
                """, file.toString()).redirectErrorStream(true).start();
        assertTrue(python.waitFor(60, TimeUnit.SECONDS), "feedparser did not finish");
        String out = new String(python.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(0, python.exitValue(), "feedparser (apt-get install python3-feedparser): " + out);
        return List.of(TestServer.JSON.readValue(out, String[].class));
    }

    private static Set<String> withoutJoiners(java.util.Collection<String> titles) {
        return titles.stream().map(t -> t.replace("\u2060", "")).collect(Collectors.toSet());
    }
}
