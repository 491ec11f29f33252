package org.khulasa.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.khulasa.Articles;
import org.khulasa.TestServer;

class ArticleApiTest {

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
    void tricky_arabic_is_stored_and_returned_exactly() {
        String title = "S-400: «الدِّفَاعُ الجَوِّيُّ» يَصِلُ ٢٠٢٦ — شركة A&B <تختبر> \"القبة\" 'الجديدة' 🚀";
        String summary = "مـــلخص بالتطويل، وأرقام ١٢٣٤٥٦٧٨٩٠ و۱۲۳ فارسية، مع\u200Cفاصل وعلامة\u200Fاتجاه\u200Eوعكسها.";
        String body = "<p>نصٌّ فيه iPhone 17 و«اقتباس» و“علامات” &amp; رموز &lt;خاصة&gt; 😀</p>"
                + "<h2>عنوانٌ فرعي</h2><ul><li>بند أوّل</li><li>بند ثانٍ</li></ul>"
                + "<blockquote>قالَ المتحدّثُ: «لا تعليق»</blockquote>";
        ObjectNode article = Articles.article(title);
        article.put("summary", summary);
        article.put("body", body);
        article.putObject("author").put("slug", "nizar-samir").put("name", "نِزار سَمير");
        article.putArray("tags").add("سوريا").add("الدفاع الجوي").add("٢٠٢٦");
        article.putObject("image").put("url", "https://img.example.org/a.jpg?w=800&h=600")
                .put("type", "image/jpeg").put("caption", "صورةٌ «أرشيفية» & تعليق");

        JsonNode created = server.create(article.toString());
        JsonNode read = TestServer.parse(server.get("/api/articles/" + created.get("id").asLong()).body());

        for (JsonNode a : List.of(created, read)) {
            assertEquals(title, a.get("title").asText());
            assertEquals(summary, a.get("summary").asText());
            assertEquals(body, a.get("body").asText(), "safe markup and entities kept as sent");
            assertEquals("نِزار سَمير", a.get("authors").get(0).get("name").asText());
            assertEquals(List.of("سوريا", "الدفاع الجوي", "٢٠٢٦"),
                    TestServer.JSON.convertValue(a.get("tags"), List.class));
            assertEquals("صورةٌ «أرشيفية» & تعليق", a.get("image").get("caption").asText());
            assertEquals("https://img.example.org/a.jpg?w=800&h=600", a.get("image").get("url").asText());
        }
    }

    @Test
    void create_answers_201_with_location_id_url_and_utc_times() {
        ObjectNode article = Articles.article("خبر بتوقيت دمشق");
        article.put("published", "2020-10-25T10:00:00+03:00");
        HttpResponse<String> r = server.post("/api/articles", article.toString());

        assertEquals(201, r.statusCode());
        JsonNode body = TestServer.parse(r.body());
        long id = body.get("id").asLong();
        assertEquals("/api/articles/" + id, TestServer.header(r, "Location").orElseThrow());
        assertEquals(server.url("/articles/" + id), body.get("url").asText());
        assertEquals(Instant.parse("2020-10-25T07:00:00Z"), OffsetDateTime.parse(body.get("published").asText()).toInstant());
        assertTrue(body.get("published").asText().endsWith("Z"));
        assertTrue(body.get("updated").asText().endsWith("Z"));
        assertTrue(TestServer.header(r, "Content-Type").orElseThrow().startsWith("application/json"));
    }

    @Test
    void hostile_html_is_sanitized_but_safe_markup_kept() {
        ObjectNode article = Articles.article("اختبار التعقيم");
        article.put("body", "<p onclick=\"steal()\" style=\"color:red\">فقرة <a href=\"javascript:alert(1)\">رابط</a>"
                + " <a href=\"https://example.org/x\">سليم</a></p><script>alert('x')</script>"
                + "<style>p{}</style><iframe src=\"https://evil.example\"></iframe>"
                + "<img src=\"data:image/png;base64,AAAA\" onerror=\"alert(1)\"><img src=\"https://img.example.org/ok.jpg\" alt=\"صورة\">"
                + "<h2 onmouseover=\"x()\">عنوان</h2><figure><figcaption>شرح</figcaption></figure><em>مهم</em>");
        String body = server.create(article.toString()).get("body").asText();

        org.jsoup.nodes.Document doc = org.jsoup.Jsoup.parseBodyFragment(body);
        assertTrue(doc.select("script, style, iframe").isEmpty(), body);
        assertTrue(doc.select("[onclick], [onerror], [onmouseover], [style]").isEmpty(), body);
        assertTrue(doc.select("a[href^=javascript], img[src^=data]").isEmpty(), body);
        assertEquals("https://example.org/x", doc.select("a[href]").attr("href"));
        assertEquals(1, doc.select("img[src=https://img.example.org/ok.jpg]").size());
        assertEquals(1, doc.select("h2").size());
        assertEquals(1, doc.select("figure > figcaption").size());
        assertEquals(1, doc.select("em").size());
        assertFalse(body.contains("alert"), body);
    }

