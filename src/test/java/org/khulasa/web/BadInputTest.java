package org.khulasa.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.khulasa.Articles;
import org.khulasa.RawHttp;
import org.khulasa.TestServer;

/** Every kind of bad input gets a 4xx problem naming the field, and nothing of it is stored. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputTest {

    @TempDir
    static Path data;
    TestServer server;
    long existing;

    @BeforeAll
    void start() {
        server = TestServer.start(data);
        existing = server.create(Articles.article("مقال موجود").toString()).get("id").asLong();
    }

    @AfterAll
    void stop() {
        server.close();
    }

    static Stream<Arguments> invalidArticles() {
        return Stream.of(
                invalid("title missing", "title", a -> a.remove("title")),
                invalid("title empty", "title", a -> a.put("title", "")),
                invalid("title blank", "title", a -> a.put("title", "   ")),
                invalid("title a number", "title", a -> a.put("title", 42)),
                invalid("title an array", "title", a -> a.putArray("title").add("x")),
                invalid("title too long", "title", a -> a.put("title", "ع".repeat(501))),
                invalid("body missing", "body", a -> a.remove("body")),
                invalid("body empty", "body", a -> a.put("body", "")),
                invalid("body only a script", "body", a -> a.put("body", "<script>alert(1)</script>")),
                invalid("body an object", "body", a -> a.putObject("body")),
                invalid("summary a boolean", "summary", a -> a.put("summary", true)),
                invalid("category missing", "category", a -> a.remove("category")),
                invalid("category a string", "category", a -> a.put("category", "politics")),
                invalid("category slug uppercase", "category.slug", a -> a.putObject("category").put("slug", "Politics").put("name", "سياسة")),
                invalid("category slug Arabic", "category.slug", a -> a.putObject("category").put("slug", "سياسة").put("name", "سياسة")),
                invalid("category slug with a slash", "category.slug", a -> a.putObject("category").put("slug", "../etc").put("name", "x")),
                invalid("category slug too long", "category.slug", a -> a.putObject("category").put("slug", "a".repeat(65)).put("name", "x")),
                invalid("category name missing", "category.name", a -> a.putObject("category").put("slug", "politics")),
                invalid("author slug with a space", "author.slug", a -> a.putObject("author").put("slug", "nizar samir").put("name", "نزار")),
                invalid("author name a number", "author.name", a -> a.putObject("author").put("slug", "nizar").put("name", 7)),
                invalid("published without an offset", "published", a -> a.put("published", "2020-10-25T10:00:00")),
                invalid("published a date only", "published", a -> a.put("published", "2020-10-25")),
                invalid("published nonsense", "published", a -> a.put("published", "أمس")),
                invalid("published an impossible day", "published", a -> a.put("published", "2020-02-30T10:00:00Z")),
                invalid("published a five-digit year", "published", a -> a.put("published", "+10000-01-01T00:00:00Z")),
                invalid("published a number", "published", a -> a.put("published", 1603620000)),
                invalid("related unknown id", "related[0]", a -> a.putArray("related").add(999_999)),
                invalid("related a string", "related", a -> a.put("related", "12")),
                invalid("related not integers", "related[0]", a -> a.putArray("related").add("12")),
                invalid("related negative", "related[0]", a -> a.putArray("related").add(-1)),
                invalid("related fractional", "related[0]", a -> a.putArray("related").add(1.5)),
                invalid("tags an object", "tags", a -> a.putObject("tags")),
                invalid("tags holding a number", "tags[1]", a -> a.putArray("tags").add("سوريا").add(3)),
                invalid("tags holding an empty one", "tags[0]", a -> a.putArray("tags").add(" ")),
                invalid("image a string", "image", a -> a.put("image", "https://x/a.jpg")),
                invalid("image url javascript", "image.url", a -> a.putObject("image").put("url", "javascript:alert(1)")),
                invalid("image url relative", "image.url", a -> a.putObject("image").put("url", "/a.jpg")),
                invalid("image type not an image", "image.type", a -> a.putObject("image").put("url", "https://x.example/a.jpg").put("type", "text/html")),
                invalid("image url with userinfo", "image.url", a -> a.putObject("image").put("url", "https://www.google.com@evil.example/x.png")),
                invalid("image url with a user and password", "image.url", a -> a.putObject("image").put("url", "https://u:p@img.example/x.png")),
                invalid("image url port 99999", "image.url", a -> a.putObject("image").put("url", "https://img.example:99999/x.png")),
                invalid("image url port 0", "image.url", a -> a.putObject("image").put("url", "http://img.example:0/x.png")),
                invalid("image url ftp", "image.url", a -> a.putObject("image").put("url", "ftp://img.example/x.png")),
                invalid("image url file", "image.url", a -> a.putObject("image").put("url", "file:///etc/passwd")),
                invalid("image .svg typed jpeg", "image.type", a -> a.putObject("image").put("url", "https://img.example/x.svg").put("type", "image/jpeg")),
                invalid("image .png typed gif", "image.type", a -> a.putObject("image").put("url", "https://img.example/x.PNG?w=3").put("type", "image/gif")));
    }

    private static Arguments invalid(String name, String field, Consumer<ObjectNode> breakIt) {
        ObjectNode article = Articles.article("مقال مرفوض");
        breakIt.accept(article);
        return Arguments.of(name, field, article.toString());
    }

    @ParameterizedTest(name = "{0} is refused, naming {1}")
    @MethodSource("invalidArticles")
    void an_invalid_article_is_refused_naming_the_field(String name, String field, String json) {
        assertRefused(server.post("/api/articles", json), 400, field);
        assertRefused(server.put("/api/articles/" + existing, json), 400, field);
    }

    @ParameterizedTest(name = "malformed JSON: {0}")
    @MethodSource("malformedJson")
    void malformed_json_is_refused(String json) {
        assertRefused(server.post("/api/articles", json), 400, "");
    }

    static Stream<String> malformedJson() {
        return Stream.of("{", "{\"title\": }", "[1, 2]", "\"just a string\"", "null", "42", "{\"title\": \"a\"} trailing",
                "{\"title\": \"a\", \"title\": \"b\"}", "{'title': 'single quotes'}", "{\"title\": \"غير مغلق}",
                "[".repeat(100) + "]".repeat(100), " ");
    }

    @Test
    void invalid_utf8_is_refused() {
        byte[] bytes = "{\"title\": \"\u00ff\u00fe\", \"body\": \"<p>x</p>\"}".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        HttpResponse<String> r = server.send(HttpRequest.newBuilder(URI.create(server.url("/api/articles")))
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)),
                "Authorization", "Bearer " + TestServer.TOKEN, "Content-Type", "application/json");
        assertRefused(r, 400, "");
    }

    @Test
    void a_body_over_two_megabytes_is_refused_with_413_even_to_a_client_that_sends_it_all_before_reading()
            throws IOException {
        ObjectNode article = Articles.article("مقال ضخم");
        article.put("body", "<p>" + "ك".repeat(5_000_000) + "</p>"); // 10 MB of UTF-8: more than socket buffers hold
        byte[] body = article.toString().getBytes(StandardCharsets.UTF_8);
        byte[] request = RawHttp.request("POST", "/api/articles", List.of("Host: 127.0.0.1",
                "Authorization: Bearer " + TestServer.TOKEN, "Content-Type: application/json",
                "Content-Length: " + body.length), body);
        // As urllib and many PHP and Java clients do: write everything, only then read. A server
        // that answers from Content-Length and closes at once makes the write fail (broken pipe).
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.config.port())) {
            socket.setSoTimeout(15_000);
            OutputStream out = socket.getOutputStream();
            out.write(request);
            out.flush();
            RawHttp.Response r = RawHttp.read(new BufferedInputStream(socket.getInputStream()), false);
            assertEquals(413, r.status(), r.text());
            assertEquals("application/problem+json; charset=utf-8", r.header("Content-Type"));
            JsonNode problem = TestServer.parse(r.text());
            assertEquals(413, problem.get("status").asInt());
            assertTrue(problem.get("detail").asText().contains("2 MB"), problem.toString());
        }
        JsonNode all = TestServer.parse(server.get("/api/articles?limit=100", "Authorization", "Bearer " + TestServer.TOKEN).body());
        assertEquals(1, all.size(), "nothing of a refused request is stored");
    }

    @Test
    void a_body_declared_far_too_large_is_refused_at_once_without_reading_it() throws IOException {
        // Beyond what the server reads to let a 413 through: it answers from the head alone.
        byte[] head = RawHttp.request("POST", "/api/articles", List.of("Host: 127.0.0.1",
                "Authorization: Bearer " + TestServer.TOKEN, "Content-Type: application/json",
                "Content-Length: " + 100_000_000), new byte[0]);
        RawHttp.Response r = RawHttp.exchange(server.config.port(), head, false, java.time.Duration.ofSeconds(3));
        assertEquals(413, r.status(), r.text());
        assertEquals("close", r.header("Connection"));
    }

    @Test
    void a_chunked_body_over_two_megabytes_is_refused_with_413_once_sent_whole() throws IOException {
        byte[] json = ("{\"title\": \"" + "ك".repeat(5_000_000) + "\"}").getBytes(StandardCharsets.UTF_8);
        java.io.ByteArrayOutputStream chunked = new java.io.ByteArrayOutputStream();
        for (int at = 0; at < json.length; at += 65_536) {
            int n = Math.min(65_536, json.length - at);
            chunked.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            chunked.write(json, at, n);
            chunked.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        chunked.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        byte[] request = RawHttp.request("POST", "/api/articles", List.of("Host: 127.0.0.1",
                "Authorization: Bearer " + TestServer.TOKEN, "Content-Type: application/json",
                "Transfer-Encoding: chunked"), chunked.toByteArray());
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.config.port())) {
            socket.setSoTimeout(15_000);
            socket.getOutputStream().write(request);
            RawHttp.Response r = RawHttp.read(new BufferedInputStream(socket.getInputStream()), false);
            assertEquals(413, r.status(), r.text());
        }
    }

    @Test
    void a_body_that_is_not_json_is_refused_with_415() {
        String json = Articles.article("نوع خاطئ").toString();
        assertRefused(server.post("/api/articles", json, "Content-Type", "text/plain"), 415, null);
        assertRefused(server.post("/api/articles", json, "Content-Type", "application/x-www-form-urlencoded"), 415, null);
        assertRefused(server.post("/api/articles", json, "Content-Type", "application/json; charset=iso-8859-1"), 415, null);
    }

    @Test
    void a_malformed_id_or_query_parameter_is_refused_naming_it() {
        assertRefused(server.get("/api/articles/abc"), 400, "id");
        assertRefused(server.get("/api/articles/-3"), 400, "id");
        assertRefused(server.get("/api/articles/99999999999999999999999"), 400, "id");
        assertRefused(server.get("/api/articles?limit=0"), 400, "limit");
        assertRefused(server.get("/api/articles?limit=abc"), 400, "limit");
        assertRefused(server.get("/api/articles?before=yesterday"), 400, "before");
        // The same RFC 3339 reading as the body's published: an offset and a four-digit year.
        assertRefused(server.get("/api/articles?before=2026-01-03T10:00:00"), 400, "before");
        assertRefused(server.get("/api/articles?before=%2B10000-01-01T00:00:00Z"), 400, "before");
        assertEquals(200, server.get("/api/articles?before=2026-01-03T10:00:00%2B03:00").statusCode());
        assertRefused(server.get("/api/articles?category=Not%20A%20Slug"), 400, "category");
        assertRefused(server.put("/api/articles/0", Articles.article("x").toString()), 400, "id");
    }

    @Test
    void unknown_ids_are_404_problems() {
        HttpResponse<String> r = server.get("/api/articles/424242");
        assertEquals(404, r.statusCode());
        assertEquals("application/problem+json; charset=utf-8", TestServer.header(r, "Content-Type").orElseThrow());
        assertEquals(404, server.put("/api/articles/424242", Articles.article("x").toString()).statusCode());
        assertEquals(404, server.delete("/api/articles/424242").statusCode());
    }

    @Test
    void unknown_paths_and_methods_answer_problems() {
        ArticleApiTest.assertProblem(server.get("/api/nothing-here"), 404);
        ArticleApiTest.assertProblem(server.send(HttpRequest.newBuilder(URI.create(server.url("/api/articles/" + existing)))
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{}")),
                "Authorization", "Bearer " + TestServer.TOKEN, "Content-Type", "application/json"), 405);
    }

    @Test
    void an_article_cannot_be_related_to_itself() {
        ObjectNode self = Articles.withRelated(Articles.article("نفسه"), existing);
        assertRefused(server.put("/api/articles/" + existing, self.toString()), 400, "related[0]");
    }

    /** Asserts the problem document and that the archive still holds exactly the one seeded article. */
    private void assertRefused(HttpResponse<String> r, int status, String field) {
        JsonNode problem = ArticleApiTest.assertProblem(r, status);
        if (field != null) {
            List<String> fields = new ArrayList<>();
            problem.get("errors").forEach(e -> fields.add(e.get("field").asText()));
            assertTrue(fields.contains(field), "errors name " + field + ": " + r.body());
        }
        JsonNode all = TestServer.parse(server.get("/api/articles?limit=100", "Authorization", "Bearer " + TestServer.TOKEN).body());
        assertEquals(1, all.size(), "nothing of a refused request is stored");
        assertEquals("مقال موجود", all.get(0).get("title").asText(), "the existing article is untouched");
    }
}
