package org.khulasa.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.khulasa.Articles;
import org.khulasa.TestServer;

/** An article id, once given, is never given again: not its URL, not its feed id, not its Idempotency-Key. */
class ArticleIdsTest {

    @TempDir
    Path data;
    TestServer server;

    @BeforeEach
    void start() {
        server = TestServer.start(data);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void the_id_of_a_deleted_newest_article_is_never_given_again() {
        long first = idOf(server.post("/api/articles", Articles.article("الأول").toString(), "Idempotency-Key", "cms-1"));
        String deletedJson = Articles.article("المحذوف").toString();
        long deleted = idOf(server.post("/api/articles", deletedJson, "Idempotency-Key", "cms-2"));
        assertTrue(deleted > first);
        assertEquals(204, server.delete("/api/articles/" + deleted).statusCode());

        long next = idOf(server.post("/api/articles", Articles.article("الجديد").toString(), "Idempotency-Key", "cms-3"));

        assertTrue(next > deleted, "a new article gets a new id, not " + next);
        assertEquals(404, server.get("/api/articles/" + deleted).statusCode());
        assertEquals(404, server.get("/articles/" + deleted).statusCode());
        // The deleted article's retry must not be answered with the newer article.
        HttpResponse<String> replay = server.post("/api/articles", deletedJson, "Idempotency-Key", "cms-2");
        assertEquals(409, replay.statusCode(), replay.body());
        assertNotEquals(next, TestServer.parse(replay.body()).path("id").asLong(-1));
        assertEquals(2, TestServer.parse(server.get("/api/articles").body()).size());
    }

    private static long idOf(HttpResponse<String> created) {
        assertEquals(201, created.statusCode(), created.body());
        return TestServer.parse(created.body()).get("id").asLong();
    }
}
