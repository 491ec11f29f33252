package org.khulasa.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.khulasa.Articles;
import org.khulasa.TestServer;

/** What a client does with the API beyond single calls: pages through the list, sends back what it read. */
class ApiRoundTripTest {
    private static final Pattern NEXT = Pattern.compile("<([^>]+)>; rel=\"next\"");

    @TempDir
    Path data;
    TestServer server;

    @BeforeEach
    void start() {
        server = TestServer.start(data, Map.of("KHULASA_RELATED_COUNT", "3"));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void following_link_rel_next_lists_every_article_once_even_when_they_share_a_time() {
        List<Long> created = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            ObjectNode a = Articles.article("خبر " + i, i % 2 == 0 ? "sports" : "economy", "omar-khatib");
            // Five articles at one instant straddle the page boundaries.
            a.put("published", i < 5 ? "2026-03-01T09:00:00Z" : "2026-03-0" + i + "T09:00:00Z");
            created.add(server.create(a.toString()).get("id").asLong());
        }
        List<Long> seen = new ArrayList<>();
        String next = "/api/articles?limit=2";
        int pages = 0;
        while (next != null) {
            HttpResponse<String> page = server.get(next);
            assertEquals(200, page.statusCode(), page.body());
            TestServer.parse(page.body()).forEach(a -> seen.add(a.get("id").asLong()));
            next = nextLink(page).orElse(null);
            assertTrue(++pages <= 5, "paging ends");
        }
        // Newest first, then by id among equal times.
        assertEquals(List.of(created.get(6), created.get(5), created.get(4), created.get(3), created.get(2),
                created.get(1), created.get(0)), seen);

        // Filters are carried to the next page.
        HttpResponse<String> sports = server.get("/api/articles?category=sports&limit=1");
        String link = nextLink(sports).orElseThrow();
        assertTrue(link.startsWith("/api/articles?limit=1&category=sports&before="), link);
        // A page not full has no next.
        assertFalse(nextLink(server.get("/api/articles?limit=100")).isPresent());
    }

    @Test
    void before_id_needs_before_and_a_whole_number() {
        assertEquals(400, server.get("/api/articles?before_id=3").statusCode());
        HttpResponse<String> bad = server.get("/api/articles?before=2026-01-01T00:00:00Z&before_id=x");
        assertEquals(400, bad.statusCode());
        assertTrue(bad.body().contains("before_id"), bad.body());
    }

    @Test
    void an_article_read_with_get_can_be_sent_back_with_put_and_keeps_the_editors_picks_only() {
        long a = server.create(Articles.article("وزير الخارجية يزور دمشق لبحث العلاقات").toString()).get("id").asLong();
        long b = server.create(Articles.article("وزير الخارجية يبحث في دمشق ملف العلاقات").toString()).get("id").asLong();
        long picked = server.create(Articles.article("مباراة كرة القدم في الملعب البلدي").toString()).get("id").asLong();
        long c = server.create(Articles.withRelated(Articles.article("وزير الخارجية في دمشق: العلاقات أولاً"), picked)
                .toString()).get("id").asLong();

        JsonNode read = TestServer.parse(server.get("/api/articles/" + c).body());
        JsonNode related = read.get("related");
        assertEquals(picked, related.get(0).get("id").asLong());
        assertEquals("editor", related.get(0).get("chosen").asText());
        assertTrue(related.size() > 1, "automatic links fill the list: " + related);
        for (int i = 1; i < related.size(); i++) {
            assertEquals("auto", related.get(i).get("chosen").asText());
            assertTrue(List.of(a, b).contains(related.get(i).get("id").asLong()));
        }

        // The document exactly as GET gave it, with a new title.
        ObjectNode edited = read.deepCopy();
        edited.put("title", "وزير الخارجية في دمشق: العلاقات أولاً (محدّث)");
        HttpResponse<String> put = server.put("/api/articles/" + c, edited.toString());
        assertEquals(200, put.statusCode(), put.body());
        JsonNode after = TestServer.parse(put.body());
        assertEquals(edited.get("title"), after.get("title"));
        assertEquals(read.get("published"), after.get("published"));
        assertEquals(read.get("related").size(), after.get("related").size());
        assertEquals("editor", after.get("related").get(0).get("chosen").asText());
        assertEquals(1, countChosen(after, "editor"), "automatic links stay automatic: " + after.get("related"));

        // Plain ids and {"id": …} objects name editor's picks alike; a bad one names its place.
        ObjectNode mixed = read.deepCopy();
        mixed.putArray("related").add(a).addObject().put("id", b);
        JsonNode both = TestServer.parse(server.put("/api/articles/" + c, mixed.toString()).body());
        assertEquals(List.of(a, b), List.of(both.get("related").get(0).get("id").asLong(), both.get("related").get(1).get("id").asLong()));
        assertEquals(2, countChosen(both, "editor"));
        ObjectNode wrong = read.deepCopy();
        wrong.putArray("related").addObject().put("title", "بلا رقم");
        HttpResponse<String> refused = server.put("/api/articles/" + c, wrong.toString());
        assertEquals(400, refused.statusCode());
        assertEquals("related[0].id", TestServer.parse(refused.body()).get("errors").get(0).get("field").asText());
    }

    private static long countChosen(JsonNode article, String by) {
        long n = 0;
        for (JsonNode r : article.get("related")) {
            n += r.get("chosen").asText().equals(by) ? 1 : 0;
        }
        return n;
    }

    private static Optional<String> nextLink(HttpResponse<String> page) {
        return TestServer.header(page, "Link").map(NEXT::matcher).filter(Matcher::find)
                .map(m -> URI.create(m.group(1)).toString());
    }
}
