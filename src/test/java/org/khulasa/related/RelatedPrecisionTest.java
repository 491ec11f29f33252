package org.khulasa.related;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.khulasa.TestServer;

/**
 * The automatic picks of a hand-written corpus ({@link RelatedCorpus}): ten
 * stories of six or seven articles each, in distinct wording and varied spelling, posted through
 * the API with no related ids. A pick is right when it comes from the same story.
 *
 * <p>The corpus holds near misses on purpose: two sports stories (a cup final, a marathon), two
 * economy stories (an oil output cut, an interest rate rise), two politics stories (a budget
 * vote, a minister's visit), an earthquake story told in world, health and local news next to a
 * health story about cholera, and the oil story in world news next to the earthquake.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RelatedPrecisionTest {

    private static final double REQUIRED_PRECISION = 0.9;

    private TestServer server;
    /** Article id → its story, in posting order. */
    private final Map<Long, String> storyOf = new LinkedHashMap<>();
    private final Map<Long, String> categoryOf = new LinkedHashMap<>();
    private final List<Long> postedWhenStoryHadThree = new ArrayList<>();
    /** The lists as stored when each article was posted, before any recompute. */
    private final Map<Long, List<Long>> picksWhenPosted = new LinkedHashMap<>();

    @BeforeAll
    void postTheCorpus(@TempDir Path dir) {
        server = TestServer.start(dir);
        List<RelatedCorpus.Story> stories = RelatedCorpus.stories();
        assertTrue(stories.size() >= 10 && stories.stream().allMatch(s -> s.articles().size() >= 6));
        // First three of every story, round robin; then the rest, which find three of their story already published.
        for (int round = 0; round < 7; round++) {
            for (RelatedCorpus.Story story : stories) {
                if (round < story.articles().size()) {
                    JsonNode created = server.create(story.articles().get(round).toString());
                    long id = created.get("id").asLong();
                    storyOf.put(id, story.name());
                    categoryOf.put(id, created.get("category").get("slug").asText());
                    if (round >= 3) {
                        postedWhenStoryHadThree.add(id);
                    }
                }
            }
        }
        assertTrue(storyOf.size() >= 60, "corpus of " + storyOf.size());
        storyOf.keySet().forEach(id -> picksWhenPosted.put(id, related(id)));
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void picks_made_when_an_article_is_posted_come_from_its_story() {
        double precision = precision(postedWhenStoryHadThree, picksWhenPosted);
        System.out.print(report(postedWhenStoryHadThree, picksWhenPosted));
        System.out.printf("precision of the top 3 when posted: %.3f over %d articles%n", precision,
                postedWhenStoryHadThree.size());
        assertTrue(precision >= REQUIRED_PRECISION, "precision " + precision + "\n" + report(postedWhenStoryHadThree, picksWhenPosted));
    }

    @Test
    void after_a_full_recompute_every_article_picks_from_its_story() {
        server.store.recomputeRelated((step, done, total) -> { });
        List<Long> all = List.copyOf(storyOf.keySet());
        Map<Long, List<Long>> picks = new LinkedHashMap<>();
        all.forEach(id -> picks.put(id, related(id)));

        double precision = precision(all, picks);

        System.out.printf("precision of the top 3 after recompute: %.3f over %d articles%n", precision, all.size());
        assertTrue(precision >= REQUIRED_PRECISION, "precision " + precision + "\n" + report(all, picks));
        all.forEach(id -> assertEquals(3, picks.get(id).size(), "article " + id + " has a full list"));
    }

    @Test
    void the_same_story_is_found_across_categories() {
        // The earthquake's hospital article (health) is matched with the earthquake's world news.
        long crossing = 0;
        for (long id : postedWhenStoryHadThree) {
            for (long pick : picksWhenPosted.get(id)) {
                if (storyOf.get(pick).equals(storyOf.get(id)) && !categoryOf.get(pick).equals(categoryOf.get(id))) {
                    crossing++;
                }
            }
        }
        assertTrue(crossing > 0, "no pick crosses categories within a story:\n"
                + report(postedWhenStoryHadThree, picksWhenPosted));
    }

    @Test
    void another_story_of_the_same_category_is_not_picked() {
        for (long id : postedWhenStoryHadThree) {
            for (long pick : picksWhenPosted.get(id)) {
                boolean nearMiss = categoryOf.get(pick).equals(categoryOf.get(id))
                        && !storyOf.get(pick).equals(storyOf.get(id));
                if (nearMiss) {
                    throw new AssertionError("article " + id + " (" + storyOf.get(id) + ") picked " + pick
                            + " (" + storyOf.get(pick) + ") of the same category");
                }
            }
        }
    }

    // ---- helpers ----

    private double precision(List<Long> ids, Map<Long, List<Long>> lists) {
        int right = 0;
        int asked = 0;
        for (long id : ids) {
            List<Long> picks = lists.get(id);
            asked += 3;
            right += (int) picks.stream().filter(p -> storyOf.get(p).equals(storyOf.get(id))).count();
        }
        return (double) right / asked;
    }

    private String report(List<Long> ids, Map<Long, List<Long>> lists) {
        StringBuilder out = new StringBuilder();
        for (long id : ids) {
            out.append(id).append(' ').append(storyOf.get(id)).append(" → ");
            lists.get(id).forEach(p -> out.append(p).append(' ').append(storyOf.get(p)).append(", "));
            out.append('\n');
        }
        return out.toString();
    }

    private List<Long> related(long id) {
        JsonNode article = TestServer.parse(server.get("/api/articles/" + id).body());
        List<Long> picks = new ArrayList<>();
        article.get("related").forEach(r -> picks.add(r.get("id").asLong()));
        return picks;
    }
}
