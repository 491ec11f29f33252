package org.khulasa.web.desk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.khulasa.FeedXml;
import org.khulasa.SettableClock;
import org.khulasa.TestServer;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * The desk in a real browser (headless chromium), against a real server whose clock the tests
 * move: signing in and out, writing, scheduling, editing, and the API's errors beside the fields.
 */
@Tag("browser")
class DeskBrowserTest {
    private static final ZoneId DAMASCUS = ZoneId.of("Asia/Damascus");
    private static final DateTimeFormatter LOCAL_INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    @TempDir
    static Path dataDir;
    static SettableClock clock;
    static TestServer server;
    static Browser browser;

    @BeforeAll
    static void start() {
        Assumptions.assumeTrue(Browser.available(),
                "skipped: the desk's browser tests need Debian's chromium and chromium-driver (/usr/bin/chromedriver); CI installs both");
        clock = new SettableClock(Instant.parse("2026-11-01T09:00:00Z"));
        server = TestServer.start(dataDir, Map.of("KHULASA_TIMEZONE", DAMASCUS.getId()), clock);
        browser = Browser.start(1280, 1000);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @BeforeEach
    void signIn() {
        browser.open(server.local("/desk"));
        browser.driver.manage().deleteAllCookies();
        browser.open(server.local("/desk"));
        browser.type("token", TestServer.TOKEN);
        browser.find("sign-in").click();
        browser.until(d -> d.findElements(By.id("sign-out")).size() == 1);
    }

    @Test
    void a_wrong_token_is_refused_the_session_cookie_is_strict_and_signing_out_ends_it() {
        Cookie session = browser.driver.manage().getCookieNamed("khulasa_desk");
        assertNotNull(session);
        assertTrue(session.isHttpOnly());
        assertEquals("Strict", session.getSameSite());
        assertFalse(browser.driver.getPageSource().contains(TestServer.TOKEN), "the token is never on a page");

        browser.find("sign-out").click();
        browser.until(d -> d.findElements(By.id("token")).size() == 1);
        assertNull(browser.driver.manage().getCookieNamed("khulasa_desk"));
        browser.open(server.local("/desk/new"));
        assertEquals(1, browser.driver.findElements(By.id("token")).size(), "signed out, the form is out of reach");

        browser.type("token", "not-the-token");
        browser.find("sign-in").click();
        WebElement error = browser.until(d -> d.findElement(By.id("signin-error")));
        assertEquals("رمز التحرير غير صحيح.", error.getText());
        assertFalse(browser.driver.getCurrentUrl().contains("not-the-token"));
    }

    @Test
    void an_article_mixing_arabic_latin_and_digits_is_published_and_is_in_its_feeds() {
        String title = "ريال مدريد يفوز 3-1 على Barcelona في الكلاسيكو";
        long id = write(title, "sport", "رياضة");
        browser.find("show-preview").click();
        browser.until(d -> d.findElement(By.cssSelector("#preview-page h1")).getText().contains("Barcelona"));
        assertEquals("الشوط الأول", browser.driver.findElement(By.cssSelector("#preview-page .body h2")).getText());
        browser.find("publish").click();
        browser.until(d -> d.findElement(By.id("status")).getText().equals("نُشر المقال."));

        JsonNode stored = TestServer.parse(server.get("/api/articles/" + id).body());
        assertEquals(title, stored.get("title").asText());
        assertEquals("<h2>الشوط الأول</h2><p>سجّل Vinícius الهدف 1 في الدقيقة 23 من المباراة.</p>",
                stored.get("body").asText());
        assertEquals("nizar-samir", stored.get("authors").get(0).get("slug").asText());
        assertEquals("La Liga", stored.get("tags").get(1).asText());

        FeedXml rss = FeedXml.parse(server.getBytes("/feeds/rss.xml").body());
        assertTrue(titles(rss, "/rss/channel/item/title").contains(title));
        FeedXml atom = FeedXml.parse(server.getBytes("/feeds/category/sport/atom.xml").body());
        assertTrue(titles(atom, "/a:feed/a:entry/a:title").contains(title));
        FeedXml byAuthor = FeedXml.parse(server.getBytes("/feeds/author/nizar-samir/rss.xml").body());
        assertTrue(titles(byAuthor, "/rss/channel/item/title").contains(title));
    }

    @Test
    void a_scheduled_article_stays_out_until_the_clock_reaches_its_time() {
        String title = "موعد افتتاح معرض الكتاب 2027";
        long id = write(title, "culture", "ثقافة");
        Instant at = clock.instant().plus(Duration.ofHours(2));
        browser.setValue("published", LOCAL_INPUT.format(at.atZone(DAMASCUS)));
        browser.find("schedule").click();
        browser.until(d -> d.findElement(By.id("status")).getText().startsWith("جُدول المقال للنشر في "));

        assertEquals(at.toString(), TestServer.parse(server.get("/api/articles/" + id,
                "Authorization", "Bearer " + TestServer.TOKEN).body()).get("published").asText());
        assertEquals(404, server.get("/api/articles/" + id).statusCode());
        browser.open(server.local("/desk?q=" + java.net.URLEncoder.encode("معرض الكتاب", java.nio.charset.StandardCharsets.UTF_8)));
        assertEquals("مجدول", browser.driver.findElement(By.cssSelector("#articles li .status")).getText());

        clock.advance(Duration.ofHours(3));
        browser.open(server.local("/"));
        assertTrue(browser.driver.findElement(By.tagName("main")).getText().contains(title));
    }

    @Test
    void an_article_found_by_its_normalised_title_is_edited_in_place() {
        JsonNode created = server.create("""
                {"title": "مباراه الفريقين في الدوحة", "body": "<p>نص</p>",
                 "category": {"slug": "sport", "name": "رياضة"}, "author": {"slug": "huda", "name": "هدى"}}""");
        long id = created.get("id").asLong();
        long other = server.create("""
                {"title": "منتخب قطر يستعد للبطولة", "body": "<p>نص</p>",
                 "category": {"slug": "sport", "name": "رياضة"}, "author": {"slug": "huda", "name": "هدى"}}""").get("id").asLong();
        browser.open(server.local("/desk"));

        browser.type("q", "المباراة");
        browser.find("q").sendKeys(Keys.ENTER);
        browser.until(d -> d.findElement(By.cssSelector("#articles li a")).getText().equals("مباراه الفريقين في الدوحة"));
        browser.driver.findElement(By.cssSelector("#articles li a")).click();
        browser.editorReady();
        assertEquals("مباراه الفريقين في الدوحة", browser.find("title").getAttribute("value"));

        browser.type("title", "مباراه الفريقين في الدوحة: 2-2");
        browser.type("related-search", "قطر");
        browser.until(d -> d.findElement(By.cssSelector("#related-results li button"))).click();
        browser.until(d -> d.findElement(By.cssSelector("#related-list li")).getText().contains("منتخب قطر"));
        browser.find("save").click();
        browser.until(d -> d.findElement(By.id("status")).getText().equals("حُفظ المقال."));
        JsonNode stored = TestServer.parse(server.get("/api/articles/" + id).body());
        assertEquals("مباراه الفريقين في الدوحة: 2-2", stored.get("title").asText());
        assertEquals("huda", stored.get("authors").get(0).get("slug").asText());
        assertEquals(other, stored.get("related").get(0).get("id").asLong());
        assertEquals("editor", stored.get("related").get(0).get("chosen").asText());
        for (int i = 1; i < stored.get("related").size(); i++) {
            assertEquals("auto", stored.get("related").get(i).get("chosen").asText(), "saving keeps automatic picks automatic");
        }

        browser.find("delete").click();
        browser.driver.switchTo().alert().accept();
        browser.until(d -> d.getCurrentUrl().endsWith("/desk"));
        assertEquals(404, server.get("/api/articles/" + id, "Authorization", "Bearer " + TestServer.TOKEN).statusCode());
    }

    @Test
    void suggestions_for_the_text_being_written_appear_before_it_is_saved() {
        server.create("""
                {"title": "أوبك تخفض إنتاج النفط", "body": "<p>قررت أوبك خفض إنتاج النفط لدعم أسعار النفط.</p>",
                 "category": {"slug": "economy", "name": "اقتصاد"}, "author": {"slug": "huda", "name": "هدى"}}""");
        browser.find("new-article").click();
        browser.editorReady();
        browser.type("category-slug", "economy");
        browser.type("title", "أسعار النفط بعد قرار أوبك خفض الإنتاج");
        browser.until(d -> d.findElement(By.cssSelector("#suggestions li")).getText().contains("أوبك تخفض إنتاج النفط"));
    }

    @Test
    void the_apis_errors_appear_in_arabic_beside_the_fields_they_name_and_nothing_is_stored() {
        int before = TestServer.parse(server.get("/api/articles?limit=100", "Authorization", "Bearer " + TestServer.TOKEN)
                .body()).size();
        browser.find("new-article").click();
        browser.editorReady();
        browser.find("body").click();
        browser.find("body").sendKeys("نص بلا عنوان");
        browser.type("category-slug", "Sport!");
        browser.type("category-name", "رياضة");
        browser.type("author-slug", "huda");
        browser.type("author-name", "هدى");
        browser.find("save").click();

        WebElement titleError = browser.until(d -> {
            WebElement e = d.findElement(By.id("err-title"));
            return e.isDisplayed() ? e : null;
        });
        assertTrue(titleError.getText().matches(".*[\\u0600-\\u06FF].*"), titleError.getText());
        assertEquals("يُكتب بحروف لاتينية صغيرة وأرقام وشرطات فقط، مثل nizar-samir.",
                browser.find("err-category-slug").getText());
        assertEquals("true", browser.find("title").getAttribute("aria-invalid"));
        assertEquals(before, TestServer.parse(server.get("/api/articles?limit=100",
                "Authorization", "Bearer " + TestServer.TOKEN).body()).size());
    }

    /** The titles a feed shows, without the direction marks feeds add around them. */
    private static java.util.List<String> titles(FeedXml feed, String xpath) {
        return feed.nodes(xpath).stream().map(n -> n.getTextContent().replaceAll("[\u200E\u200F\u2066-\u2069]", ""))
                .toList();
    }

    /** Fills a new article's form (the body through the rich-text toolbar) and answers its id once first saved. */
    private long write(String title, String categorySlug, String categoryName) {
        browser.find("new-article").click();
        browser.editorReady();
        browser.type("title", title);
        browser.type("summary", "موجز فيه English و 2026");
        WebElement body = browser.find("body");
        body.click();
        body.sendKeys("الشوط الأول");
        browser.driver.findElement(By.cssSelector(".toolbar [data-command='h2']")).click();
        body.sendKeys(Keys.END, Keys.ENTER, "سجّل Vinícius الهدف 1 في الدقيقة 23 من المباراة.");
        browser.type("category-slug", categorySlug);
        browser.type("category-name", categoryName);
        browser.type("author-slug", "nizar-samir");
        browser.type("author-name", "نزار سمير");
        browser.type("tags", "كرة القدم، La Liga");
        browser.find("save").click();
        browser.until(d -> d.getCurrentUrl().matches(".*/desk/articles/\\d+$"));
        String url = browser.driver.getCurrentUrl();
        return Long.parseLong(url.substring(url.lastIndexOf('/') + 1));
    }
}
