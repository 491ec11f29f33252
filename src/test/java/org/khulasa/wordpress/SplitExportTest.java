package org.khulasa.wordpress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.khulasa.CommandProcess;
import org.khulasa.TestDatabase;
import org.khulasa.TestServer;
import org.khulasa.related.RelatedArticles;
import org.khulasa.storage.Database;
import org.khulasa.storage.JdbiArticleStore;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * A site too big to export at once, exported in parts as wp-admin offers them ("Media", then
 * "Posts"; made by a real WordPress from the same site as {@code wordpress-postname.xml}):
 * imported media first, the posts find their featured images among what an earlier run read;
 * imported posts first, the media's run gives them their images.
 */
class SplitExportTest {
    private static final String ATOM = "http://www.w3.org/2005/Atom";
    private static final String MEDIA = "http://search.yahoo.com/mrss/";
    private static final String MARKET = "http://127.0.0.1:8091/wp-content/uploads/2024/03/market.jpg";
    private static final String MARKET_CAPTION = "سوق الخضار في وسط المدينة صباح اليوم";
    /** The guid of the budget story (post 4), its Atom id. */
    private static final String BUDGET = WordPressImportTest.SITE + WordPressImportTest.BUDGET;

    @TempDir
    Path data;

    @Test
    void posts_imported_after_the_media_export_get_their_featured_images() throws Exception {
        CommandProcess media = ImportCommand.run(data, ImportCommand.export("wordpress-media.xml"));
        assertEquals(0, media.exit(), media.toString());
        assertTrue(media.output().contains("Imported 0 articles"), media.output());
        assertTrue(media.output().contains("1 attachments"), media.output());

        CommandProcess posts = ImportCommand.run(data, ImportCommand.export("wordpress-posts.xml"));
        assertEquals(0, posts.exit(), posts.toString());
        assertTrue(posts.output().contains("Imported 5 articles (1 of them scheduled)"), posts.output());
        assertFalse(posts.output().contains("featured image"), posts.output());
        try (TestServer server = TestServer.start(data)) {
            JsonNode budget = WordPressImportTest.article(server, "/?p=4");
            assertEquals(MARKET, budget.at("/image/url").asText());
            assertEquals(MARKET_CAPTION, budget.at("/image/caption").asText());
        }
    }

    @Test
    void posts_imported_before_the_media_export_get_their_featured_images_when_it_comes() throws Exception {
        CommandProcess posts = ImportCommand.run(data, ImportCommand.export("wordpress-posts.xml"));
        assertEquals(0, posts.exit(), posts.toString());
        assertTrue(posts.output().contains("Imported 5 articles (1 of them scheduled)"), posts.output());
        assertTrue(posts.output().contains("1 imported articles show a featured image that no export imported so far holds"),
                posts.output());
        try (TestServer server = TestServer.start(data)) {
            assertTrue(WordPressImportTest.article(server, "/?p=4").at("/image/url").isMissingNode());
            assertEquals("\"1\"", etag(server, "/?p=4"));
            HttpResponse<String> before = server.get("/feeds/atom.xml");
            assertEquals(Optional.empty(), imageOf(before.body(), BUDGET));

            // The media part comes while the server runs: the article gets its image, the feeds show it.
            CommandProcess media = ImportCommand.run(data, ImportCommand.export("wordpress-media.xml"));
            assertEquals(0, media.exit(), media.toString());
            assertTrue(media.output().contains("Featured images added to 1 articles imported before them."), media.output());
            assertFalse(media.output().contains("no export imported so far holds"), media.output());
            long deadline = System.nanoTime() + 10_000_000_000L;
            HttpResponse<String> after = server.get("/feeds/atom.xml");
            while (imageOf(after.body(), BUDGET).isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(50);
                after = server.get("/feeds/atom.xml");
            }
            assertEquals(Optional.of(MARKET), imageOf(after.body(), BUDGET));
            assertTrue(lastModified(after).isAfter(lastModified(before)));
            JsonNode budget = WordPressImportTest.article(server, "/?p=4");
            assertEquals(MARKET, budget.at("/image/url").asText());
            assertEquals(MARKET_CAPTION, budget.at("/image/caption").asText());
            assertEquals("\"2\"", etag(server, "/?p=4"), "an editor holding the article sees it changed");

            // Nothing is owed any more: the same media again changes nothing.
            CommandProcess again = ImportCommand.run(data, ImportCommand.export("wordpress-media.xml"));
            assertEquals(0, again.exit(), again.toString());
            assertFalse(again.output().contains("featured image"), again.output());
        }
    }

