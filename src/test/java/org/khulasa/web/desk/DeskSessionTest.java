package org.khulasa.web.desk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.khulasa.SettableClock;
import org.khulasa.TestServer;

/** The desk's sessions and pages over plain HTTP: cookies, CSRF, the shared 429 limit, CSP, labels. */
class DeskSessionTest {
    private static final String ARTICLE = """
            {"title": "عنوان", "body": "<p>نص</p>", "category": {"slug": "news", "name": "أخبار"},
             "author": {"slug": "huda", "name": "هدى"}}""";

    @TempDir
    Path dir;

    @Test
    void signing_in_sets_an_http_only_strict_cookie_that_expires_and_is_secure_behind_https() {
        try (TestServer server = TestServer.start(dir.resolve("a"))) {
            HttpResponse<String> response = signIn(server, TestServer.TOKEN);
            assertEquals(303, response.statusCode());
            String cookie = TestServer.header(response, "Set-Cookie").orElseThrow();
            assertTrue(cookie.startsWith("khulasa_desk="), cookie);
            assertTrue(cookie.contains("; HttpOnly") && cookie.contains("; SameSite=Strict")
                    && cookie.contains("; Max-Age=43200"), cookie);
            assertFalse(cookie.contains("Secure"), cookie);
            assertFalse(cookie.contains(TestServer.TOKEN));
        }
        try (TestServer server = TestServer.start(dir.resolve("b"), Map.of("KHULASA_BASE_URL", "https://news.example"))) {
            assertTrue(TestServer.header(signIn(server, TestServer.TOKEN), "Set-Cookie").orElseThrow().endsWith("; Secure"));
        }
    }

    @Test
    void the_session_cookie_writes_through_the_api_only_with_its_csrf_token() {
        try (TestServer server = TestServer.start(dir)) {
            String cookie = cookieOf(signIn(server, TestServer.TOKEN));
            String csrf = csrfOf(server, cookie);
            String json = "Content-Type";
            assertEquals(401, post(server, "/api/articles", ARTICLE, json, "application/json", "Cookie", cookie).statusCode());
            assertEquals(401, post(server, "/api/articles", ARTICLE, json, "application/json", "Cookie", cookie,
                    "X-CSRF-Token", csrf + "x").statusCode());
            char last = cookie.charAt(cookie.length() - 1);
            String forged = cookie.substring(0, cookie.length() - 1) + (last == 'A' ? 'B' : 'A');
            assertEquals(401, post(server, "/api/articles", ARTICLE, json, "application/json", "Cookie", forged,
                    "X-CSRF-Token", csrf).statusCode());
            assertEquals(201, post(server, "/api/articles", ARTICLE, json, "application/json", "Cookie", cookie,
                    "X-CSRF-Token", csrf).statusCode());
        }
    }

    @Test
    void wrong_tokens_at_the_desk_count_toward_the_apis_429_limit() {
        try (TestServer server = TestServer.start(dir)) {
            for (int i = 0; i < 10; i++) {
                HttpResponse<String> wrong = signIn(server, "wrong-" + i);
                assertEquals(401, wrong.statusCode());
                assertFalse(wrong.body().contains("wrong-" + i), "a token is never echoed");
            }
            assertEquals(429, signIn(server, TestServer.TOKEN).statusCode());
            assertEquals(429, server.post("/api/articles", ARTICLE).statusCode());
        }
    }

    @Test
    void a_session_ends_when_it_expires_and_when_the_editor_signs_out() {
        SettableClock clock = new SettableClock(Instant.parse("2026-11-01T09:00:00Z"));
        try (TestServer server = TestServer.start(dir, Map.of(), clock)) {
            String cookie = cookieOf(signIn(server, TestServer.TOKEN));
            assertTrue(server.get("/desk", "Cookie", cookie).body().contains("id=\"sign-out\""));
            HttpResponse<String> out = post(server, "/desk/signout", "csrf=" + csrfOf(server, cookie),
                    "Cookie", cookie, "Content-Type", "application/x-www-form-urlencoded");
            assertEquals(303, out.statusCode());
            assertTrue(TestServer.header(out, "Set-Cookie").orElseThrow().contains("Max-Age=0"));

            clock.advance(Duration.ofHours(12));
            assertTrue(server.get("/desk", "Cookie", cookie).body().contains("id=\"token\""), "expired: the sign-in form");
        }
    }

