package org.khulasa.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.khulasa.Articles;
import org.khulasa.FeedXml;
import org.khulasa.TestServer;

/**
 * The RSS elements readers may take for HTML or for text ({@code <title>}, {@code <category>},
 * {@code <dc:creator>}, {@code <media:description>}) carry no markup an HTML parser would find,
 * and read as the editor's exact text once the invisible word joiners are set aside.
 */
class RssTextTest {
    private static final String MARKUP = "<img src=x onerror=alert(1)> عاجل & A&amp;B <b>x</b>";

    @TempDir
    Path data;

    @Test
    void markup_in_plain_text_elements_of_rss_is_inert_and_shows_the_exact_text() {
        try (TestServer server = TestServer.start(data)) {
            ObjectNode a = Articles.article(MARKUP);
            a.putObject("category").put("slug", "breaking").put("name", MARKUP);
            a.putObject("author").put("slug", "someone").put("name", MARKUP);
            a.putObject("image").put("url", "https://img.example/a.jpg").put("caption", MARKUP);
            server.create(a.toString());
            for (String path : List.of("/feeds/rss.xml", "/feeds/category/breaking/rss.xml")) {
                FeedXml rss = FeedXml.parse(server.getBytes(path).body());
                for (String element : List.of("/rss/channel/item/title", "/rss/channel/item/category",
                        "/rss/channel/item/dc:creator", "//media:description")) {
                    String text = rss.text(element);
                    Document asHtml = Jsoup.parseBodyFragment(text);
                    assertTrue(asHtml.body().children().isEmpty(), path + " " + element + " holds markup: " + text);
                    // Titles come in a right-to-left isolate (FeedTitle); the rest as sent.
                    String exact = element.endsWith("title") ? FeedXml.isolated(MARKUP) : MARKUP;
                    assertEquals(exact, text.replace("\u2060", ""), path + " " + element);
                    assertEquals(exact, asHtml.body().text().replace("\u2060", ""), path + " " + element + " read as HTML");
                }
            }
            String channel = FeedXml.parse(server.getBytes("/feeds/category/breaking/rss.xml").body()).text("/rss/channel/title");
            assertTrue(Jsoup.parseBodyFragment(channel).body().children().isEmpty(), channel);
            // Atom's text constructs are typed text already: the title comes through as sent.
            FeedXml atom = FeedXml.parse(server.getBytes("/feeds/atom.xml").body());
            assertEquals(FeedXml.isolated(MARKUP), atom.text("/a:feed/a:entry/a:title"));
        }
    }
}