    /**
     * WordPress writes an image after the post it was uploaded for; when a batch ends between the
     * two, the post is written without it and gets it at the end of the same run, as part of its
     * first revision.
     */
    @Test
    void an_image_read_in_a_later_batch_than_its_post_comes_with_the_import() throws Exception {
        Clock clock = Clock.systemUTC();
        Database.Opened opened = Database.openWithArchive(TestDatabase.urlFor(data), clock, new RelatedArticles(5));
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try (JdbiArticleStore store = opened.store()) {
            new WordPressImport(opened.archive(), store, clock, (step, done, total) -> { }, 1)
                    .run(ImportCommand.export("wordpress-postname.xml"), true)
                    .print(new PrintStream(printed, true, StandardCharsets.UTF_8));
        }
        String report = printed.toString(StandardCharsets.UTF_8);
        assertTrue(report.contains("Imported 5 articles (1 of them scheduled)"), report);
        assertFalse(report.contains("featured image"), report);
        try (TestServer server = TestServer.start(data)) {
            JsonNode budget = WordPressImportTest.article(server, "/?p=4");
            assertEquals(MARKET, budget.at("/image/url").asText());
            assertEquals(MARKET_CAPTION, budget.at("/image/caption").asText());
            assertEquals("\"1\"", etag(server, "/?p=4"));
            assertEquals(Optional.of(MARKET), imageOf(server.get("/feeds/atom.xml").body(), BUDGET));
        }
    }

    @Test
    void an_image_an_editor_gave_meanwhile_stays() throws Exception {
        assertEquals(0, ImportCommand.run(data, ImportCommand.export("wordpress-posts.xml")).exit());
        String editors = "https://media.example/budget-editor.jpg";
        try (TestServer server = TestServer.start(data)) {
            String path = apiPath(server, "/?p=4");
            ObjectNode article = (ObjectNode) server.parse(server.get(path).body());
            article.remove(List.of("id", "url", "related"));
            article.putObject("image").put("url", editors).put("caption", "صورة اختارها المحرر");
            HttpResponse<String> edit = server.put(path, article.toString());
            assertEquals(200, edit.statusCode(), edit.body());

            CommandProcess media = ImportCommand.run(data, ImportCommand.export("wordpress-media.xml"));
            assertEquals(0, media.exit(), media.toString());
            assertFalse(media.output().contains("featured image"), media.output());
            assertEquals(editors, server.parse(server.get(path).body()).at("/image/url").asText());
        }
    }

    /** The editors' ETag (the revision) of the article an old address leads to. */
    private static String etag(TestServer server, String oldAddress) {
        return TestServer.header(server.get(apiPath(server, oldAddress)), "ETag").orElseThrow();
    }

    /** The API's path of the article an old address leads to. */
    private static String apiPath(TestServer server, String oldAddress) {
        return "/api" + TestServer.header(server.get(oldAddress), "Location").orElseThrow().replaceAll(".*(/articles/)", "$1");
    }

    private static java.time.Instant lastModified(HttpResponse<String> response) {
        return TestServer.httpDate(TestServer.header(response, "Last-Modified").orElseThrow());
    }

    /** The Media RSS image of the Atom entry with id {@code id}, read with the JDK's XML parser. */
    private static Optional<String> imageOf(String atom, String id) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document feed = factory.newDocumentBuilder().parse(new InputSource(new StringReader(atom)));
        NodeList entries = feed.getElementsByTagNameNS(ATOM, "entry");
        for (int i = 0; i < entries.getLength(); i++) {
            Element entry = (Element) entries.item(i);
            if (entry.getElementsByTagNameNS(ATOM, "id").item(0).getTextContent().equals(id)) {
                NodeList images = entry.getElementsByTagNameNS(MEDIA, "content");
                return images.getLength() == 0 ? Optional.empty() : Optional.of(((Element) images.item(0)).getAttribute("url"));
            }
        }
        throw new AssertionError("no entry " + id + " in " + atom);
    }
}
