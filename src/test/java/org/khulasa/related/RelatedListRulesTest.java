package org.khulasa.related;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.khulasa.Articles;
import org.khulasa.TestServer;

/** The rules of a related list, through the editor API of a real server. */
class RelatedListRulesTest {

    private static final String[][] DERBY = {
        {"الشروق يتأهل إلى نهائي كأس البلاد بعد فوزه على الوحدة", "تأهل نادي الشروق إلى نهائي كأس البلاد لكرة القدم بعد فوزه على الوحدة بهدفين لهدف في ملعب المدينة الرياضية، وسجل المهاجم سامر الحلبي هدف الفوز."},
        {"سامر الحلبي: هدف نصف النهائي أهديه لجماهير الشروق", "قال مهاجم الشروق سامر الحلبي إن هدفه في مرمى الوحدة أهم أهدافه، وإن الفريق يستعد لنهائي الكأس بتركيز كامل على المباراة المقبلة."},
        {"مدرب الوحدة يستقيل بعد الخروج من كأس البلاد أمام الشروق", "أعلن مدرب نادي الوحدة استقالته عقب الخسارة أمام الشروق في نصف نهائي الكأس، وحمّل نفسه مسؤولية تراجع أداء الفريق في الشوط الثاني."},
        {"جماهير الشروق تحتفل بالتأهل إلى نهائي الكأس", "خرجت جماهير نادي الشروق إلى شوارع المدينة احتفالاً بالتأهل إلى نهائي كأس البلاد، ورفعت صور المهاجم سامر الحلبي صاحب هدف الفوز على الوحدة."},
    };
    private static final String[][] OIL = {
        {"أسعار النفط ترتفع بعد قرار أوبك خفض الإنتاج", "ارتفعت أسعار خام برنت بنسبة أربعة في المئة بعد أن قررت منظمة أوبك وحلفاؤها خفض إنتاج النفط بمليون برميل يومياً اعتباراً من الشهر المقبل."},
        {"خام برنت يتجاوز تسعين دولاراً للبرميل", "تجاوز سعر خام برنت تسعين دولاراً للبرميل للمرة الأولى منذ أشهر، مدفوعاً بقرار أوبك خفض الإنتاج وتراجع المخزونات الأمريكية من النفط."},
        {"محللون: خفض إنتاج أوبك يضغط على أسعار الوقود", "توقع محللون أن ينعكس خفض أوبك لإنتاج النفط على أسعار الوقود في محطات البنزين، مع صعود خام برنت إلى أعلى مستوى له هذا الربع."},
    };

    @TempDir
    Path dir;
    private TestServer server;

