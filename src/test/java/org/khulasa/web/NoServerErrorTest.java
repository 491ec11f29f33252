package org.khulasa.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.khulasa.Articles;
import org.khulasa.FeedXml;
import org.khulasa.Leaks;
import org.khulasa.RawHttp;
import org.khulasa.TestServer;

/**
 * Requests that used to get a 500, Jetty's HTML, or an answer that depended on the method or on
 * what the feed cache held: each gets the answer its GET would, in the API's own problem shape.
 */
class NoServerErrorTest {

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
    void a_before_beyond_any_date_is_a_400_and_one_line_in_the_log() {
        PrintStream original = System.err;
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        HttpResponse<String> r;
        try {
            System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
            r = server.get("/api/articles?before=%2B999999999-12-31T23:59:59Z");
        } finally {
            System.setErr(original);
        }
        assertProblem(r, 400, "before");
        List<String> lines = log.toString(StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
        assertEquals(1, lines.size(), "one line: " + lines);
        assertTrue(Leaks.in(lines.get(0)).isEmpty(), "no trace: " + lines.get(0));
        for (String before : List.of("-999999999-01-01T00:00:00Z", "%2B10000-01-01T00:00:00Z", "0000-01-01T00:00:00Z")) {
            assertProblem(server.get("/api/articles?before=" + before), 400, "before");
        }
    }

    @Test
    void published_times_outside_1900_to_9999_are_refused_and_rss_and_atom_agree_on_the_rest() {
        for (String time : List.of("9999-12-31T23:59:59-18:00", "0000-01-01T00:00:00Z", "0001-01-01T00:00:00Z",
                "1581-10-10T00:00:00Z", "1899-12-31T23:59:59Z")) {
            ObjectNode a = Articles.article("خبر خارج المدى");
            a.put("published", time);
            assertProblem(server.post("/api/articles", a.toString()), 400, "published");
        }
        ObjectNode earliest = Articles.article("أقدم خبر مقبول");
        earliest.put("published", "1900-01-01T02:00:00+02:00");
        assertEquals("1900-01-01T00:00:00Z", server.create(earliest.toString()).get("published").asText());
        FeedXml rss = FeedXml.parse(server.getBytes("/feeds/rss.xml").body());
        FeedXml atom = FeedXml.parse(server.getBytes("/feeds/atom.xml").body());
        assertEquals("Mon, 01 Jan 1900 00:00:00 GMT", rss.text("/rss/channel/item[1]/pubDate"));
        assertEquals("1900-01-01T00:00:00Z", atom.text("/a:feed/a:entry[1]/a:published"));
    }

    @Test
    void head_answers_as_get_would_without_the_body() throws IOException {
        long id = server.create(Articles.article("خبر للرأس").toString()).get("id").asLong();
        for (String path : List.of("/", "/health", "/articles/" + id, "/articles/999", "/category/politics",
                "/category/nothing-here", "/author/nizar-samir", "/api/articles", "/api/articles/" + id,
                "/api/articles/999", "/api/articles/x", "/api/articles?limit=0", "/feeds/rss.xml")) {
            HttpResponse<byte[]> get = server.getBytes(path);
            RawHttp.Response head = RawHttp.exchange(server.port(), RawHttp.request("HEAD", path, new byte[0]));
            assertEquals(get.statusCode(), head.status(), "HEAD " + path);
            assertEquals(get.headers().firstValue("Content-Type").orElse(""), head.header("Content-Type"), "HEAD " + path);
            assertEquals(0, head.body().length, "HEAD " + path);
        }
    }

    @Test
    void requests_jetty_refuses_itself_are_answered_as_problems() throws IOException {
        String big = "a".repeat(20_000);
        List<byte[]> refused = List.of(
                RawHttp.request("POST", "/api/articles", List.of("Host: 127.0.0.1", "Connection: close",
                        "Content-Length: 2", "Content-Length: 3"), "{}".getBytes(StandardCharsets.US_ASCII)),
                RawHttp.request("GET", "/feeds/rss%00.xml", new byte[0]),
                RawHttp.request("GET", "/articles/1%00", new byte[0]),
                RawHttp.request("GET", "/" + big, new byte[0]),
                RawHttp.request("GET", "/health", new byte[0], "X-Big: " + big));
        List<Integer> expected = List.of(400, 400, 400, 414, 431);
        for (int i = 0; i < refused.size(); i++) {
            RawHttp.Response r = RawHttp.exchange(server.port(), refused.get(i));
            assertEquals(expected.get(i), r.status(), "case " + i + ": " + r.text());
            assertTrue(r.header("Content-Type").startsWith("application/problem+json"), "case " + i + ": " + r.header("Content-Type"));
            JsonNode problem = TestServer.parse(r.text());
            assertEquals(expected.get(i), problem.get("status").asInt());
            assertTrue(Leaks.in(r.text()).isEmpty(), r.text());
        }
    }

    @Test
    void odd_spellings_of_a_feed_path_get_one_answer_whatever_the_cache_holds() throws IOException {
        server.create(Articles.article("خبر في الخلاصة").toString());
        List<String> odd = List.of("/x/../feeds/rss.xml", "/feeds/rss.xml;x=y", "/feeds/%72ss.xml", "/feeds/./rss.xml",
                "/feeds/category/politics/%61tom.xml", "/feeds/index.opml;a");
        List<Integer> cold = statuses(odd);
        server.getBytes("/feeds/rss.xml");
        server.getBytes("/feeds/category/politics/atom.xml");
        server.getBytes("/feeds/index.opml");
        assertEquals(cold, statuses(odd), "the same answers once the feeds are cached");
        for (int status : cold) {
            assertEquals(404, status);
        }
    }

    private List<Integer> statuses(List<String> paths) throws IOException {
        List<Integer> statuses = new java.util.ArrayList<>();
        for (String path : paths) {
            statuses.add(RawHttp.exchange(server.port(), RawHttp.request("GET", path, new byte[0])).status());
        }
        return statuses;
    }

    static void assertProblem(HttpResponse<String> r, int status, String field) {
        assertEquals(status, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        JsonNode problem = TestServer.parse(r.body());
        boolean named = false;
        for (JsonNode error : problem.path("errors")) {
            named |= error.get("field").asText().equals(field);
        }
        assertTrue(named, "names " + field + ": " + r.body());
        assertFalse(Leaks.in(r.body()).isPresent(), r.body());
    }
}