    @Test
    void a_signed_out_cookie_opens_nothing_on_any_instance_while_other_sessions_go_on() {
        String cookie;
        try (TestServer one = TestServer.start(dir);
                TestServer two = TestServer.start(dir)) {
            cookie = cookieOf(signIn(one, TestServer.TOKEN));
            String csrf = csrfOf(one, cookie);
            String other = cookieOf(signIn(one, TestServer.TOKEN));
            String otherCsrf = csrfOf(one, other);

            // The browser drops the cookie; a copy kept elsewhere (another tab's capture, a stolen one) must not work.
            assertEquals(303, post(one, "/desk/signout", "csrf=" + csrf, "Cookie", cookie,
                    "Content-Type", "application/x-www-form-urlencoded").statusCode());
            for (TestServer server : List.of(one, two)) {
                assertTrue(server.get("/desk", "Cookie", cookie).body().contains("id=\"token\""), "the sign-in form");
                assertEquals(303, server.get("/desk/new", "Cookie", cookie).statusCode());
                assertEquals(401, post(server, "/api/articles", ARTICLE, "Content-Type", "application/json",
                        "Cookie", cookie, "X-CSRF-Token", csrf).statusCode());
                assertEquals(401, post(server, "/desk/api/suggestions", "{}", "Content-Type", "application/json",
                        "Cookie", cookie, "X-CSRF-Token", csrf).statusCode());
            }
            assertTrue(two.get("/desk", "Cookie", other).body().contains("id=\"sign-out\""), "another session is still open");
            assertEquals(201, post(two, "/api/articles", ARTICLE, "Content-Type", "application/json",
                    "Cookie", other, "X-CSRF-Token", otherCsrf).statusCode());
        }
        try (TestServer restarted = TestServer.start(dir)) {
            assertTrue(restarted.get("/desk", "Cookie", cookie).body().contains("id=\"token\""), "still ended after a restart");
        }
    }

    @Test
    void a_sign_out_without_the_sessions_csrf_token_ends_nothing() {
        try (TestServer server = TestServer.start(dir)) {
            String cookie = cookieOf(signIn(server, TestServer.TOKEN));
            assertEquals(403, post(server, "/desk/signout", "csrf=wrong", "Cookie", cookie,
                    "Content-Type", "application/x-www-form-urlencoded").statusCode());
            assertTrue(server.get("/desk", "Cookie", cookie).body().contains("id=\"sign-out\""));
        }
    }

    @Test
    void a_session_opened_on_one_instance_works_on_another_with_the_same_tokens() {
        try (TestServer one = TestServer.start(dir.resolve("one"));
                TestServer two = TestServer.start(dir.resolve("two"))) {
            String cookie = cookieOf(signIn(one, TestServer.TOKEN));
            assertTrue(two.get("/desk", "Cookie", cookie).body().contains("id=\"sign-out\""));
        }
    }

    @Test
    void a_sign_in_posted_from_another_site_is_refused() {
        try (TestServer server = TestServer.start(dir)) {
            HttpResponse<String> response = post(server, "/desk/signin", "token=" + TestServer.TOKEN,
                    "Content-Type", "application/x-www-form-urlencoded", "Origin", "https://evil.example");
            assertEquals(403, response.statusCode());
            assertTrue(TestServer.header(response, "Set-Cookie").isEmpty());
        }
    }

    @Test
    void desk_pages_have_a_strict_csp_no_inline_script_or_style_and_a_label_for_every_field() {
        try (TestServer server = TestServer.start(dir)) {
            String cookie = cookieOf(signIn(server, TestServer.TOKEN));
            for (String path : List.of("/desk", "/desk/new")) {
                HttpResponse<String> page = server.get(path, "Cookie", cookie);
                String csp = TestServer.header(page, "Content-Security-Policy").orElseThrow();
                assertTrue(csp.contains("script-src 'self'") && csp.contains("style-src 'self'"), csp);
                assertFalse(csp.contains("unsafe"), csp);
                Document doc = Jsoup.parse(page.body());
                assertEquals("rtl", doc.selectFirst("html").attr("dir"));
                for (Element script : doc.select("script")) {
                    assertFalse(script.attr("src").isEmpty(), "no inline script on " + path);
                }
                assertTrue(doc.select("style, [style], [onclick], [onload]").isEmpty(), path);
                for (Element field : doc.select("input:not([type=hidden]), select, textarea")) {
                    assertEquals(1, doc.select("label[for=" + field.id() + "]").size(), "a label for #" + field.id());
                }
            }
        }
    }