    @BeforeEach
    void start() {
        server = TestServer.start(dir);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void an_article_posted_without_related_ids_gets_three_from_its_story() {
        List<Long> oil = postAll(OIL, "economy");
        List<Long> derby = postAll(DERBY, "sports");

        JsonNode last = server.create(article(DERBY[0][0] + " — تحليل", DERBY[0][1] + " " + DERBY[3][1], "sports").toString());

        assertEquals(3, relatedIds(last).size());
        assertTrue(derby.containsAll(relatedIds(last)), "picks from the derby story: " + relatedIds(last));
        assertTrue(oil.containsAll(relatedIds(read(oil.get(2)))));
    }

    @Test
    void editor_ids_come_first_in_their_order_and_automatic_picks_fill_the_rest() {
        List<Long> oil = postAll(OIL, "economy");
        List<Long> derby = postAll(DERBY, "sports");

        ObjectNode draft = article("الشروق يبدأ تحضيراته لنهائي الكأس", "بدأ الشروق تحضيراته لنهائي كأس البلاد بعد الفوز على الوحدة، بمشاركة سامر الحلبي.", "sports");
        JsonNode created = server.create(Articles.withRelated(draft, oil.get(1), oil.get(0)).toString());

        List<Long> related = relatedIds(created);
        assertEquals(3, related.size());
        assertEquals(List.of(oil.get(1), oil.get(0)), related.subList(0, 2));
        assertTrue(derby.contains(related.get(2)), "the automatic pick is from the derby story: " + related);
    }

    @Test
    void editor_ids_beyond_the_list_size_are_all_kept_and_nothing_is_added() {
        List<Long> derby = postAll(DERBY, "sports");
        List<Long> oil = postAll(OIL, "economy");
        long[] chosen = {oil.get(2), derby.get(0), oil.get(0), derby.get(3)};

        JsonNode created = server.create(Articles.withRelated(article(DERBY[1][0] + " مجدداً", DERBY[1][1], "sports"),
                chosen).toString());

        assertEquals(List.of(chosen[0], chosen[1], chosen[2], chosen[3]), relatedIds(created));
    }

    @Test
    void an_article_is_never_related_to_itself_even_after_an_edit() {
        List<Long> derby = postAll(DERBY, "sports");
        long id = derby.get(3);

        JsonNode edited = server.parse(server.put("/api/articles/" + id,
                article(DERBY[3][0], DERBY[3][1] + " " + DERBY[0][1], "sports").toString()).body());

        assertFalse(relatedIds(edited).contains(id));
        assertEquals(3, relatedIds(edited).size());
    }

    @Test
    void a_scheduled_article_is_never_picked_and_its_own_list_holds_published_ones() {
        List<Long> derby = postAll(DERBY, "sports");
        ObjectNode future = article("الشروق والوحدة: قراءة في نصف نهائي الكأس", DERBY[0][1] + " " + DERBY[2][1], "sports");
        future.put("published", OffsetDateTime.now().plusDays(2).toString());
        long scheduled = server.create(future.toString()).get("id").asLong();

        JsonNode later = server.create(article("الشروق في النهائي", DERBY[0][1] + " " + DERBY[2][1], "sports").toString());

        assertFalse(relatedIds(later).contains(scheduled), "scheduled article picked: " + relatedIds(later));
        assertEquals(3, relatedIds(later).size());
        assertTrue(derby.containsAll(relatedIds(read(scheduled))));
    }

    @Test
    void a_deleted_article_leaves_every_list_and_another_takes_its_place() {
        List<Long> derby = postAll(DERBY, "sports");
        long last = server.create(article("الشروق يحتفل ويستعد لنهائي الكأس", DERBY[3][1] + " " + DERBY[0][1], "sports").toString())
                .get("id").asLong();
        List<Long> before = relatedIds(read(last));
        long gone = before.get(0);

        assertEquals(204, server.delete("/api/articles/" + gone).statusCode());

        List<Long> after = relatedIds(read(last));
        assertFalse(after.contains(gone));
        assertEquals(3, after.size(), "the list is filled again: " + after);
        assertTrue(derby.containsAll(after));
    }

    @Test
    void an_article_edited_into_another_story_leaves_the_lists_that_picked_it() {
        List<Long> derby = postAll(DERBY, "sports");
        long last = server.create(article("الشروق يحتفل ويستعد لنهائي الكأس", DERBY[3][1] + " " + DERBY[0][1], "sports").toString())
                .get("id").asLong();
        long picked = relatedIds(read(last)).get(0);
        postAll(OIL, "economy");

        server.put("/api/articles/" + picked, article(OIL[0][0] + " مجدداً", OIL[0][1] + " " + OIL[1][1], "economy").toString());

        List<Long> after = relatedIds(read(last));
        assertFalse(after.contains(picked), "the edited article left the list: " + after);
        assertEquals(3, after.size());
        assertTrue(derby.containsAll(after));
    }

    @Test
    void an_article_moved_to_the_future_leaves_the_lists_that_picked_it() {
        postAll(DERBY, "sports");
        long last = server.create(article("الشروق يحتفل ويستعد لنهائي الكأس", DERBY[3][1] + " " + DERBY[0][1], "sports").toString())
                .get("id").asLong();
        long picked = relatedIds(read(last)).get(0);
        JsonNode was = read(picked);

        ObjectNode unpublished = article(was.get("title").asText(), was.get("body").asText(), "sports");
        unpublished.put("published", OffsetDateTime.now().plusDays(3).toString());
        server.put("/api/articles/" + picked, unpublished.toString());

        assertFalse(relatedIds(read(last)).contains(picked));
    }

    @Test
    void recomputing_gives_the_first_article_of_a_story_its_follow_ups() {
        List<Long> derby = postAll(DERBY, "sports");
        assertTrue(relatedIds(read(derby.get(0))).isEmpty(), "nothing was published before the first one");

        server.store.recomputeRelated((step, done, total) -> { });

        List<Long> related = relatedIds(read(derby.get(0)));
        assertEquals(3, related.size());
        assertTrue(derby.containsAll(related));
        assertFalse(related.contains(derby.get(0)));
    }

    @Test
    void the_list_size_is_configurable() throws Exception {
        server.close();
        server = TestServer.start(dir.resolve("five"), Map.of("KHULASA_RELATED_COUNT", "5"));
        postAll(DERBY, "sports");
        postAll(DERBY, "sports");

        JsonNode created = server.create(article(DERBY[0][0], DERBY[0][1], "sports").toString());

        assertEquals(5, relatedIds(created).size());
        assertFalse(relatedIds(created).contains(created.get("id").asLong()));
    }

    @Test
    void a_list_size_of_zero_keeps_only_the_editors_picks() {
        server.close();
        server = TestServer.start(dir.resolve("zero"), Map.of("KHULASA_RELATED_COUNT", "0"));
        List<Long> derby = postAll(DERBY, "sports");

        JsonNode plain = server.create(article(DERBY[0][0], DERBY[0][1], "sports").toString());
        JsonNode chosen = server.create(Articles.withRelated(article(DERBY[1][0], DERBY[1][1], "sports"),
                derby.get(2)).toString());

        assertEquals(List.of(), relatedIds(plain));
        assertEquals(List.of(derby.get(2)), relatedIds(chosen));
    }

    @Test
    void a_list_size_out_of_range_is_refused_at_start() {
        IllegalArgumentException refused = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> org.khulasa.Config.fromEnvironment(Map.of("KHULASA_RELATED_COUNT", "-1")));
        assertTrue(refused.getMessage().contains("KHULASA_RELATED_COUNT"), refused.getMessage());
    }

