package org.khulasa.wordpress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.khulasa.CommandProcess;
import org.khulasa.FeedXml;
import org.khulasa.SettableClock;
import org.khulasa.TestServer;
import org.w3c.dom.Node;

/**
 * {@code --import-wordpress} with the exports of a real WordPress ({@code src/test/resources/wordpress/}),
 * checked over HTTP on a real server.
 */
class WordPressImportTest {
    static final String SITE = "http://127.0.0.1:8091";
    static final String BUDGET = "/%d8%a7%d9%84%d8%ad%d9%83%d9%88%d9%85%d8%a9-%d8%aa%d9%82%d8%b1%d9%91-%d9%85%d9%88%d8%a7%d8%b2%d9%86%d8%a9-%d8%a7%d9%84%d8%aa%d9%82%d8%b4%d9%81-%d8%aa%d8%ae%d9%81%d8%b6-%d8%a7%d9%84%d8%af/";
    private static final String FINAL = "/%d8%a7%d9%84%d9%85%d9%86%d8%aa%d8%ae%d8%a8-%d9%8a%d8%aa%d8%a3%d9%87%d9%84-%d8%a5%d9%84%d9%89-%d9%86%d9%87%d8%a7%d8%a6%d9%8a-%d9%83%d8%a3%d8%b3-%d8%a7%d9%84%d8%b9%d8%b1%d8%a8/";
    private static final String PRIVATE = "/%d9%85%d8%b0%d9%83%d8%b1%d8%a9-%d8%af%d8%a7%d8%ae%d9%84%d9%8a%d8%a9/";
    private static final String PROTECTED = "/%d8%ae%d8%a8%d8%b1-%d9%84%d9%84%d9%85%d8%b4%d8%aa%d8%b1%d9%83%d9%8a%d9%86/";
    private static final String PAGE = "/%d9%85%d9%86-%d9%86%d8%ad%d9%86/";
    private static final String ECONOMY = "/category/%d8%a7%d9%82%d8%aa%d8%b5%d8%a7%d8%af/";
    private static final String FOOTBALL = "/category/%d8%b1%d9%8a%d8%a7%d8%b6%d8%a9/%d9%83%d8%b1%d8%a9-%d8%a7%d9%84%d9%82%d8%af%d9%85/";
    private static final List<String> NEVER_PUBLIC = List.of("مسودة عن الانتخابات", "تقرير بانتظار المراجعة",
            "مذكرة داخلية", "خبر للمشتركين", "خبر محذوف", "من نحن", "Privacy Policy");
    private static final Instant BEFORE_METRO = Instant.parse("2026-12-01T12:00:00Z");
    private static final Instant METRO = Instant.parse("2030-01-15T05:00:00Z");

    @TempDir
    Path data;

