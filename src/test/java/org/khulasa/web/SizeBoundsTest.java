package org.khulasa.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
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
import org.khulasa.feed.Feeds;

/** What is stored and served stays bounded, whatever a request under the 2 MB cap holds. */
class SizeBoundsTest {

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
    void a_body_that_grows_past_the_bound_once_sanitized_is_refused_naming_body() {
        // 180,000 characters as sent; each paragraph closed by the sanitizer, twice that stored.
        ObjectNode a = Articles.article("فقرات لا تنتهي");
        a.put("body", "<p>ع".repeat(45_000));
        assertBodyRefused(server.post("/api/articles", a.toString()));
        assertEquals(0, TestServer.parse(server.get("/api/articles").body()).size(), "nothing stored");
    }

    @Test
    void a_body_nested_deeper_than_the_bound_is_refused_naming_body() {
        ObjectNode deep = Articles.article("اقتباس في اقتباس");
        deep.put("body", "<blockquote>".repeat(40) + "نص" + "</blockquote>".repeat(40));
        assertBodyRefused(server.post("/api/articles", deep.toString()));
        ObjectNode bold = Articles.article("خط عريض بلا نهاية");
        bold.put("body", "<b>".repeat(400_000) + "نص"); // 1.2 MB that the sanitizer closes into 2.8 MB
        assertBodyRefused(server.post("/api/articles", bold.toString()));
        ObjectNode fine = Articles.article("اقتباس في اقتباس معقول");
        fine.put("body", "<blockquote>".repeat(10) + "<p>نص</p>" + "</blockquote>".repeat(10));
        assertEquals(201, server.post("/api/articles", fine.toString()).statusCode());
    }

    @Test
    void a_feed_that_would_pass_two_megabytes_carries_fewer_items_and_stays_whole() {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            ObjectNode a = Articles.article("خبر طويل جداً رقم " + i);
            a.put("published", "2026-11-0" + (i + 1) + "T10:00:00Z");
            // ~190,000 characters, ~380 KB of UTF-8: seven of them pass 2 MB in any feed.
            a.put("body", ("<p>" + "كلمة ".repeat(6_300) + "</p>").repeat(6));
            ids.add(server.create(a.toString()).get("id").asLong());
        }
        for (String path : List.of("/feeds/rss.xml", "/feeds/atom.xml", "/feeds/category/politics/rss.xml",
                "/feeds/author/nizar-samir/atom.xml")) {
            HttpResponse<byte[]> r = server.getBytes(path);
            assertEquals(200, r.statusCode(), path);
            assertTrue(r.body().length <= Feeds.MAX_FEED_BYTES, path + " is " + r.body().length + " bytes");
            FeedXml feed = FeedXml.parse(r.body());
            int items = feed.nodes("/rss/channel/item | /a:feed/a:entry").size();
            assertTrue(items >= 1 && items < 7, path + " carries " + items + " items");
            // The newest ones, in order.
            String first = path.contains("rss") ? feed.text("/rss/channel/item[1]/link") : feed.text("/a:feed/a:entry[1]/a:link[@rel='alternate']/@href");
            assertTrue(first.endsWith("/articles/" + ids.get(6)), path + ": " + first);
        }
    }

    private static void assertBodyRefused(HttpResponse<String> r) {
        NoServerErrorTest.assertProblem(r, 400, "body");
    }
}
