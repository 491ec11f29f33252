package org.khulasa.related;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits text into the terms that related-article matching compares: normalised words, stop
 * words dropped, attached prefixes stripped.
 *
 * <p>The definite article and its combinations (ال وال فال بال كال لل ولل فلل وبال وكال فبال) are
 * stripped when two letters or more remain. A bare و is ambiguous (وزير is a word, ووزير is "and a
 * minister"), so a word of four letters or more starting with و yields both itself and the rest:
 * الوزارة, وزارة and ووزارة then share a term whichever way the writer spelled it. The single
 * letters ف ب ك ل are never stripped alone: too many words begin with them (فريق، بترول، لبنان).
 */
public final class ArabicTerms {

    private static final String[] ARTICLE_PREFIXES = {
        "وبال", "وكال", "فبال", "وال", "فال", "بال", "كال", "ولل", "فلل", "لل", "ال",
    };

    private ArabicTerms() {
    }

    /** The terms of {@code text}, in order, repeated as often as they occur. */
    public static List<String> of(String text) {
        List<String> terms = new ArrayList<>();
        words(text).forEach(terms::addAll);
        return terms;
    }

    /**
     * The terms of {@code text} word by word, in order: each word's terms (one, or two for a word
     * that may start with the conjunction و), stop words left out. A search asks for every word,
     * and for each word for any of its terms.
     */
    public static List<List<String>> words(String text) {
        List<List<String>> words = new ArrayList<>();
        String normalized = ArabicNormalizer.normalize(text);
        int start = -1;
        for (int i = 0; i <= normalized.length(); i++) {
            boolean wordChar = i < normalized.length() && isWordChar(normalized.charAt(i));
            if (wordChar && start < 0) {
                start = i;
            } else if (!wordChar && start >= 0) {
                List<String> terms = new ArrayList<>(2);
                addWord(normalized.substring(start, i), terms);
                if (!terms.isEmpty()) {
                    words.add(terms);
                }
                start = -1;
            }
        }
        return words;
    }

    /** {@link Character#isLetterOrDigit}, answered without its tables for Arabic letters and ASCII. */
    private static boolean isWordChar(char c) {
        if (c >= 0x0621 && c <= 0x064A) {
            return true;
        }
        if (c < 0x80) {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
        }
        return Character.isLetterOrDigit(c);
    }

    private static void addWord(String word, List<String> terms) {
        if (word.length() < 2 || ArabicStopWords.contains(word)) {
            return;
        }
        if ((word.charAt(0) == 'و' || word.charAt(0) == 'ف') && ArabicStopWords.contains(word.substring(1))) {
            return; // وفي، فلا، وهذا …
        }
        String stem = stripArticle(word);
        if (stem.length() < 2 || ArabicStopWords.contains(stem)) {
            return;
        }
        terms.add(stem);
        if (stem.charAt(0) == 'و' && stem.length() >= 4) {
            String rest = stem.substring(1);
            if (!ArabicStopWords.contains(rest)) {
                terms.add(rest);
            }
        }
    }

    static String stripArticle(String word) {
        char first = word.isEmpty() ? 0 : word.charAt(0);
        // Every prefix starts with one of these: most words are passed over at once.
        if (first != 'ا' && first != 'ل' && first != 'و' && first != 'ف' && first != 'ب' && first != 'ك') {
            return word;
        }
        for (String prefix : ARTICLE_PREFIXES) {
            if (word.startsWith(prefix) && word.length() - prefix.length() >= 2) {
                return word.substring(prefix.length());
            }
        }
        return word;
    }
}
