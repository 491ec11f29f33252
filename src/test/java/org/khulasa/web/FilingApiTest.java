package org.khulasa.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.khulasa.Articles;
import org.khulasa.FeedXml;
import org.khulasa.TestServer;

/** Editors list, rename and remove categories and authors; one in use can't be removed. */
class FilingApiTest {
    private static final String EDITOR = "Bearer " + TestServer.TOKEN;

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
    void categories_are_listed_renamed_and_removed_once_unused() {
        long id = server.create(Articles.article("خبر سياسي", "politics", "nizar-samir").toString()).get("id").asLong();
        ObjectNode scheduled = Articles.article("خبر مجدول في قسم جديد", "later", "nizar-samir");
        scheduled.put("published", "2099-01-01T00:00:00Z");
        server.create(scheduled.toString());

        assertEquals(List.of("politics"), slugs(server.get("/api/categories").body()), "the public sees what is out");
        assertEquals(List.of("later", "politics"), slugs(server.get("/api/categories", "Authorization", EDITOR).body()));
        assertEquals(404, server.get("/api/categories/later").statusCode());
        assertEquals(1, TestServer.parse(server.get("/api/categories/politics").body()).get("articles").asInt());

        var renamed = server.put("/api/categories/politics", "{\"name\": \"سياسة محلية\"}");
        assertEquals(200, renamed.statusCode(), renamed.body());
        assertEquals("سياسة محلية", TestServer.parse(renamed.body()).get("name").asText());
        assertEquals("سياسة محلية", TestServer.parse(server.get("/api/articles/" + id).body()).get("category").get("name").asText());
        FeedXml feed = FeedXml.parse(server.getBytes("/feeds/category/politics/atom.xml").body());
        assertTrue(feed.text("/a:feed/a:title").contains("سياسة محلية"));
        assertEquals(400, server.put("/api/categories/politics", "{\"name\": \" \"}").statusCode());
        assertEquals(404, server.put("/api/categories/nothing", "{\"name\": \"x\"}").statusCode());
        assertEquals(401, server.put("/api/categories/politics", "{\"name\": \"x\"}", "Authorization", "Bearer wrong").statusCode());

        assertEquals(409, server.delete("/api/categories/politics").statusCode(), "in use");
        assertEquals(409, server.delete("/api/categories/later").statusCode(), "a scheduled article is filed there");
        assertEquals(204, server.delete("/api/articles/" + id).statusCode());
        assertEquals(204, server.delete("/api/categories/politics").statusCode());
        assertEquals(404, server.delete("/api/categories/politics").statusCode());
        assertFalse(slugs(server.get("/api/categories", "Authorization", EDITOR).body()).contains("politics"));
    }

    @Test
    void authors_have_the_same_api() {
        server.create(Articles.article("خبر", "politics", "nizar-samir").toString());
        assertEquals(List.of("nizar-samir"), slugs(server.get("/api/authors").body()));
        assertEquals(200, server.put("/api/authors/nizar-samir", "{\"name\": \"نزار سمير الحلبي\"}").statusCode());
        assertTrue(server.get("/author/nizar-samir").body().contains("نزار سمير الحلبي"));
        assertEquals(409, server.delete("/api/authors/nizar-samir").statusCode());
        assertEquals(400, server.delete("/api/authors/Not_A_Slug").statusCode());
    }

    private static List<String> slugs(String json) {
        List<String> out = new ArrayList<>();
        for (JsonNode f : TestServer.parse(json)) {
            out.add(f.get("slug").asText());
        }
        return out;
    }
}
