package org.khulasa.web.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.khulasa.Articles;
import org.khulasa.Config;
import org.khulasa.SettableClock;
import org.khulasa.TestServer;

/** Dates as an Arabic newsroom writes them: time of day, Hijri date, month names, digits, last update. */
class DatesTest {
    @TempDir
    Path dataDir;

    @Test
    void by_default_the_time_of_day_and_the_umm_al_qura_hijri_date_stand_beside_the_date() {
        try (TestServer server = TestServer.start(dataDir, Map.of("KHULASA_TIMEZONE", "Asia/Damascus"))) {
            long id = create(server, "2020-10-25T19:05:00Z");
            for (String path : List.of("/articles/" + id, "/", "/category/politics", "/author/nizar-samir")) {
                Document page = page(server, path);
                // 22:05 in Damascus (UTC+3 that day)
                assertEquals("الأحد ٢٥ أكتوبر ٢٠٢٠، ١٠:٠٥ م", page.selectFirst("main time").text(), path);
                assertEquals("(٨ ربيع الأول ١٤٤٢ هـ)", page.selectFirst("main .hijri").text(), path);
            }
        }
    }

    @Test
    void levantine_month_names_and_western_digits_are_one_setting_each_and_the_hijri_date_can_be_turned_off() {
        Map<String, String> env = Map.of("KHULASA_MONTH_NAMES", "levantine", "KHULASA_DIGITS", "western");
        try (TestServer server = TestServer.start(dataDir, env)) {
            long id = create(server, "2020-11-03T07:00:00Z");
            Document page = page(server, "/articles/" + id);
            assertEquals("الثلاثاء 3 تشرين الثاني 2020، 7:00 ص", page.selectFirst("main time").text());
            assertEquals("(17 ربيع الأول 1442 هـ)", page.selectFirst("main .hijri").text());
            String text = page.selectFirst("main .byline").text();
            assertTrue(text.chars().noneMatch(c -> c >= '\u0660' && c <= '\u0669'), text);
        }
        try (TestServer server = TestServer.start(dataDir, Map.of("KHULASA_HIJRI_DATE", "off"))) {
            long id = create(server, "2020-11-03T07:00:00Z");
            Document page = page(server, "/articles/" + id);
            assertEquals("الثلاثاء ٣ نوفمبر ٢٠٢٠، ٧:٠٠ ص", page.selectFirst("main time").text());
            assertNull(page.selectFirst(".hijri"));
        }
    }

    @Test
    void an_article_written_again_after_it_came_out_says_when_it_was_last_updated() {
        SettableClock clock = new SettableClock(Instant.parse("2026-03-01T08:00:00Z"));
        try (TestServer server = TestServer.start(dataDir, Map.of(), clock)) {
            ObjectNode json = Articles.article("خبر يتطور");
            json.put("published", "2026-03-01T08:00:00Z");
            long id = server.create(json.toString()).get("id").asLong();
            assertNull(page(server, "/articles/" + id).selectFirst("p.updated"), "not updated yet");

            clock.advance(Duration.ofMinutes(90));
            assertEquals(200, server.put("/api/articles/" + id, json.toString()).statusCode());

            Element updated = page(server, "/articles/" + id).selectFirst("p.updated");
            assertTrue(updated.text().startsWith("آخر تحديث: الأحد ١ مارس ٢٠٢٦، ٩:٣٠ ص"), updated.text());
            Instant at = Instant.parse(updated.selectFirst("time").attr("datetime"));
            assertEquals(Instant.parse("2026-03-01T09:30:00Z"), at.truncatedTo(java.time.temporal.ChronoUnit.MINUTES));
        }
    }

    @Test
    void a_date_setting_spelled_wrong_is_refused_naming_the_setting_and_its_choices() {
        for (Map.Entry<String, String> bad : Map.of("KHULASA_HIJRI_DATE", "yes", "KHULASA_MONTH_NAMES", "syrian",
                "KHULASA_DIGITS", "roman").entrySet()) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> Config.fromEnvironment(Map.of(bad.getKey(), bad.getValue())));
            assertTrue(e.getMessage().startsWith(bad.getKey() + " must be "), e.getMessage());
            assertTrue(e.getMessage().contains(bad.getValue()), e.getMessage());
        }
    }

    private static long create(TestServer server, String published) {
        ObjectNode json = Articles.article("خبر مؤرخ");
        json.put("published", published);
        return server.create(json.toString()).get("id").asLong();
    }

    private static Document page(TestServer server, String path) {
        HttpResponse<String> response = server.get(path);
        assertEquals(200, response.statusCode(), path + ": " + response.body());
        return Jsoup.parse(response.body(), server.url(path));
    }
}
