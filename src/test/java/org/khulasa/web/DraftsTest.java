package org.khulasa.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.khulasa.Articles;
import org.khulasa.SettableClock;
import org.khulasa.TestServer;

/** Drafts: seen by editors only, nowhere public, not even in a header, until a PUT publishes them. */
class DraftsTest {
    private static final String AUTH = "Bearer " + TestServer.TOKEN;
    private static final List<String> PUBLIC = List.of("/feeds/rss.xml", "/feeds/atom.xml",
            "/feeds/category/politics/rss.xml", "/feeds/category/politics/atom.xml",
            "/feeds/author/nizar-samir/atom.xml", "/feeds/author/nizar-samir/rss.xml", "/feeds/index.opml");

    @TempDir
    Path data;
    SettableClock clock = new SettableClock(Instant.parse("2026-12-01T09:00:00Z"));
    TestServer server;

    @BeforeEach
    void start() {
        server = TestServer.start(data, Map.of(), clock);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static ObjectNode draft(String title, String category, String author) {
        ObjectNode a = Articles.article(title, category, author);
        a.put("status", "draft");
        return a;
    }

    @Test
    void a_draft_is_seen_by_editors_only() {
        long published = server.create(Articles.article("خبر منشور").toString()).get("id").asLong();
        JsonNode created = server.create(draft("مسودة سرية", "politics", "nizar-samir").toString());
        assertEquals("draft", created.get("status").asText());
        long id = created.get("id").asLong();

        assertEquals(200, server.get("/api/articles/" + id, "Authorization", AUTH).statusCode());
        assertEquals(404, server.get("/api/articles/" + id).statusCode(), "the public API does not know it");
        assertEquals(404, server.get("/articles/" + id).statusCode(), "no page");

        JsonNode editors = TestServer.parse(server.get("/api/articles", "Authorization", AUTH).body());
        assertEquals(2, editors.size(), "editors list their drafts");
        JsonNode everyone = TestServer.parse(server.get("/api/articles").body());
        assertEquals(1, everyone.size());
        assertEquals(published, everyone.get(0).get("id").asLong());

        for (String path : List.of("/", "/category/politics", "/author/nizar-samir")) {
            assertFalse(server.get(path).body().contains("مسودة سرية"), path);
        }
        for (String path : PUBLIC) {
            assertFalse(new String(server.getBytes(path).body(), java.nio.charset.StandardCharsets.UTF_8).contains("مسودة سرية"), path);
        }
    }

    @Test
    void saving_a_draft_moves_no_public_etag_or_last_modified_and_adds_no_feed_to_opml() {
        server.create(Articles.article("خبر منشور").toString());
        Map<String, List<String>> before = validators();

        clock.advance(Duration.ofMinutes(5));
        long id = server.create(draft("مسودة في قسم جديد", "culture", "new-writer").toString()).get("id").asLong();
        clock.advance(Duration.ofMinutes(5));
        ObjectNode edited = draft("مسودة معدلة", "culture", "new-writer");
        assertEquals(200, server.put("/api/articles/" + id, edited.toString()).statusCode());
        clock.advance(Duration.ofMinutes(5));
        ObjectNode renaming = draft("مسودة تعيد تسمية الكاتب", "politics", "nizar-samir");
        ((ObjectNode) renaming.get("author")).put("name", "اسم لم يُنشر بعد");
        assertEquals(200, server.put("/api/articles/" + id, renaming.toString()).statusCode());

        assertEquals(before, validators(), "no public header moved");
        String opml = server.get("/feeds/index.opml").body();
        assertFalse(opml.contains("culture") || opml.contains("new-writer"), opml);
        assertFalse(server.get("/").body().contains("/category/culture"), "the draft's new section is not in the navigation");
        assertFalse(server.get("/feeds/atom.xml").body().contains("اسم لم يُنشر بعد"), "a draft renames no one in public");

        clock.advance(Duration.ofMinutes(5));
        assertEquals(204, server.delete("/api/articles/" + id).statusCode());
        assertEquals(before, validators(), "deleting a draft moves nothing either");
    }

    @Test
    void publishing_a_draft_puts_it_out_now_or_at_the_time_given() {
        long id = server.create(draft("مسودة", "politics", "nizar-samir").toString()).get("id").asLong();
        clock.advance(Duration.ofHours(3));
        Instant publishedAt = clock.instant();
        ObjectNode publish = Articles.article("مسودة صارت خبراً");
        publish.put("status", "published");
        HttpResponse<String> r = server.put("/api/articles/" + id, publish.toString());
        assertEquals(200, r.statusCode(), r.body());
        JsonNode out = TestServer.parse(r.body());
        assertEquals("published", out.get("status").asText());
        assertEquals(publishedAt, Instant.parse(out.get("published").asText()), "published at the moment of publishing");
        assertEquals(200, server.get("/articles/" + id).statusCode());
        assertTrue(server.get("/feeds/atom.xml").body().contains("مسودة صارت خبراً"));

        long other = server.create(draft("مسودة بموعد", "politics", "nizar-samir").toString()).get("id").asLong();
        ObjectNode dated = Articles.article("مسودة بموعد");
        dated.put("status", "published").put("published", "2026-11-30T08:00:00+03:00");
        JsonNode datedOut = TestServer.parse(server.put("/api/articles/" + other, dated.toString()).body());
        assertEquals(Instant.parse("2026-11-30T05:00:00Z"), Instant.parse(datedOut.get("published").asText()));
    }

    @Test
    void a_draft_is_in_no_related_list_until_published() {
        long draftId = server.create(draft("الذهب يرتفع في الأسواق العالمية", "economy", "rana-youssef").toString())
                .get("id").asLong();
        // The editor names the draft; readers see the link only once the draft is out.
        long story = server.create(Articles.withRelated(
                Articles.article("الذهب يرتفع مجدداً في الأسواق العالمية", "economy", "rana-youssef"), draftId)
                .toString()).get("id").asLong();
        assertFalse(server.get("/articles/" + story).body().contains("/articles/" + draftId));
        assertFalse(server.get("/feeds/atom.xml").body().contains("/articles/" + draftId));
        JsonNode publicRead = TestServer.parse(server.get("/api/articles/" + story).body());
        assertEquals(0, publicRead.get("related").size());
        // Nor do automatic picks choose it, however close its words.
        long similar = server.create(Articles.article("الذهب يرتفع في الأسواق العالمية اليوم", "economy", "rana-youssef")
                .toString()).get("id").asLong();
        JsonNode editorsRead = TestServer.parse(server.get("/api/articles/" + similar, "Authorization", AUTH).body());
        for (JsonNode related : editorsRead.get("related")) {
            assertTrue(related.get("id").asLong() != draftId, editorsRead.toString());
        }

        ObjectNode publish = Articles.article("الذهب يرتفع في الأسواق العالمية", "economy", "rana-youssef");
        assertEquals(200, server.put("/api/articles/" + draftId, publish.toString()).statusCode());
        assertTrue(server.get("/articles/" + story).body().contains("/articles/" + draftId));
    }

    @Test
    void status_must_be_draft_or_published() {
        ObjectNode bad = Articles.article("حالة غريبة");
        bad.put("status", "pending");
        JsonNode problem = ArticleApiTest.assertProblem(server.post("/api/articles", bad.toString()), 400);
        assertEquals("status", problem.get("errors").get(0).get("field").asText());
    }

    /** ETag and Last-Modified of every public feed. */
    private Map<String, List<String>> validators() {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String path : PUBLIC) {
            HttpResponse<byte[]> r = server.getBytes(path);
            assertEquals(200, r.statusCode(), path);
            List<String> v = new ArrayList<>();
            v.add(TestServer.header(r, "ETag").orElseThrow());
            v.add(TestServer.header(r, "Last-Modified").orElseThrow());
            out.put(path, v);
        }
        return out;
    }
}