    @Test
    void xml_illegal_characters_are_removed_from_every_text_field() {
        ObjectNode article = Articles.article("عنوان\u0001 مع\u000B تحكم\uFFFE");
        article.put("summary", "ملخص\u0000 فيه\u001F رموز");
        article.put("body", "<p>نص\u0008 المقال LONE</p>");
        article.putArray("tags").add("وسم\u0002");
        // A lone surrogate can only arrive as a JSON escape: UTF-8 cannot carry one.
        JsonNode created = server.create(article.toString().replace(" LONE", "\\ud800"));

        assertEquals("عنوان مع تحكم", created.get("title").asText());
        assertEquals("ملخص فيه رموز", created.get("summary").asText());
        assertEquals("<p>نص المقال</p>", created.get("body").asText());
        assertEquals("وسم", created.get("tags").get(0).asText());
    }

    @Test
    void update_replaces_the_article_and_keeps_its_id_and_publication_time() throws Exception {
        ObjectNode original = Articles.article("العنوان الأول", "politics", "nizar-samir");
        original.put("published", "2026-01-02T03:04:05Z");
        JsonNode created = server.create(original.toString());
        long id = created.get("id").asLong();
        Thread.sleep(5);

        ObjectNode replacement = Articles.article("العنوان المعدّل", "economy", "layla-haddad");
        HttpResponse<String> r = server.put("/api/articles/" + id, replacement.toString());

        assertEquals(200, r.statusCode());
        JsonNode updated = TestServer.parse(r.body());
        assertEquals(id, updated.get("id").asLong());
        assertEquals("العنوان المعدّل", updated.get("title").asText());
        assertEquals("economy", updated.get("category").get("slug").asText());
        assertEquals(created.get("published"), updated.get("published"));
        assertNotEquals(created.get("updated"), updated.get("updated"));
        assertTrue(Instant.parse(updated.get("updated").asText()).isAfter(Instant.parse(created.get("updated").asText())));
        assertEquals("العنوان المعدّل", TestServer.parse(server.get("/api/articles/" + id).body()).get("title").asText());
    }

    @Test
    void category_and_author_names_are_created_on_first_use_and_renamed_by_later_posts() {
        server.create(Articles.article("أول").toString());
        ObjectNode second = Articles.article("ثان");
        second.putObject("category").put("slug", "politics").put("name", "السياسة");
        server.create(second.toString());

        JsonNode list = TestServer.parse(server.get("/api/articles?category=politics").body());
        assertEquals(2, list.size());
        for (JsonNode a : list) {
            assertEquals("السياسة", a.get("category").get("name").asText());
        }
    }

    @Test
    void delete_removes_the_article_and_its_place_in_related_lists() {
        long a = server.create(Articles.article("أ").toString()).get("id").asLong();
        long b = server.create(Articles.withRelated(Articles.article("ب"), a).toString()).get("id").asLong();
        assertEquals(a, TestServer.parse(server.get("/api/articles/" + b).body()).get("related").get(0).get("id").asLong());

        assertEquals(204, server.delete("/api/articles/" + a).statusCode());
        assertEquals(404, server.get("/api/articles/" + a).statusCode());
        assertEquals(404, server.delete("/api/articles/" + a).statusCode());
        assertEquals(0, TestServer.parse(server.get("/api/articles/" + b).body()).get("related").size());
    }