    @Test
    void published_posts_become_articles_keeping_their_guids_and_times_and_nothing_unpublished_shows() throws Exception {
        CommandProcess run = ImportCommand.run(data, ImportCommand.export("wordpress-postname.xml"));
        assertEquals(0, run.exit(), run.toString());
        assertTrue(run.output().contains("Imported 5 articles (1 of them scheduled); 0 were imported before."), run.output());
        assertTrue(run.output().contains("1 drafts, 1 menu items, 2 pages, 1 password-protected posts, 1 pending posts, "
                + "1 private posts, 1 trashed posts, 2 comments"), run.output());
        assertTrue(run.output().contains("post 4: several categories: kept اقتصاد, left out محليات"), run.output());
        assertTrue(run.output().contains("choosing related articles: 5/5 (100%)"), run.output());

        SettableClock clock = new SettableClock(BEFORE_METRO);
        try (TestServer server = TestServer.start(data, Map.of(), clock)) {
            for (String path : List.of("/feeds/rss.xml", "/feeds/atom.xml")) {
                String feed = server.get(path).body();
                for (String title : NEVER_PUBLIC) {
                    assertFalse(feed.contains(title), title + " in " + path);
                }
                assertFalse(feed.contains("افتتاح المترو"), "scheduled, not out yet: " + path);
            }
            FeedXml rss = FeedXml.parse(server.getBytes("/feeds/rss.xml").body());
            assertEquals(List.of(SITE + "/%d8%a7%d8%b1%d8%aa%d9%81%d8%a7%d8%b9-%d8%a3%d8%b3%d8%b9%d8%a7%d8%b1-%d8%a7%d9%84%d8%b0%d9%87%d8%a8-%d8%a5%d9%84%d9%89-%d9%85%d8%b3%d8%aa%d9%88%d9%89-%d9%82%d9%8a%d8%a7%d8%b3%d9%8a/",
                            SITE + "/s-400-%d8%b5%d9%81%d9%82%d8%a9-%d8%a7%d9%84%d8%af%d9%81%d8%a7%d8%b9-%d8%a7%d9%84%d8%ac%d9%88%d9%8a-%d8%aa%d8%ab%d9%8a%d8%b1-%d8%a7%d9%84%d8%ac%d8%af%d9%84/",
                            SITE + FINAL, SITE + BUDGET),
                    texts(rss, "/rss/channel/item/guid"));
            assertEquals("false", rss.text("/rss/channel/item[4]/guid/@isPermaLink"));
            FeedXml atom = FeedXml.parse(server.getBytes("/feeds/atom.xml").body());
            assertEquals(texts(rss, "/rss/channel/item/guid"), texts(atom, "/a:feed/a:entry/a:id"));
            // JSON Feed items keep the same ids.
            JsonNode json = TestServer.JSON.readTree(server.get("/feeds/feed.json").body());
            List<String> jsonIds = new ArrayList<>();
            json.get("items").forEach(item -> jsonIds.add(item.get("id").asText()));
            assertEquals(texts(atom, "/a:feed/a:entry/a:id"), jsonIds);
            // updated is WordPress's post_modified_gmt; two posts modified in the same second are a millisecond apart.
            assertEquals(List.of("2024-03-12T08:00:00.001Z", "2024-03-12T08:00:00Z", "2024-03-11T18:20:00Z", "2024-03-10T10:15:00Z"),
                    texts(atom, "/a:feed/a:entry/a:updated"));
            assertEquals("2024-03-10T06:30:00Z", atom.text("/a:feed/a:entry[4]/a:published"));
            assertTrue(Instant.parse(atom.text("/a:feed/a:updated")).isBefore(METRO),
                    "the feed changed when the import ran, not when the scheduled post's edit time says: " + atom.text("/a:feed/a:updated"));
            // Feed titles come isolated right to left (U+2067 … U+2069); the text inside is WordPress's, decoded.
            assertEquals("الحكومة تقرّ موازنة \"التقشف\" & تخفض الدعم", unwrapped(atom.text("/a:feed/a:entry[4]/a:title")));
            assertEquals("S-400: صفقة “الدفاع الجوي” تثير الجدل", unwrapped(atom.text("/a:feed/a:entry[2]/a:title")));

            JsonNode budget = article(server, "/?p=4");
            assertEquals("أقرّ مجلس الوزراء موازنة العام المقبل بعجز أقل.", budget.get("summary").asText());
            assertEquals("اقتصاد", budget.at("/category/name").asText());
            assertEquals("aqatasad", budget.at("/category/slug").asText());
            assertEquals(1, budget.get("authors").size(), "one byline: the post's author");
            assertEquals("نزار سمير", budget.at("/authors/0/name").asText());
            assertEquals("nizar", budget.at("/authors/0/slug").asText());
            assertEquals("published", budget.get("status").asText());
            FeedXml byAuthor = FeedXml.parse(server.getBytes("/feeds/author/nizar/atom.xml").body());
            assertTrue(texts(byAuthor, "/a:feed/a:entry/a:id").contains(SITE + BUDGET), "in its author's feed");
            assertEquals("[\"الدعم\",\"الموازنة\",\"مجلس الوزراء\"]", budget.get("tags").toString(), "in the export's order");
            assertEquals(SITE + "/wp-content/uploads/2024/03/market.jpg", budget.at("/image/url").asText());
            assertEquals("image/jpeg", budget.at("/image/type").asText());
            assertEquals("سوق الخضار في وسط المدينة صباح اليوم", budget.at("/image/caption").asText());
            String body = budget.get("body").asText();
            assertTrue(body.startsWith("<p>أقرّ مجلس الوزراء صباح اليوم مشروع الموازنة العامة للعام المقبل.</p>"), body);
            assertTrue(body.contains("<figure><img src=\"" + SITE + "/wp-content/uploads/2024/03/cabinet.jpg\" alt=\"مجلس الوزراء\" width=\"640\" height=\"427\">\n"
                    + "<figcaption>اجتماع مجلس الوزراء</figcaption>\n</figure>"), body);
            assertTrue(body.contains("<p>وقال وزير المالية إن العجز سينخفض إلى 3% من الناتج المحلي.<br>\nوأضاف أن الدعم سيُوجّه إلى مستحقيه.</p>"), body);
            assertTrue(body.contains("<ul>\n<li>خفض دعم الوقود</li>"), body);
            assertFalse(body.contains("[caption"), body);

            String blocks = article(server, "/?p=6").get("body").asText();
            assertFalse(blocks.contains("wp:"), blocks);
            assertTrue(blocks.contains("<p><a href=\"https://www.youtube.com/watch?v=dQw4w9WgXcQ\" rel=\"nofollow noopener\">"), blocks);
            assertTrue(blocks.contains("<p><a href=\"https://vimeo.com/76979871\" rel=\"nofollow noopener\">"), blocks);
            assertFalse(blocks.contains("[") || blocks.contains("استطلاع"), "[gallery] and unknown shortcodes leave no trace: " + blocks);
            assertTrue(blocks.contains("<p>تأهل المنتخب الوطني إلى المباراة النهائية بعد فوزه بهدفين.</p>"), blocks);
            JsonNode child = article(server, "/?p=6");
            assertEquals("kara-al-qadam", child.at("/category/slug").asText());
            assertEquals("هدى العلي", child.at("/authors/0/name").asText());
            assertEquals("uncategorized", article(server, "/?p=7").at("/category/slug").asText());

            // The scheduled post comes out at its time, with its old address.
            assertEquals(200, server.get("/?p=9").statusCode(), "no address leads to it before its time");
            clock.set(METRO.plusSeconds(60));
            assertTrue(server.get("/feeds/atom.xml").body().contains("<id>" + SITE + "/?p=9</id>"));
            assertEquals(301, server.get("/?p=9").statusCode());
        }
    }

