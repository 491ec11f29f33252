package org.khulasa.web.desk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
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
import org.openqa.selenium.WebElement;

/**
 * Drafts, several bylines, kinds of change with the correction note, and two editors on one
 * article, in a real browser against a real server: what the desk sends is what the API, the
 * feeds and the pages then show.
 */
@Tag("browser")
class DeskDraftsAndEditsBrowserTest {
    private static final String AUTH = "Bearer " + TestServer.TOKEN;

    @TempDir
    static Path dataDir;
    static TestServer server;
    static Browser browser;

    @BeforeAll
    static void start() {
        Assumptions.assumeTrue(Browser.available(),
                "skipped: the desk's browser tests need Debian's chromium and chromium-driver (/usr/bin/chromedriver); CI installs both");
        server = TestServer.start(dataDir, Map.of("KHULASA_TIMEZONE", "Asia/Damascus"),
                new SettableClock(Instant.parse("2026-11-01T09:00:00Z")));
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
        browser.signIn(server);
    }

    @Test
    void a_draft_is_listed_as_a_draft_and_is_in_no_feed_or_page_until_it_is_published() {
        String published = "الحكومة تعلن موازنة 2027";
        server.create(article(published, "economy", "huda", "هدى"));
        String title = "مسودة: خطة النقل العام في حلب";
        browser.find("new-article").click();
        browser.editorReady();
        assertEquals("حفظ مسودة", browser.find("save").getText());
        fill(title, "economy", "اقتصاد");
        browser.type("author-slug-0", "rana-youssef");
        browser.type("author-name-0", "رنا يوسف");
        browser.find("save").click();
        browser.statusSays("حُفظت المسودة؛ لا يراها القراء.");
        long id = idInUrl();
        assertEquals("الحالة: مسودة، لا يراها القراء", browser.find("article-status").getText());

        assertEquals("draft", TestServer.parse(server.get("/api/articles/" + id, "Authorization", AUTH).body())
                .get("status").asText());
        assertEquals(404, server.get("/api/articles/" + id).statusCode());
        assertEquals(404, server.get("/articles/" + id).statusCode());
        assertFalse(server.get("/").body().contains(title));
        for (String feed : List.of("/feeds/rss.xml", "/feeds/category/economy/rss.xml")) {
            assertFalse(rssTitles(feed).contains(title), feed);
        }
        // The draft's author has nothing published: no feed of theirs exists yet.
        assertEquals(404, server.get("/feeds/author/rana-youssef/rss.xml").statusCode());

        browser.open(server.local("/desk"));
        assertTrue(rowOf(title).findElement(By.cssSelector(".status.draft")).getText().equals("مسودة"));
        browser.open(server.local("/desk?status=draft"));
        assertEquals(List.of(title), listedTitles(), "the draft filter lists drafts only");
        browser.open(server.local("/desk?status=published&category=economy"));
        assertEquals(List.of(published), listedTitles());

        browser.open(server.local("/desk?status=draft"));
        browser.driver.findElement(By.cssSelector("#articles li a")).click();
        browser.editorReady();
        browser.find("publish").click();
        browser.statusSays("نُشر المقال.");
        assertEquals("الحالة: منشور", browser.find("article-status").getText());
        assertEquals(200, server.get("/articles/" + id).statusCode());
        assertTrue(rssTitles("/feeds/rss.xml").contains(title));
        assertTrue(rssTitles("/feeds/author/rana-youssef/rss.xml").contains(title));
        FeedXml atom = FeedXml.parse(server.getBytes("/feeds/category/economy/atom.xml").body());
        assertTrue(stripped(atom, "/a:feed/a:entry/a:title").contains(title));
    }