    @Test
    void related_articles_are_returned_with_title_and_url_in_the_editors_order() {
        long a = server.create(Articles.article("الأول").toString()).get("id").asLong();
        long b = server.create(Articles.article("الثاني").toString()).get("id").asLong();
        JsonNode c = server.create(Articles.withRelated(Articles.article("الثالث"), b, a).toString());

        JsonNode related = c.get("related");
        assertEquals(2, related.size());
        assertEquals(b, related.get(0).get("id").asLong());
        assertEquals("الثاني", related.get(0).get("title").asText());
        assertEquals(server.url("/articles/" + b), related.get(0).get("url").asText());
        assertEquals(a, related.get(1).get("id").asLong());
    }

    @Test
    void list_is_newest_first_and_filters_by_category_author_limit_and_before() {
        String[] times = {"2026-01-01T10:00:00Z", "2026-01-02T10:00:00Z", "2026-01-03T10:00:00Z", "2026-01-04T10:00:00Z"};
        for (int i = 0; i < times.length; i++) {
            ObjectNode a = Articles.article("خبر " + i, i % 2 == 0 ? "sports" : "economy", i < 2 ? "omar-khatib" : "rana-youssef");
            a.put("published", times[i]);
            server.create(a.toString());
        }
        assertEquals(List.of("خبر 3", "خبر 2", "خبر 1", "خبر 0"), titles("/api/articles"));
        assertEquals(List.of("خبر 2", "خبر 0"), titles("/api/articles?category=sports"));
        assertEquals(List.of("خبر 1", "خبر 0"), titles("/api/articles?author=omar-khatib"));
        assertEquals(List.of("خبر 3"), titles("/api/articles?limit=1"));
        assertEquals(List.of("خبر 1", "خبر 0"), titles("/api/articles?before=2026-01-03T10:00:00Z"));
        assertEquals(List.of("خبر 2"), titles("/api/articles?category=sports&author=rana-youssef"));
    }

    @Test
    void a_scheduled_article_is_hidden_from_the_public_until_its_time_but_editors_see_it() {
        ObjectNode future = Articles.article("خبر مجدول");
        future.put("published", "2099-01-01T00:00:00Z");
        long id = server.create(future.toString()).get("id").asLong();

        assertEquals(404, server.get("/api/articles/" + id).statusCode());
        assertEquals(List.of(), titles("/api/articles"));
        assertEquals(200, server.get("/api/articles/" + id, "Authorization", "Bearer " + TestServer.TOKEN).statusCode());
        assertEquals(1, TestServer.parse(server.get("/api/articles", "Authorization", "Bearer " + TestServer.TOKEN).body()).size());
    }

    @Test
    void a_scheduled_related_article_is_not_shown_to_the_public_before_its_time() {
        ObjectNode future = Articles.article("سبق صحفي مجدول");
        future.put("published", "2099-01-01T00:00:00Z");
        long scheduled = server.create(future.toString()).get("id").asLong();
        long id = server.create(Articles.withRelated(Articles.article("خبر منشور"), scheduled).toString()).get("id").asLong();

        assertEquals(0, TestServer.parse(server.get("/api/articles/" + id).body()).get("related").size());
        assertFalse(server.get("/api/articles").body().contains("سبق صحفي مجدول"));
        JsonNode asEditor = TestServer.parse(server.get("/api/articles/" + id, "Authorization", "Bearer " + TestServer.TOKEN).body());
        assertEquals(scheduled, asEditor.get("related").get(0).get("id").asLong());
    }

    @Test
    void a_retried_post_with_the_same_idempotency_key_answers_the_first_result() {
        String json = Articles.article("خبر يُرسل مرتين").toString();
        HttpResponse<String> first = server.post("/api/articles", json, "Idempotency-Key", "cms-42");
        HttpResponse<String> retry = server.post("/api/articles", json, "Idempotency-Key", "cms-42");

        assertEquals(201, first.statusCode());
        assertEquals(201, retry.statusCode());
        assertEquals(TestServer.parse(first.body()), TestServer.parse(retry.body()));
        assertEquals("true", TestServer.header(retry, "Idempotent-Replayed").orElseThrow());
        assertEquals(1, TestServer.parse(server.get("/api/articles").body()).size());

        // Another key is another article; the same key with another body is a conflict.
        assertEquals(201, server.post("/api/articles", json, "Idempotency-Key", "cms-43").statusCode());
        HttpResponse<String> reused = server.post("/api/articles", Articles.article("غيره").toString(), "Idempotency-Key", "cms-42");
        assertEquals(409, reused.statusCode());
        assertEquals(2, TestServer.parse(server.get("/api/articles").body()).size());
    }