    @Test
    void matching_leaves_the_stored_text_exactly_as_sent() {
        String title = "الشُّرُوقُ يتأهّـــل إلى نهائي الكأس\u200F ٢٠٢٦";
        String body = "<p>تأهّل نادي الشروق إلى النهائي.</p>";
        postAll(DERBY, "sports");

        JsonNode created = server.create(article(title, body, "sports").toString());

        assertEquals(title, created.get("title").asText());
        assertEquals(body, created.get("body").asText());
    }

    // ---- helpers ----

    private List<Long> postAll(String[][] story, String category) {
        List<Long> ids = new ArrayList<>();
        for (String[] a : story) {
            ids.add(server.create(article(a[0], a[1], category).toString()).get("id").asLong());
        }
        return ids;
    }

    private static ObjectNode article(String title, String body, String category) {
        ObjectNode a = Articles.article(title, category, "nizar-samir");
        a.put("body", body.startsWith("<") ? body : "<p>" + body + "</p>");
        a.remove("summary");
        a.putArray("tags");
        return a;
    }

    private JsonNode read(long id) {
        return TestServer.parse(server.get("/api/articles/" + id, "Authorization", "Bearer " + TestServer.TOKEN).body());
    }

    private static List<Long> relatedIds(JsonNode article) {
        List<Long> ids = new ArrayList<>();
        article.get("related").forEach(r -> ids.add(r.get("id").asLong()));
        return ids;
    }
}