    @Test
    void suggestions_for_a_text_not_yet_saved_name_the_articles_related_matching_would_pick() {
        try (TestServer server = TestServer.start(dir)) {
            long opec = server.create("""
                    {"title": "أوبك تخفض إنتاج النفط مليون برميل", "body": "<p>قررت أوبك خفض إنتاج النفط لدعم الأسعار.</p>",
                     "category": {"slug": "economy", "name": "اقتصاد"}, "author": {"slug": "huda", "name": "هدى"}}""")
                    .get("id").asLong();
            server.create("""
                    {"title": "معرض الكتاب يفتح أبوابه", "body": "<p>روايات وشعر.</p>",
                     "category": {"slug": "culture", "name": "ثقافة"}, "author": {"slug": "huda", "name": "هدى"}}""");
            String cookie = cookieOf(signIn(server, TestServer.TOKEN));
            HttpResponse<String> response = post(server, "/desk/api/suggestions", """
                    {"title": "أسعار النفط ترتفع بعد قرار أوبك", "body": "<p>خفض إنتاج النفط يرفع الأسعار.</p>",
                     "category": "economy", "tags": []}""", "Cookie", cookie, "X-CSRF-Token", csrfOf(server, cookie),
                    "Content-Type", "application/json");
            assertEquals(200, response.statusCode(), response.body());
            List<Long> ids = StreamSupport.stream(TestServer.parse(response.body()).spliterator(), false)
                    .map(n -> n.get("id").asLong()).toList();
            assertEquals(List.of(opec), ids);
            assertEquals(401, post(server, "/desk/api/suggestions", "{}", "Cookie", cookie,
                    "Content-Type", "application/json").statusCode(), "the CSRF header is required");
        }
    }

    @Test
    void suggestions_refuse_malformed_json_with_a_problem_as_the_api_does() {
        try (TestServer server = TestServer.start(dir)) {
            String cookie = cookieOf(signIn(server, TestServer.TOKEN));
            HttpResponse<String> response = post(server, "/desk/api/suggestions", "{\"title\": ", "Cookie", cookie,
                    "X-CSRF-Token", csrfOf(server, cookie), "Content-Type", "application/json");
            assertEquals(400, response.statusCode(), response.body());
            assertTrue(TestServer.header(response, "Content-Type").orElse("").startsWith("application/problem+json"),
                    response.headers().toString());
        }
    }

    @Test
    void title_search_spells_words_as_related_matching_does() {
        assertTrue(DeskSearch.titleMatcher("المباراة").test("مباراه الفريقين"));
        assertTrue(DeskSearch.titleMatcher("أوبك").test("اوبك تخفض الإنتاج"));
        assertFalse(DeskSearch.titleMatcher("المباراة").test("معرض الكتاب"));
        assertTrue(DeskSearch.titleMatcher(null).test("أي عنوان"));
    }

    private static HttpResponse<String> signIn(TestServer server, String token) {
        return post(server, "/desk/signin", "token=" + URLEncoder.encode(token, StandardCharsets.UTF_8),
                "Content-Type", "application/x-www-form-urlencoded");
    }

    private static HttpResponse<String> post(TestServer server, String path, String body, String... headers) {
        return server.send(HttpRequest.newBuilder(URI.create(server.local(path)))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)), headers);
    }

    private static String cookieOf(HttpResponse<String> signIn) {
        String setCookie = TestServer.header(signIn, "Set-Cookie").orElseThrow();
        return setCookie.substring(0, setCookie.indexOf(';'));
    }

    private static String csrfOf(TestServer server, String cookie) {
        return Jsoup.parse(server.get("/desk", "Cookie", cookie).body()).selectFirst("meta[name=csrf-token]").attr("content");
    }
}
