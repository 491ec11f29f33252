package org.khulasa.web.desk;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.khulasa.SettableClock;
import org.khulasa.TestServer;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;

/**
 * Writes the README's screenshots of the desk at phone and desktop widths; run by hand:
 * {@code mvn test -Dtest=DeskScreenshots -Dkhulasa.screenshots=docs/screenshots}.
 */
class DeskScreenshots {
    @TempDir
    Path dataDir;

    @Test
    void screenshots_of_the_desk_at_phone_and_desktop_widths() throws IOException {
        String target = System.getProperty("khulasa.screenshots");
        Assumptions.assumeTrue(target != null, "run by hand with -Dkhulasa.screenshots=FOLDER");
        Assumptions.assumeTrue(Browser.available(), "needs /usr/bin/chromium and /usr/bin/chromedriver");
        Path out = Path.of(target);
        Files.createDirectories(out);
        SettableClock clock = new SettableClock(Instant.parse("2026-11-01T09:00:00Z"));
        try (TestServer server = TestServer.start(dataDir, Map.of("KHULASA_TIMEZONE", "Asia/Damascus"), clock);
                Browser browser = Browser.start(1280, 1000)) {
            long opec = server.create("""
                    {"title": "أوبك+ تمدد خفض الإنتاج حتى نهاية 2027", "summary": "قرار يدعم الأسعار في الربع الأول",
                     "body": "<p>اتفقت دول أوبك+ على تمديد خفض الإنتاج بمقدار 2 مليون برميل يومياً.</p>",
                     "category": {"slug": "economy", "name": "اقتصاد"},
                     "authors": [{"slug": "huda-ali", "name": "هدى علي"}, {"slug": "sami-khalil", "name": "سامي خليل"}],
                     "image": {"url": "https://images.example.org/opec.jpg", "caption": "مقر أوبك في فيينا",
                               "width": 1600, "height": 900},
                     "tags": ["النفط", "OPEC+"], "published": "2026-11-01T07:30:00Z"}""").get("id").asLong();
            server.create("""
                    {"title": "ريال مدريد يفوز 3-1 على Barcelona", "body": "<h2>الشوط الأول</h2><p>سجّل Vinícius هدفين.</p><blockquote><p>«كانت مباراة صعبة» قال المدرب.</p></blockquote>",
                     "category": {"slug": "sport", "name": "رياضة"}, "author": {"slug": "nizar-samir", "name": "نزار سمير"},
                     "tags": ["كرة القدم", "La Liga"], "published": "2026-11-01T08:15:00Z"}""");
            server.create("""
                    {"title": "افتتاح معرض الكتاب بمشاركة 500 دار نشر", "body": "<p>يفتتح المعرض أبوابه صباح السبت.</p>",
                     "category": {"slug": "culture", "name": "ثقافة"}, "author": {"slug": "huda-ali", "name": "هدى علي"},
                     "published": "2026-11-03T06:00:00Z"}""");
            server.create("""
                    {"title": "مسودة: خطة النقل العام في حلب", "body": "<p>تعمل البلدية على خطة جديدة.</p>",
                     "category": {"slug": "news", "name": "أخبار"}, "author": {"slug": "nizar-samir", "name": "نزار سمير"},
                     "status": "draft"}""");

            browser.open(server.local("/desk"));
            browser.type("token", TestServer.TOKEN);
            browser.find("sign-in").click();
            browser.until(d -> d.findElements(By.id("sign-out")).size() == 1);
            for (Map.Entry<String, Dimension> size : Map.of("desktop", new Dimension(1280, 1000),
                    "phone", new Dimension(390, 844)).entrySet()) {
                browser.driver.manage().window().setSize(size.getValue());
                browser.open(server.local("/desk"));
                shot(browser, out.resolve("desk-list-" + size.getKey() + ".png"));
                browser.open(server.local("/desk/articles/" + opec));
                browser.editorReady();
                // A correction being written, to show where its note goes.
                browser.find("change-correction").click();
                // Below the text: the bylines and image on a desktop, the kind of change on a phone.
                browser.driver.executeScript("document.getElementById(arguments[0]).scrollIntoView(); window.scrollBy(0, -24);",
                        size.getKey().equals("phone") ? "change" : "bylines");
                shot(browser, out.resolve("desk-editor-" + size.getKey() + ".png"));
            }
        }
    }

    private static void shot(Browser browser, Path file) throws IOException {
        Files.write(file, browser.driver.getScreenshotAs(OutputType.BYTES));
    }
}
