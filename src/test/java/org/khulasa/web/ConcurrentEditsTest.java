package org.khulasa.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.khulasa.Articles;
import org.khulasa.TestServer;

/** Two editors, one story: If-Match turns a silent overwrite into a 412 with the current version. */
class ConcurrentEditsTest {

    @TempDir
    Path data;
    TestServer server;
    long id;
    String path;

    @BeforeEach
    void start() {
        server = TestServer.start(data);
        id = server.create(Articles.article("خبر يحرره اثنان").toString()).get("id").asLong();
        path = "/api/articles/" + id;
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private String etag() {
        HttpResponse<String> r = server.get(path, "Authorization", "Bearer " + TestServer.TOKEN);
        return TestServer.header(r, "ETag").orElseThrow();
    }

    @Test
    void an_edit_based_on_the_current_version_goes_through_and_moves_the_etag() {
        String seen = etag();
        assertTrue(seen.startsWith("\"") && seen.endsWith("\""), "a strong ETag: " + seen);
        HttpResponse<String> r = server.put(path, Articles.article("عنوان أول محرر").toString(), "If-Match", seen);
        assertEquals(200, r.statusCode(), r.body());
        String next = TestServer.header(r, "ETag").orElseThrow();
        assertNotEquals(seen, next);
        assertEquals(next, etag());
        // Even a minor fix, which readers are not told of, is a new version for editors.
        ObjectNode minor = Articles.article("عنوان أول محرّر");
        minor.put("change", "minor");
        assertNotEquals(next, TestServer.header(server.put(path, minor.toString(), "If-Match", next), "ETag").orElseThrow());
    }

    @Test
    void the_slower_editor_gets_412_with_the_current_version_instead_of_overwriting() {
        String both = etag();
        assertEquals(200, server.put(path, Articles.article("تصحيح المحرر الأول").toString(), "If-Match", both).statusCode());

        HttpResponse<String> late = server.put(path, Articles.article("نسخة المحرر الثاني").toString(), "If-Match", both);
        JsonNode problem = ArticleApiTest.assertProblem(late, 412);
        assertEquals("تصحيح المحرر الأول", problem.get("current").get("title").asText());
        assertEquals(etag(), TestServer.header(late, "ETag").orElseThrow());
        assertEquals("تصحيح المحرر الأول", TestServer.parse(server.get(path).body()).get("title").asText(), "nothing overwritten");

        assertEquals(412, server.delete(path, "If-Match", both).statusCode());
        assertEquals(200, server.get(path).statusCode(), "a stale delete deletes nothing");
        assertEquals(204, server.delete(path, "If-Match", etag()).statusCode());
    }

    @Test
    void without_if_match_or_with_a_star_edits_behave_as_before() {
        assertEquals(200, server.put(path, Articles.article("بلا شرط").toString()).statusCode());
        assertEquals(200, server.put(path, Articles.article("بأي نسخة").toString(), "If-Match", "*").statusCode());
        assertEquals(412, server.put(path, Articles.article("نسخة ضعيفة").toString(), "If-Match", "W/" + etag()).statusCode(),
                "If-Match compares strongly: a weak tag never matches");
        assertEquals(204, server.delete(path).statusCode());
    }

    @Test
    void a_malformed_if_match_is_refused_naming_it() {
        JsonNode problem = ArticleApiTest.assertProblem(
                server.put(path, Articles.article("شرط مشوه").toString(), "If-Match", "not-a-tag"), 400);
        assertEquals("If-Match", problem.get("errors").get(0).get("field").asText());
    }
}