    @Test
    void a_published_article_taken_back_to_the_drafts_leaves_every_feed_and_page_until_published_again() {
        String title = "خبر نُشر قبل أوانه";
        long id = server.create(article(title, "local", "huda", "هدى")).get("id").asLong();
        assertTrue(rssTitles("/feeds/category/local/rss.xml").contains(title));
        browser.open(server.local("/desk/articles/" + id));
        browser.editorReady();
        assertTrue(browser.find("unpublish").isDisplayed(), "offered for a published article");

        browser.find("unpublish").click();
        browser.driver.switchTo().alert().accept();
        browser.statusSays("أُعيد المقال إلى المسودات؛ لا يراه القراء.");
        assertEquals("الحالة: مسودة، لا يراها القراء", browser.find("article-status").getText());
        assertFalse(browser.find("unpublish").isDisplayed());
        assertEquals("draft", TestServer.parse(server.get("/api/articles/" + id, "Authorization", AUTH).body())
                .get("status").asText());
        assertEquals(404, server.get("/articles/" + id).statusCode());
        for (String feed : List.of("/feeds/rss.xml", "/feeds/category/local/rss.xml", "/feeds/author/huda/rss.xml")) {
            // A category or author left with nothing published has no feed at all.
            java.net.http.HttpResponse<byte[]> response = server.getBytes(feed);
            assertTrue(response.statusCode() == 404
                    || !stripped(FeedXml.parse(response.body()), "/rss/channel/item/title").contains(title), feed);
        }
        assertFalse(server.get("/").body().contains(title));

        browser.find("publish").click();
        browser.statusSays("نُشر المقال.");
        assertTrue(browser.find("unpublish").isDisplayed());
        assertEquals(200, server.get("/articles/" + id).statusCode());
        assertTrue(rssTitles("/feeds/rss.xml").contains(title));
    }

    @Test
    void an_article_with_two_bylines_and_an_images_size_is_in_both_authors_feeds_and_lists() {
        server.create(article("خبر سابق للكاتبة", "news", "huda", "هدى"));
        String title = "تحقيق مشترك عن مياه الفرات";
        browser.find("new-article").click();
        browser.editorReady();
        fill(title, "news", "أخبار");
        browser.type("author-slug-0", "huda");
        browser.find("title").click(); // leaving the field picks the known author, whose name fills in
        browser.until(d -> "هدى".equals(browser.find("author-name-0").getAttribute("value")));
        browser.find("add-byline").click();
        browser.until(d -> browser.driver.switchTo().activeElement().getAttribute("id").equals("author-slug-1"));
        browser.type("author-slug-1", "sami-khalil");
        browser.type("author-name-1", "سامي خليل");
        browser.type("image-url", "https://images.example.org/euphrates.jpg");
        browser.type("image-width", "1600");
        browser.type("image-height", "900");
        List<?> unlabelled = (List<?>) browser.driver.executeScript("return [...document.querySelectorAll("
                + "'input:not([type=hidden]), select, textarea')].filter((e) => e.labels.length === 0).map((e) => e.id);");
        assertEquals(List.of(), unlabelled, "every field, the byline rows too, has its label");
        browser.find("publish").click();
        browser.statusSays("نُشر المقال.");

        JsonNode stored = TestServer.parse(server.get("/api/articles/" + idInUrl()).body());
        assertEquals(List.of("huda", "sami-khalil"), stored.get("authors").findValuesAsText("slug"));
        assertEquals("هدى", stored.get("authors").get(0).get("name").asText());
        assertEquals(1600, stored.get("image").get("width").asInt());
        assertEquals(900, stored.get("image").get("height").asInt());
        assertTrue(rssTitles("/feeds/author/huda/rss.xml").contains(title));
        FeedXml atom = FeedXml.parse(server.getBytes("/feeds/author/sami-khalil/atom.xml").body());
        assertTrue(stripped(atom, "/a:feed/a:entry/a:title").contains(title));

        for (String author : List.of("huda", "sami-khalil")) {
            browser.open(server.local("/desk?author=" + author));
            assertTrue(listedTitles().contains(title), author);
        }
        assertTrue(rowOf(title).getText().contains("هدى وسامي خليل"), rowOf(title).getText());
    }

    @Test
    void a_correction_needs_its_note_beside_the_field_and_readers_then_see_the_note() {
        long id = server.create(article("الوزير يزور 3 مدن", "politics", "huda", "هدى")).get("id").asLong();
        String etag = TestServer.header(server.get("/api/articles/" + id, "Authorization", AUTH), "ETag").orElseThrow();
        browser.open(server.local("/desk/articles/" + id));
        browser.editorReady();
        assertTrue(browser.find("change").isDisplayed(), "an edit of a published article asks what kind it is");
        assertFalse(browser.find("note").isDisplayed());
        browser.type("title", "الوزير يزور 4 مدن");
        browser.find("change-correction").click();
        browser.find("save").click();

        WebElement error = browser.until(d -> browser.find("err-note").isDisplayed() ? browser.find("err-note") : null);
        assertEquals("اكتب ملاحظة التصحيح: يقرأ القراء فيها ما الذي صُحّح.", error.getText());
        assertEquals("note", browser.driver.switchTo().activeElement().getAttribute("id"));
        HttpResponse unchanged = new HttpResponse(server.get("/api/articles/" + id, "Authorization", AUTH));
        assertEquals(etag, unchanged.etag, "nothing of a refused edit is stored");
        assertEquals("الوزير يزور 3 مدن", unchanged.json.get("title").asText());

        String note = "زار الوزير 4 مدن لا 3 كما ذُكر سابقاً.";
        browser.type("note", note);
        browser.find("save").click();
        browser.statusSays("حُفظ المقال.");
        assertTrue(browser.find("change-update").isSelected(), "the next edit starts as an update again");
        assertTrue(browser.find("corrections").getText().contains(note));

        JsonNode stored = TestServer.parse(server.get("/api/articles/" + id).body());
        assertEquals("الوزير يزور 4 مدن", stored.get("title").asText());
        assertEquals(note, stored.get("corrections").get(0).get("note").asText());
        FeedXml rss = FeedXml.parse(server.getBytes("/feeds/rss.xml").body());
        assertTrue(rss.text("/rss/channel/item[1]/content:encoded").contains(note));
        assertTrue(server.get("/articles/" + id).body().contains(note));
    }

