package org.khulasa.bench;

import java.util.Random;

/**
 * Deterministic synthetic Arabic news: article {@code i} always gets the same story, words and
 * spelling, so a benchmark can tell afterwards whether a pick came from the same story.
 *
 * <p>Words follow Zipf's law over a 50,000-word vocabulary, a third of the running text is stop
 * words, and each story has six words of its own (names, places) drawn from two million. The
 * article's story is one of the ~40 latest stories of the news cycle, so stories of about eight
 * articles are spread over a few hundred articles, as in a real newsroom. Words get the definite
 * article, a conjunction, a diacritic or a tatweel now and then.
 */
final class SyntheticArabic {
    static final int ARTICLES_PER_STORY = 8;
    static final String[] CATEGORIES = {"politics", "economy", "sports", "world", "local", "health",
        "technology", "culture", "science", "opinion"};
    private static final String LETTERS = "ابتثجحخدذرزسشصضطظعغفقكلمنهويءةى";
    private static final String[] STOP = {"في", "من", "على", "إلى", "أن", "عن", "مع", "هذا", "التي", "الذي",
        "كان", "قد", "بعد", "قبل", "خلال", "بين", "وقال", "أكد", "حيث", "كما"};
    private static final int VOCABULARY = 50_000;
    private static final int STORY_WORDS = 6;

    private final String[] vocabulary = new String[VOCABULARY];
    private final double[] cumulative = new double[VOCABULARY];

    SyntheticArabic() {
        double sum = 0;
        for (int r = 0; r < VOCABULARY; r++) {
            vocabulary[r] = word(new Random(0x5EED_0000L + r), 3, 6);
            sum += 1.0 / Math.pow(r + 1, 1.05);
            cumulative[r] = sum;
        }
        for (int r = 0; r < VOCABULARY; r++) {
            cumulative[r] /= sum;
        }
    }

    static long storyOf(long article) {
        long latest = article / ARTICLES_PER_STORY;
        return Math.max(0, latest - new Random(article * 31 + 7).nextInt(40));
    }

    static String categoryOf(long story) {
        return CATEGORIES[(int) Math.floorMod(story * 2654435761L, CATEGORIES.length)];
    }

    record Text(String title, String body, String category, String[] tags) {
    }

    Text article(long id) {
        long story = storyOf(id);
        Random rnd = new Random(id * 1_000_003L + 11);
        String[] storyWords = new String[STORY_WORDS];
        Random storyRnd = new Random(story * 7_919L + 3);
        for (int i = 0; i < STORY_WORDS; i++) {
            storyWords[i] = word(new Random(storyRnd.nextInt(2_000_000) + 0x7A11_0000L), 4, 8);
        }
        StringBuilder title = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            title.append(i > 0 ? " " : "").append(vary(rnd.nextInt(8) < 3 ? storyWords[rnd.nextInt(STORY_WORDS)]
                    : running(rnd), rnd));
        }
        StringBuilder body = new StringBuilder("<p>");
        for (int i = 0; i < 150; i++) {
            if (i > 0 && i % 50 == 0) {
                body.append("</p><p>");
            } else if (i > 0) {
                body.append(' ');
            }
            int dice = rnd.nextInt(100);
            String w = dice < 8 ? storyWords[rnd.nextInt(STORY_WORDS)] : dice < 40 ? STOP[rnd.nextInt(STOP.length)]
                    : running(rnd);
            body.append(vary(w, rnd));
        }
        body.append(".</p>");
        String[] tags = {vocabulary[(int) (story % 500)], storyWords[0]};
        return new Text(title.toString(), body.toString(), categoryOf(story), tags);
    }

    private String running(Random rnd) {
        int r = java.util.Arrays.binarySearch(cumulative, rnd.nextDouble());
        return vocabulary[Math.min(VOCABULARY - 1, r < 0 ? -r - 1 : r)];
    }

    private static String vary(String w, Random rnd) {
        int dice = rnd.nextInt(100);
        String v = dice < 30 ? "ال" + w : dice < 38 ? "و" + w : dice < 42 ? "وال" + w : dice < 45 ? "بال" + w : w;
        dice = rnd.nextInt(100);
        if (dice < 5 && v.length() > 2) {
            return v.substring(0, 2) + "\u064E" + v.substring(2); // fatha
        }
        if (dice < 7 && v.length() > 2) {
            return v.substring(0, 2) + "\u0640" + v.substring(2); // tatweel
        }
        return v;
    }

    private static String word(Random rnd, int min, int max) {
        int length = min + rnd.nextInt(max - min + 1);
        StringBuilder w = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            // No ة, ى or ء inside a word; ا not first (it would read as the article).
            String pool = i == length - 1 ? LETTERS : LETTERS.substring(0, 28);
            char c = pool.charAt(rnd.nextInt(pool.length()));
            if (i == 0 && (c == 'ا' || c == 'و')) {
                c = 'م';
            }
            w.append(c);
        }
        return w.toString();
    }
}