    @Test
    void a_retry_with_the_same_json_written_differently_is_a_replay_not_a_conflict() throws Exception {
        ObjectNode article = Articles.article("خبر يعاد بمكتبة أخرى");
        article.putArray("related");
        HttpResponse<String> first = server.post("/api/articles", article.toString(), "Idempotency-Key", "cms-77");
        assertEquals(201, first.statusCode());
        long id = TestServer.parse(first.body()).get("id").asLong();

        // Keys in reverse order, reindented, every non-ASCII character escaped as JSON allows.
        ObjectNode reversed = TestServer.JSON.createObjectNode();
        List<String> names = new java.util.ArrayList<>();
        article.fieldNames().forEachRemaining(names::add);
        java.util.Collections.reverse(names);
        names.forEach(name -> reversed.set(name, article.get(name)));
        String pretty = TestServer.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(reversed);
        String escaped = TestServer.JSON.writer().with(com.fasterxml.jackson.core.json.JsonWriteFeature.ESCAPE_NON_ASCII)
                .writeValueAsString(article);
        for (String retry : List.of(pretty, escaped, "\n  " + article + "\n")) {
            HttpResponse<String> again = server.post("/api/articles", retry, "Idempotency-Key", "cms-77");
            assertEquals(201, again.statusCode(), again.body());
            assertEquals("true", TestServer.header(again, "Idempotent-Replayed").orElseThrow());
            assertEquals(id, TestServer.parse(again.body()).get("id").asLong());
        }
        // A value that differs is still another request.
        article.put("summary", "ملخص آخر");
        assertEquals(409, server.post("/api/articles", article.toString(), "Idempotency-Key", "cms-77").statusCode());
        assertEquals(1, TestServer.parse(server.get("/api/articles").body()).size());
    }

    @Test
    void writes_need_a_valid_bearer_token_and_reads_do_not() {
        String json = Articles.article("بلا إذن").toString();
        for (String[] auth : List.of(new String[] {"Authorization", "Bearer wrong"},
                new String[] {"Authorization", "Basic dGVzdDp0ZXN0"},
                new String[] {"Authorization", "Bearer "})) {
            HttpResponse<String> r = server.post("/api/articles", json, auth);
            assertProblem(r, 401);
            assertTrue(TestServer.header(r, "WWW-Authenticate").orElseThrow().startsWith("Bearer"));
        }
        assertProblem(server.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(server.url("/api/articles")))
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(json)), "Content-Type", "application/json"), 401);
        long id = server.create(json).get("id").asLong();
        assertProblem(server.put("/api/articles/" + id, json, "Authorization", "Bearer wrong"), 401);
        assertProblem(server.delete("/api/articles/" + id, "Authorization", "Bearer wrong"), 401);
        // A method override header does not turn a write into a read.
        assertProblem(server.post("/api/articles", json, "Authorization", "Bearer wrong", "X-HTTP-Method-Override", "GET"), 401);
        assertEquals(200, server.get("/api/articles/" + id).statusCode());
        assertEquals(1, TestServer.parse(server.get("/api/articles").body()).size());
    }

    @Test
    void without_configured_tokens_every_write_is_refused() {
        try (TestServer closed = TestServer.start(data.resolve("other"), java.util.Map.of("KHULASA_EDITOR_TOKENS", ""))) {
            HttpResponse<String> r = closed.post("/api/articles", Articles.article("x").toString());
            assertProblem(r, 401);
            assertTrue(TestServer.parse(r.body()).get("detail").asText().contains("KHULASA_EDITOR_TOKENS"));
        }
    }

    static JsonNode assertProblem(HttpResponse<String> r, int status) {
        assertEquals(status, r.statusCode(), r.body());
        assertEquals("application/problem+json; charset=utf-8", TestServer.header(r, "Content-Type").orElseThrow());
        JsonNode problem = TestServer.parse(r.body());
        assertEquals(status, problem.get("status").asInt());
        assertFalse(problem.get("title").asText().isEmpty());
        assertFalse(problem.get("detail").asText().isEmpty());
        return problem;
    }

    private List<String> titles(String path) {
        List<String> titles = new java.util.ArrayList<>();
        TestServer.parse(server.get(path).body()).forEach(a -> titles.add(a.get("title").asText()));
        return titles;
    }
}