    @Test
    void a_change_saved_elsewhere_since_the_article_was_loaded_is_not_overwritten() {
        String json = article("اجتماع مجلس الإدارة", "news", "huda", "هدى");
        long id = server.create(json).get("id").asLong();
        browser.open(server.local("/desk/articles/" + id));
        browser.editorReady();
        String theirs = "اجتماع مجلس الإدارة يتأجل إلى الأحد";
        assertEquals(200, server.put("/api/articles/" + id, json.replace("اجتماع مجلس الإدارة", theirs)).statusCode());

        browser.type("title", "اجتماع مجلس الإدارة ينتهي بلا قرار");
        browser.find("save").click();
        WebElement error = browser.until(d -> browser.find("err-form").isDisplayed() ? browser.find("err-form") : null);
        assertTrue(error.getText().startsWith("غيّر محرر آخر هذا المقال منذ فتحته"), error.getText());
        assertEquals(theirs, TestServer.parse(server.get("/api/articles/" + id).body()).get("title").asText());

        browser.find("load-current").click();
        browser.statusSays("حُمّلت النسخة الحالية من المقال.");
        assertEquals(theirs, browser.find("title").getAttribute("value"));
        browser.type("summary", "موجز أضيف بعد قراءة تعديل الزميل");
        browser.find("save").click();
        browser.statusSays("حُفظ المقال.");
        JsonNode stored = TestServer.parse(server.get("/api/articles/" + id).body());
        assertEquals(theirs, stored.get("title").asText());
        assertEquals("موجز أضيف بعد قراءة تعديل الزميل", stored.get("summary").asText());
    }

    /** A response's ETag and JSON body. */
    private record HttpResponse(String etag, JsonNode json) {
        HttpResponse(java.net.http.HttpResponse<String> response) {
            this(TestServer.header(response, "ETag").orElseThrow(), TestServer.parse(response.body()));
        }
    }

    private static String article(String title, String category, String author, String authorName) {
        return """
                {"title": "%s", "body": "<p>نص المقال.</p>", "category": {"slug": "%s", "name": "قسم"},
                 "author": {"slug": "%s", "name": "%s"}}""".formatted(title, category, author, authorName);
    }

    private static void fill(String title, String categorySlug, String categoryName) {
        browser.type("title", title);
        WebElement body = browser.find("body");
        body.click();
        body.sendKeys("نص فيه English و 2026.");
        browser.type("category-slug", categorySlug);
        browser.type("category-name", categoryName);
    }

    private static long idInUrl() {
        browser.until(d -> d.getCurrentUrl().matches(".*/desk/articles/\\d+$"));
        String url = browser.driver.getCurrentUrl();
        return Long.parseLong(url.substring(url.lastIndexOf('/') + 1));
    }

    private static List<String> listedTitles() {
        return browser.driver.findElements(By.cssSelector("#articles li > a")).stream().map(WebElement::getText).toList();
    }

    private static WebElement rowOf(String title) {
        return browser.driver.findElements(By.cssSelector("#articles li")).stream()
                .filter(li -> li.findElement(By.tagName("a")).getText().equals(title)).findFirst()
                .orElseThrow(() -> new AssertionError("not listed: " + title));
    }

    private static List<String> rssTitles(String feed) {
        return stripped(FeedXml.parse(server.getBytes(feed).body()), "/rss/channel/item/title");
    }

    /** The titles a feed shows, without the direction marks feeds add around them. */
    private static List<String> stripped(FeedXml feed, String xpath) {
        return feed.nodes(xpath).stream().map(n -> n.getTextContent().replaceAll("[\u200E\u200F\u2066-\u2069]", ""))
                .toList();
    }
}
