package org.khulasa.related;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CandidateScoresTest {

    @Test
    void addsUpLikeAMapWellPastItsFirstRoom() {
        assertAddsUpLikeAMap(new CandidateScores(8), new Random(20261202));
    }

    @Test
    void clearedItStartsAgainFromNothing() {
        CandidateScores scores = new CandidateScores(8);
        Random random = new Random(7);
        assertAddsUpLikeAMap(scores, random);
        scores.clear();
        assertEquals(0, scores.size());
        scores.forEach((id, score, shared) -> {
            throw new AssertionError("candidate " + id + " left after clear");
        });
        // The grown room is used again, with nothing of the last article's scores in it.
        assertAddsUpLikeAMap(scores, random);
    }

    private static void assertAddsUpLikeAMap(CandidateScores scores, Random random) {
        Map<Long, double[]> expected = new HashMap<>();
        for (int i = 0; i < 20_000; i++) {
            // Few distinct ids at first, then many: the table must grow and keep what it held.
            long id = 1 + random.nextInt(i < 1_000 ? 50 : 5_000);
            double weight = random.nextDouble();
            scores.add(id, weight);
            double[] e = expected.computeIfAbsent(id, k -> new double[2]);
            e[0] += weight;
            e[1]++;
        }
        Map<Long, double[]> seen = new HashMap<>();
        scores.forEach((id, score, shared) -> seen.put(id, new double[] {score, shared}));
        assertEquals(expected.keySet(), seen.keySet());
        expected.forEach((id, e) -> {
            assertEquals(e[0], seen.get(id)[0], 0.0, "score of " + id);
            assertEquals(e[1], seen.get(id)[1], 0.0, "shared terms of " + id);
        });
    }

    @Test
    void refusesIdsNoArticleHas() {
        CandidateScores scores = new CandidateScores(10);
        assertThrows(IllegalArgumentException.class, () -> scores.add(0, 1.0));
        assertThrows(IllegalArgumentException.class, () -> scores.add(-3, 1.0));
    }
}