    @Test
    void every_kind_of_old_address_answers_301_to_the_new_one_and_nothing_unpublished_redirects() throws Exception {
        assertEquals(0, ImportCommand.run(data, ImportCommand.export("wordpress-postname.xml"), "--no-related").exit());
        try (TestServer server = TestServer.start(data, Map.of(), new SettableClock(BEFORE_METRO))) {
            String budget = location(server, BUDGET);
            assertTrue(budget.matches(".*/articles/\\d+"), budget);
            assertEquals(budget, location(server, BUDGET.toUpperCase().replace("/%", "/%")));
            assertEquals(budget, location(server, BUDGET.substring(0, BUDGET.length() - 1)));
            assertEquals(budget, location(server, "/?p=4"));
            assertEquals(0, server.parse(server.get(path(budget), "Authorization", "Bearer " + TestServer.TOKEN).body())
                    .get("related").size(), "--no-related leaves the lists for --recompute-related");
            assertEquals(server.url("/category/aqatasad"), location(server, ECONOMY));
            assertEquals(server.url("/feeds/category/aqatasad/rss.xml"), location(server, ECONOMY + "feed/"));
            assertEquals(server.url("/feeds/category/aqatasad/rss.xml"), location(server, ECONOMY + "feed/rss2/"));
            assertEquals(server.url("/feeds/category/aqatasad/atom.xml"), location(server, ECONOMY + "feed/atom/"));
            assertEquals(server.url("/category/kara-al-qadam"), location(server, FOOTBALL));
            assertEquals(server.url("/feeds/category/kara-al-qadam/atom.xml"), location(server, FOOTBALL + "feed/atom/"));
            assertEquals(server.url("/feeds/author/huda/rss.xml"), location(server, "/author/huda/feed/"));
            assertEquals(server.url("/feeds/author/huda/rss.xml"), location(server, "/author/huda/feed/rss2/"));
            assertEquals(server.url("/feeds/author/huda/atom.xml"), location(server, "/author/huda/feed/atom/"));
            assertEquals(200, server.get("/author/huda/").statusCode(), "the same slug: served, not moved");
            for (String feed : List.of("/feed/", "/feed/rss2/", "/?feed=rss2")) {
                assertEquals(server.url("/feeds/rss.xml"), location(server, feed), feed);
            }
            assertEquals(server.url("/feeds/atom.xml"), location(server, "/feed/atom/"));
            assertEquals(server.url("/feeds/atom.xml"), location(server, "/?feed=atom"));
            HttpResponse<String> head = server.send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(server.local("/feed/"))).method("HEAD", java.net.http.HttpRequest.BodyPublishers.noBody()));
            assertEquals(301, head.statusCode());
            assertEquals("public, max-age=300", TestServer.header(head, "Cache-Control").orElseThrow());

