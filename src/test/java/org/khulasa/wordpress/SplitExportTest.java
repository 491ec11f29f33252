package org.khulasa.wordpress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.khulasa.TestServer;

/**
 * A site too big to export at once, exported in parts as wp-admin offers them ("Media", then
 * "Posts"; made by a real WordPress from the same site as {@code wordpress-postname.xml}):
 * imported media first, the posts find their featured images among what an earlier run read.
 */
class SplitExportTest {

    @TempDir
    Path data;

    @Test
    void posts_imported_after_the_media_export_get_their_featured_images() throws Exception {
        ImportCommand media = ImportCommand.run(data, ImportCommand.export("wordpress-media.xml"));
        assertEquals(0, media.exit(), media.toString());
        assertTrue(media.output().contains("Imported 0 articles"), media.output());
        assertTrue(media.output().contains("1 attachments"), media.output());

        ImportCommand posts = ImportCommand.run(data, ImportCommand.export("wordpress-posts.xml"));
        assertEquals(0, posts.exit(), posts.toString());
        assertTrue(posts.output().contains("Imported 5 articles (1 of them scheduled)"), posts.output());
        try (TestServer server = TestServer.start(data)) {
            JsonNode budget = WordPressImportTest.article(server, "/?p=4");
            assertEquals("http://127.0.0.1:8091/wp-content/uploads/2024/03/market.jpg", budget.at("/image/url").asText());
            assertEquals("سوق الخضار في وسط المدينة صباح اليوم", budget.at("/image/caption").asText());
        }
    }
}
