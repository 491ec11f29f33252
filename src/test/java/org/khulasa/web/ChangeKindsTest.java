package org.khulasa.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.khulasa.Articles;
import org.khulasa.FeedXml;
import org.khulasa.SettableClock;
import org.khulasa.TestServer;

/** minor / update / correction: what readers are told of each kind of edit; ids never change. */
class ChangeKindsTest {

    @TempDir
    Path data;
    // 22:30 UTC on 1 December is already 2 December in Damascus, the newsroom's zone here.
    SettableClock clock = new SettableClock(Instant.parse("2026-12-01T22:30:00Z"));
    TestServer server;
    long id;

    @BeforeEach
    void start() {
        server = TestServer.start(data, Map.of("KHULASA_TIMEZONE", "Asia/Damascus"), clock);
        id = server.create(Articles.article("وزير الطاقة يعلن خطة جديدة").toString()).get("id").asLong();
        clock.advance(Duration.ofMinutes(10));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpResponse<String> edit(String title, String change, String note) {
        ObjectNode a = Articles.article(title);
        if (change != null) {
            a.put("change", change);
        }
        if (note != null) {
            a.put("note", note);
        }
        return server.put("/api/articles/" + id, a.toString());
    }

    @Test
    void a_minor_edit_keeps_the_public_updated_time_but_changes_the_bytes() {
        FeedXml before = atom();
        String etag = TestServer.header(server.getBytes("/feeds/atom.xml"), "ETag").orElseThrow();
        String updated = before.text("//a:entry/a:updated");
        String updatedJson = TestServer.parse(server.get("/api/articles/" + id).body()).get("updated").asText();

        HttpResponse<String> r = edit("وزير الطاقة يعلن خطةً جديدة", "minor", null);
        assertEquals(200, r.statusCode(), r.body());
        assertEquals(updatedJson, TestServer.parse(r.body()).get("updated").asText());

        FeedXml after = atom();
        assertEquals(updated, after.text("//a:entry/a:updated"), "readers don't see the item as new again");
        assertEquals("وزير الطاقة يعلن خطةً جديدة", FeedXml.unisolated(after.text("//a:entry/a:title")));
        assertEquals(before.text("//a:entry/a:id"), after.text("//a:entry/a:id"));
        assertNotEquals(etag, TestServer.header(server.getBytes("/feeds/atom.xml"), "ETag").orElseThrow());
    }

    @Test
    void an_update_moves_the_updated_time_and_keeps_the_id() {
        FeedXml before = atom();
        assertEquals(200, edit("وزير الطاقة يعلن خطة جديدة للكهرباء", null, null).statusCode());
        FeedXml after = atom();
        assertTrue(Instant.parse(after.text("//a:entry/a:updated")).isAfter(Instant.parse(before.text("//a:entry/a:updated"))));
        assertEquals(before.text("//a:entry/a:id"), after.text("//a:entry/a:id"));
        FeedXml rss = FeedXml.parse(server.getBytes("/feeds/rss.xml").body());
        assertTrue(rss.text("//item/guid").startsWith("tag:"));
    }

    @Test
    void corrections_are_dated_in_the_newsrooms_zone_kept_oldest_first_in_feeds_and_pages() {
        FeedXml before = atom();
        HttpResponse<String> first = edit("وزير الطاقة يعلن خطة جديدة", "correction", "ذُكر خطأً أن الخطة تبدأ العام المقبل.");
        assertEquals(200, first.statusCode(), first.body());
        FeedXml afterFirst = atom();
        assertTrue(Instant.parse(afterFirst.text("//a:entry/a:updated")).isAfter(Instant.parse(before.text("//a:entry/a:updated"))));

        clock.advance(Duration.ofDays(2));
        JsonNode second = TestServer.parse(edit("وزير الطاقة يعلن خطة جديدة", "correction", "اسم الوزير الصحيح هو سامي.").body());
        JsonNode corrections = second.get("corrections");
        assertEquals(2, corrections.size());
        assertEquals("ذُكر خطأً أن الخطة تبدأ العام المقبل.", corrections.get(0).get("note").asText());
        assertEquals(Instant.parse("2026-12-01T22:40:00Z"), Instant.parse(corrections.get(0).get("date").asText()));

        List<String> expected = List.of("تصحيح (٢ ديسمبر ٢٠٢٦): ذُكر خطأً أن الخطة تبدأ العام المقبل.",
                "تصحيح (٤ ديسمبر ٢٠٢٦): اسم الوزير الصحيح هو سامي.");
        String atomContent = atom().text("//a:entry/a:content");
        String rssContent = FeedXml.parse(server.getBytes("/feeds/rss.xml").body()).text("//item/content:encoded");
        for (String html : List.of(atomContent, rssContent)) {
            Element div = Jsoup.parseBodyFragment(html).body().child(0);
            List<String> notes = div.select("p.correction").eachText();
            assertEquals(expected, notes, html);
            // At the end of the story: after the body's last paragraph, nothing but notes follow.
            Element last = div.children().last();
            assertEquals(expected.get(1), last.text());
            assertEquals("rtl", last.attr("dir"));
        }

        Document page = Jsoup.parse(server.get("/articles/" + id).body());
        assertEquals(expected, page.select("article .corrections p.correction").eachText());
        assertEquals("2026-12-01T22:40:00Z", page.selectFirst(".corrections time").attr("datetime"));

        // A later plain update keeps every correction.
        edit("وزير الطاقة يعلن خطة جديدة للكهرباء", "update", null);
        assertEquals(2, TestServer.parse(server.get("/api/articles/" + id).body()).get("corrections").size());
    }

    @Test
    void change_and_note_are_checked() {
        assertField(edit("عنوان", "typo", null), "change");
        assertField(edit("عنوان", "correction", null), "note");
        assertField(edit("عنوان", "update", "ملاحظة بلا تصحيح"), "note");
        ObjectNode created = Articles.article("خبر جديد");
        created.put("change", "correction").put("note", "لا شيء يُصحَّح");
        assertField(server.post("/api/articles", created.toString()), "change");
        assertEquals(0, TestServer.parse(server.get("/api/articles/" + id).body()).get("corrections").size());
    }

    private FeedXml atom() {
        return FeedXml.parse(server.getBytes("/feeds/atom.xml").body());
    }

    private static void assertField(HttpResponse<String> r, String field) {
        JsonNode problem = ArticleApiTest.assertProblem(r, 400);
        assertEquals(field, problem.get("errors").get(0).get("field").asText(), problem.toString());
    }
}