            assertEquals(410, server.get("/comments/feed/").statusCode());
            for (String never : List.of(PRIVATE, PROTECTED, PAGE, "/?p=10", "/?p=11", "/?p=12", "/?p=13", "/?p=14",
                    "/?p=5", "/?p=16", "/category/%d9%85%d9%86%d9%88%d8%b9%d8%a7%d8%aa/")) {
                int status = server.get(never).statusCode();
                assertTrue(status == 404 || status == 200 && never.startsWith("/?"), never + " answered " + status);
            }
            assertEquals(404, server.get("/no-such-post/").statusCode());
            assertEquals(404, server.get("/category/no-such/feed/").statusCode());
        }
    }

    @Test
    void an_old_tag_page_and_its_feeds_answer_301_to_the_tag_s_own() throws Exception {
        assertEquals(0, ImportCommand.run(data, ImportCommand.export("wordpress-postname.xml"), "--no-related").exit());
        try (TestServer server = TestServer.start(data)) {
            String gold = "/tag/%d8%a7%d9%84%d8%b0%d9%87%d8%a8/"; // الذهب, a tag of post 8
            String page = location(server, gold);
            assertTrue(page.startsWith(server.url("/tag/")), page);
            String slug = page.substring(server.url("/tag/").length());
            assertTrue(slug.matches("[a-z0-9-]+"), slug);
            HttpResponse<String> tagPage = server.get("/tag/" + slug);
            assertEquals(200, tagPage.statusCode());
            assertTrue(tagPage.body().contains("الذهب"), tagPage.body());
            assertEquals(page, location(server, "/tag/" + gold.substring("/tag/".length()).toUpperCase()));
            assertEquals(page, location(server, gold.substring(0, gold.length() - 1)));
            assertEquals(server.url("/feeds/tag/" + slug + "/rss.xml"), location(server, gold + "feed/"));
            assertEquals(server.url("/feeds/tag/" + slug + "/rss.xml"), location(server, gold + "feed/rss2/"));
            assertEquals(server.url("/feeds/tag/" + slug + "/atom.xml"), location(server, gold + "feed/atom/"));

            // Two words (كأس العرب, on post 6): the feed it leads to holds the post.
            String cup = "/tag/%d9%83%d8%a3%d8%b3-%d8%a7%d9%84%d8%b9%d8%b1%d8%a8/";
            String atom = location(server, cup + "feed/atom/");
            FeedXml feed = FeedXml.parse(server.getBytes(atom.substring(server.url("").length())).body());
            assertEquals(List.of(article(server, "/?p=6").get("title").asText()),
                    texts(feed, "/a:feed/a:entry/a:title").stream().map(FeedXml::unisolated).toList());

            assertEquals(404, server.get("/tag/no-such-tag/").statusCode());
            assertEquals(404, server.get("/tag/no-such-tag/feed/").statusCode());
        }
    }

    @Test
    void the_addresses_of_a_site_with_plain_permalinks_or_index_php_answer_301_and_every_comment_feed_410() throws Exception {
        assertEquals(0, ImportCommand.run(data, ImportCommand.export("wordpress-postname.xml"), "--no-related").exit());
        try (TestServer server = TestServer.start(data)) {
            // Term and author ids from the export's header: 3 اقتصاد, 5 كرة القدم, 3 huda.
            assertEquals(server.url("/category/aqatasad"), location(server, "/?cat=3"));
            for (String feed : List.of("/?cat=3&feed=rss2", "/?feed=rss2&cat=3", "/?cat=3&feed=rss", "/?cat=3&feed=rdf", "/?cat=3&feed=")) {
                assertEquals(server.url("/feeds/category/aqatasad/rss.xml"), location(server, feed), feed);
            }
            assertEquals(server.url("/feeds/category/aqatasad/atom.xml"), location(server, "/?feed=atom&cat=3"));
            assertEquals(server.url("/feeds/category/kara-al-qadam/atom.xml"), location(server, "/?cat=5&feed=atom"));
            assertEquals(server.url("/author/huda"), location(server, "/?author=3"));
            assertEquals(server.url("/feeds/author/huda/rss.xml"), location(server, "/?author=3&feed=rss2"));
            assertEquals(server.url("/feeds/author/huda/atom.xml"), location(server, "/?author=3&feed=atom"));
            String gold = location(server, "/?tag=%d8%a7%d9%84%d8%b0%d9%87%d8%a8"); // الذهب
            assertEquals(location(server, "/tag/%d8%a7%d9%84%d8%b0%d9%87%d8%a8/"), gold);
            String goldFeeds = gold.replace("/tag/", "/feeds/tag/");
            assertEquals(goldFeeds + "/atom.xml", location(server, "/?tag=%D8%A7%D9%84%D8%B0%D9%87%D8%A8&feed=atom"));
            assertEquals(goldFeeds + "/rss.xml", location(server, "/?feed=rss2&tag=%d8%a7%d9%84%d8%b0%d9%87%d8%a8"));
            for (String feed : List.of("/?feed=rss", "/?feed=rdf", "/?feed=", "/?feed=RSS2")) {
                assertEquals(server.url("/feeds/rss.xml"), location(server, feed), feed);
            }
            // Categories and authors named by their old slugs; a child category also by its path.
            String economy = "%d8%a7%d9%82%d8%aa%d8%b5%d8%a7%d8%af";
            String football = "%d9%83%d8%b1%d8%a9-%d8%a7%d9%84%d9%82%d8%af%d9%85";
            assertEquals(server.url("/category/aqatasad"), location(server, "/?category_name=" + economy));
            assertEquals(server.url("/feeds/category/aqatasad/atom.xml"), location(server, "/?feed=atom&category_name=" + economy.toUpperCase()));
            assertEquals(server.url("/category/kara-al-qadam"), location(server, "/?category_name=" + football));
            assertEquals(server.url("/feeds/category/kara-al-qadam/rss.xml"),
                    location(server, "/?category_name=%d8%b1%d9%8a%d8%a7%d8%b6%d8%a9%2F" + football + "&feed=rss2"));
            assertEquals(server.url("/author/huda"), location(server, "/?author_name=huda"));
            assertEquals(server.url("/feeds/author/huda/atom.xml"), location(server, "/?author_name=huda&feed=atom"));

            // A server without URL rewriting put /index.php before every path, and answered /index.php?… as /?…
            assertEquals(location(server, "/?p=4"), location(server, "/index.php?p=4"));
            assertEquals(location(server, BUDGET), location(server, "/index.php" + BUDGET));
            assertEquals(server.url("/feeds/rss.xml"), location(server, "/index.php?feed=rss2"));
            assertEquals(server.url("/feeds/atom.xml"), location(server, "/index.php/feed/atom/"));
            assertEquals(server.url("/feeds/category/aqatasad/rss.xml"), location(server, "/index.php/category/" + economy + "/feed/"));
            assertEquals(server.url("/feeds/author/huda/rss.xml"), location(server, "/index.php?author=3&feed=rss2"));
            assertEquals(410, server.get("/index.php/comments/feed/").statusCode());
            assertEquals(404, server.get("/index.php/no-such-post/").statusCode());

            // WordPress's comment feeds: the site's, and each imported post's, whichever way addressed.
            for (String gone : List.of("/?feed=comments-rss2", "/?feed=comments-atom", "/?p=4&feed=rss2", "/?feed=rss2&p=4",
                    "/?p=4&feed=atom", BUDGET + "feed/", BUDGET + "feed/atom/", BUDGET.toUpperCase() + "feed/rss2/")) {
                HttpResponse<String> answer = server.get(gone);
                assertEquals(410, answer.statusCode(), gone);
                assertEquals("application/problem+json", TestServer.header(answer, "Content-Type").orElseThrow().split(";")[0]);
            }
            // Nothing that was not public, nor unknown, leads anywhere.
            for (String never : List.of("/?cat=999", "/?author=999", "/?tag=no-such-tag", "/?p=10&feed=rss2", "/?p=999&feed=rss2",
                    "/?category_name=no-such", "/?author_name=nobody&feed=rss2")) {
                assertEquals(200, server.get(never).statusCode(), never + ": the home page, as for any other query");
            }
            assertEquals(404, server.get(PRIVATE + "feed/").statusCode());
            assertEquals(404, server.get("/no-such-post/feed/").statusCode());
        }
    }

    @Test
    void the_old_site_s_search_answers_301_to_the_search_page_with_the_same_words(@TempDir Path other) throws Exception {
        CommandProcess imported = ImportCommand.run(data, ImportCommand.export("wordpress-postname.xml"), "--no-related");
        assertEquals(0, imported.exit(), imported.toString());
        // Without its related lists, the import leaves the words unindexed too, and says so.
        assertTrue(imported.output().contains("Search does not find the imported articles yet"), imported.output());
        String words = URLEncoder.encode("الموازنة", StandardCharsets.UTF_8);
        try (TestServer server = TestServer.start(data)) {
            assertEquals(0, ImportCommand.command(data, "--recompute-related").exit());
            String search = location(server, "/?s=" + words);
            assertEquals(server.url("/search?q=" + words), search);
            assertEquals(search, location(server, "/index.php?s=" + words));
            assertEquals(server.url("/"), location(server, "/index.php"), "WordPress's front controller: the home page");
            assertEquals(server.url("/"), location(server, "/index.php/"));
            HttpResponse<String> found = server.get(search.substring(server.url("").length()));
            assertEquals(200, found.statusCode());
            assertTrue(found.body().contains("href=\"" + server.url("/articles/" + article(server, "/?p=4").get("id").asText()) + "\""),
                    found.body());
        }
        try (TestServer server = TestServer.start(other)) {
            assertEquals(200, server.get("/?s=" + words).statusCode(), "no site was imported: the home page");
            assertEquals(404, server.get("/index.php").statusCode(), "no site was imported: nothing there");
            assertEquals(404, server.get("/index.php?s=" + words).statusCode());
        }
    }

    @Test
    void running_again_or_on_a_newer_export_adds_only_new_posts_and_their_new_old_addresses() throws Exception {
        assertEquals(0, ImportCommand.run(data, ImportCommand.export("wordpress-postname.xml")).exit());
        List<JsonNode> before;
        Map<Long, List<Long>> relatedBefore;
        try (TestServer server = TestServer.start(data)) {
            before = withoutRelated(editorList(server));
            relatedBefore = relatedIds(editorList(server));
        }
        CommandProcess again = ImportCommand.run(data, ImportCommand.export("wordpress-postname.xml"));
        assertTrue(again.output().contains("Imported 0 articles (0 of them scheduled); 5 were imported before."), again.toString());
        CommandProcess newer = ImportCommand.run(data, ImportCommand.export("wordpress-year-month.xml"));
        assertTrue(newer.output().contains("Imported 1 articles (0 of them scheduled); 5 were imported before."), newer.toString());
        // Only the new article's words are indexed (as it is written: no pass over the archive) and
        // its list chosen: the archive's lists stay as they were.
        assertFalse(newer.output().contains("indexing words"), newer.toString());
        assertTrue(newer.output().contains("choosing related articles: 1/1 (100%)"), newer.toString());
        try (TestServer server = TestServer.start(data)) {
            List<JsonNode> after = withoutRelated(editorList(server));
            assertEquals(6, after.size());
            List<JsonNode> older = after.stream().filter(a -> a.get("id").asLong() <= 5).toList();
            assertEquals(before, older, "the articles imported before are unchanged");
            Map<Long, List<Long>> relatedAfter = relatedIds(editorList(server));
            relatedAfter.keySet().removeIf(id -> id > 5);
            assertEquals(relatedBefore, relatedAfter, "so are their related lists");
            String budget = location(server, BUDGET);
            assertEquals(budget, location(server, "/2024/03" + BUDGET), "the year/month permalink leads to the same article");
            assertEquals(budget, location(server, "/?p=4"));
            assertTrue(location(server, "/2024/03/%d9%87%d8%b7%d9%88%d9%84-%d8%a3%d9%85%d8%b7%d8%a7%d8%b1-%d8%ba%d8%b2%d9%8a%d8%b1%d8%a9-%d8%b9%d9%84%d9%89-%d8%a7%d9%84%d9%85%d9%86%d8%a7%d8%b7%d9%82-%d8%a7%d9%84%d8%b4%d9%85%d8%a7%d9%84%d9%8a%d8%a9/")
                    .matches(".*/articles/\\d+"));
        }
    }

    @Test
    void a_running_server_serves_the_imported_articles_in_fresh_feeds() throws Exception {
        try (TestServer server = TestServer.start(data)) {
            HttpResponse<String> before = server.get("/feeds/atom.xml");
            String empty = before.body();
            assertFalse(empty.contains("<entry"), empty);
            Instant imported = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
            assertEquals(0, ImportCommand.run(data, ImportCommand.export("wordpress-postname.xml"), "--no-related").exit());
            // The server hears of the other process's write within a poll; give it a generous deadline.
            long deadline = System.nanoTime() + 10_000_000_000L;
            String feed = server.get("/feeds/atom.xml").body();
            while (!feed.contains(SITE + BUDGET) && System.nanoTime() < deadline) {
                Thread.onSpinWait();
                feed = server.get("/feeds/atom.xml").body();
            }
            assertTrue(feed.contains("<id>" + SITE + BUDGET + "</id>"), feed);
            assertTrue(location(server, "/?p=4").matches(".*/articles/\\d+"));
            // Pollers asking If-Modified-Since must see the import: the feed's Last-Modified moved to
            // its time, not to the archive's newest publication time, which pollers saw long ago.
            Instant modified = lastModified(server.get("/feeds/atom.xml"));
            assertTrue(modified.isAfter(lastModified(before)) && !modified.isBefore(imported), modified + " < " + imported);
            // Its categories and authors have articles out, so their pages and feeds exist.
            for (String path : List.of("/category/aqatasad", "/author/nizar", "/feeds/category/aqatasad/rss.xml",
                    "/feeds/author/nizar/atom.xml")) {
                HttpResponse<String> response = server.get(path);
                assertEquals(200, response.statusCode(), path);
                assertTrue(response.body().contains("\u0645\u0648\u0627\u0632\u0646\u0629"), path); // موازنة
            }
        }
    }

    /** The article (as the API shows it) that an imported post's old address redirects to. */
    static JsonNode article(TestServer server, String oldAddress) {
        return server.parse(server.get(path(location(server, oldAddress))).body());
    }

    private static String location(TestServer server, String path) {
        HttpResponse<String> response = server.get(path);
        assertEquals(301, response.statusCode(), path + ": " + response.body());
        return TestServer.header(response, "Location").orElseThrow();
    }

    /** /articles/N of a Location → the API's /api/articles/N. */
    private static String path(String location) {
        return "/api" + location.substring(location.indexOf("/articles/"));
    }

    private static String editorList(TestServer server) {
        return server.get("/api/articles?limit=100", "Authorization", "Bearer " + TestServer.TOKEN).body();
    }

    private static List<JsonNode> withoutRelated(String list) {
        List<JsonNode> out = new ArrayList<>();
        TestServer.parse(list).forEach(a -> out.add(((com.fasterxml.jackson.databind.node.ObjectNode) a.deepCopy()).without(List.of("related", "url"))));
        return out;
    }

    private static Instant lastModified(HttpResponse<String> response) {
        return java.time.ZonedDateTime.parse(TestServer.header(response, "Last-Modified").orElseThrow(),
                java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
    }

    /** Each article's related ids, by article id. */
    private static Map<Long, List<Long>> relatedIds(String list) {
        Map<Long, List<Long>> out = new java.util.HashMap<>();
        TestServer.parse(list).forEach(a -> {
            List<Long> ids = new ArrayList<>();
            a.get("related").forEach(r -> ids.add(r.get("id").asLong()));
            out.put(a.get("id").asLong(), ids);
        });
        return out;
    }

    private static String unwrapped(String title) {
        return title.replaceAll("[\u2067\u2069\u200F]", "");
    }

    private static List<String> texts(FeedXml feed, String expression) {
        List<String> out = new ArrayList<>();
        for (Node n : feed.nodes(expression)) {
            out.add(n.getTextContent());
        }
        return out;
    }
}
