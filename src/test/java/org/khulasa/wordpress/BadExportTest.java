package org.khulasa.wordpress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;
import org.khulasa.CommandProcess;
import org.khulasa.TestServer;

/**
 * Exports that are not whole: refused with where they break (status 2), or imported without their
 * bad items or characters.
 */
class BadExportTest {

    @TempDir
    Path data;

    @Test
    void an_export_that_breaks_off_is_refused_with_its_line_and_column_and_status_2() throws Exception {
        byte[] whole = Files.readAllBytes(ImportCommand.export("wordpress-postname.xml"));
        Path truncated = data.resolve("truncated.xml");
        Files.write(truncated, Arrays.copyOf(whole, whole.length / 2));
        CommandProcess run = ImportCommand.run(data, truncated);
        assertEquals(2, run.exit(), run.toString());
        assertTrue(run.errors().matches("(?s).*truncated.xml: line \\d+, column \\d+: the XML is broken or breaks off.*"), run.errors());
        try (TestServer server = TestServer.start(data)) {
            assertEquals("[]", server.get("/api/articles", "Authorization", "Bearer " + TestServer.TOKEN).body(),
                    "nothing written: the posts read were fewer than a batch");
        }
    }

    @Test
    void a_file_that_is_not_a_wordpress_export_is_refused_with_status_2() throws Exception {
        Path feed = data.resolve("feed.xml");
        Files.writeString(feed, "<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel><title>t</title>\n"
                + "<item><title>x</title></item></channel></rss>\n");
        CommandProcess rss = ImportCommand.run(data, feed);
        assertEquals(2, rss.exit(), rss.toString());
        assertTrue(rss.errors().contains("feed.xml: line 3, column 1: not a WordPress export (WXR)"), rss.errors());

        Path html = data.resolve("page.html");
        Files.writeString(html, "<html><body>not an export</body></html>");
        CommandProcess page = ImportCommand.run(data, html);
        assertEquals(2, page.exit(), page.toString());
        assertTrue(page.errors().contains("line 1, column 1: not a WordPress export (WXR): the root element is <html>"), page.errors());

        CommandProcess missing = ImportCommand.run(data, data.resolve("no-such.xml"));
        assertEquals(2, missing.exit(), missing.toString());
    }

    @Test
    void a_malformed_item_is_skipped_and_named_and_the_rest_imported() throws Exception {
        // The real export, with one post's guid emptied and an author's header entry removed.
        String export = Files.readString(ImportCommand.export("wordpress-postname.xml"), StandardCharsets.UTF_8);
        String edited = export.replaceFirst("<guid isPermaLink=\"false\">http://127.0.0.1:8091/s-400[^<]*</guid>",
                        "<guid isPermaLink=\"false\"></guid>")
                .replaceFirst("(?s)<wp:author><wp:author_id>3</wp:author_id>.*?</wp:author>", "")
                .replace("<wp:post_date_gmt><![CDATA[2024-03-12 08:45:00]]></wp:post_date_gmt>",
                        "<wp:post_date_gmt><![CDATA[0000-00-00 00:00:00]]></wp:post_date_gmt>");
        Path file = data.resolve("edited.xml");
        Files.writeString(file, edited, StandardCharsets.UTF_8);
        CommandProcess run = ImportCommand.run(data, file);
        assertEquals(0, run.exit(), run.toString());
        assertTrue(run.output().contains("Imported 4 articles (1 of them scheduled)"), run.output());
        assertTrue(run.output().matches("(?s).*Skipped 1 malformed items:\\s+post 7 \\(line \\d+\\): no <guid>.*"), run.output());
        assertTrue(run.output().contains("post 6: author 'huda' is missing from the export's header"), run.output());
        assertTrue(run.output().contains("post 8: unreadable post_date_gmt '0000-00-00 00:00:00'; published at 2024-03-12T08:45:00Z"),
                run.output());
    }

    @Test
    void characters_xml_forbids_are_removed_from_the_posts_and_named_in_the_report() throws Exception {
        // Made by a real WordPress: post 4, saved by an editor, holds a backspace and U+FFFF in its
        // title, a vertical tab, a form feed and U+FFFE in its text, exported as they are; post 5,
        // saved by an author, had the controls stripped by WordPress itself.
        Path export = ImportCommand.export("wordpress-control-characters.xml");
        String exported = Files.readString(export, StandardCharsets.UTF_8);
        assertEquals(3, exported.chars().filter(c -> c < 0x20 && c != '\t' && c != '\n' && c != '\r').count());
        assertEquals(2, exported.chars().filter(c -> c == 0xFFFE || c == 0xFFFF).count());
        CommandProcess run = ImportCommand.run(data, export);
        assertEquals(0, run.exit(), run.toString());
        assertTrue(run.output().contains("Imported 2 articles (0 of them scheduled)"), run.output());
        assertTrue(run.output().contains("post 4: 5 characters that XML does not allow (control characters, U+FFFE, U+FFFF) removed from its text"),
                run.output());
        assertFalse(run.output().contains("post 5:"), run.output());
        try (TestServer server = TestServer.start(data)) {
            JsonNode article = WordPressImportTest.article(server, "/?p=4");
            assertEquals("وزير الخارجية يستقبل نظيره", article.get("title").asText());
            assertEquals("<p>استقبل وزير الخارجية اليوم نظيره في العاصمة.</p>\n<p>وبحث الجانبان العلاقات الثنائية.</p>\n",
                    article.get("body").asText());
            assertTrue(server.get("/feeds/atom.xml").body().contains("وزير الخارجية يستقبل نظيره"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"\r\n", "\r"})
    void the_report_names_the_post_whatever_ends_the_export_s_lines(String lineEnd) throws Exception {
        String export = Files.readString(ImportCommand.export("wordpress-control-characters.xml"), StandardCharsets.UTF_8);
        Path converted = Files.writeString(data.resolve("line-ends.xml"), export.replace("\n", lineEnd), StandardCharsets.UTF_8);
        CommandProcess run = ImportCommand.run(data, converted);
        assertEquals(0, run.exit(), run.toString());
        assertTrue(run.output().contains("post 4: 5 characters that XML does not allow (control characters, U+FFFE, U+FFFF) removed from its text"),
                run.output());
        assertFalse(run.output().contains("post 5:"), run.output());
    }
}
