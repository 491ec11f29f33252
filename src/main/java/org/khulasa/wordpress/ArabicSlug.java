package org.khulasa.wordpress;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;

/**
 * A readable ASCII slug for a WordPress slug, which is often percent-encoded Arabic
 * ({@code %d9%85%d8%ad%d9%84%d9%8a%d8%a7%d8%aa} → محليات → {@code mahalyat}). Arabic script leaves
 * most short vowels unwritten, so a plain letter-for-letter transliteration is unreadable
 * ({@code mhlyat}): an {@code a} is put between two consonants that would otherwise meet, and
 * {@code و}/{@code ي} between consonants read as the vowels {@code u}/{@code i}.
 */
public final class ArabicSlug {
    private static final int MAX = 64;

    /** Consonants by letter; vowels and the letters that may be either are handled apart. */
    private static final Map<Character, String> CONSONANTS = Map.ofEntries(
            Map.entry('ب', "b"), Map.entry('ت', "t"), Map.entry('ث', "th"), Map.entry('ج', "j"), Map.entry('ح', "h"),
            Map.entry('خ', "kh"), Map.entry('د', "d"), Map.entry('ذ', "dh"), Map.entry('ر', "r"), Map.entry('ز', "z"),
            Map.entry('س', "s"), Map.entry('ش', "sh"), Map.entry('ص', "s"), Map.entry('ض', "d"), Map.entry('ط', "t"),
            Map.entry('ظ', "z"), Map.entry('ع', ""), Map.entry('غ', "gh"), Map.entry('ف', "f"), Map.entry('ق', "q"),
            Map.entry('ك', "k"), Map.entry('ل', "l"), Map.entry('م', "m"), Map.entry('ن', "n"), Map.entry('ه', "h"),
            Map.entry('ء', ""), Map.entry('ئ', ""), Map.entry('ؤ', ""), Map.entry('پ', "p"), Map.entry('چ', "ch"),
            Map.entry('ڤ', "v"), Map.entry('گ', "g"));

    private ArabicSlug() {
    }

    /** WordPress's slug decoded: {@code %d9%85…} → محليات (upper or lower case hex alike). */
    public static String decode(String wordpressSlug) {
        if (wordpressSlug == null) {
            return "";
        }
        try {
            return URLDecoder.decode(wordpressSlug.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return wordpressSlug; // a stray % that is not an escape: keep the text as it is
        }
    }

    /** Lowercase ASCII letters, digits and single hyphens, at most 64 characters; "" when nothing is left. */
    public static String of(String wordpressSlug) {
        String text = Normalizer.normalize(decode(wordpressSlug), Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder();
        for (String word : text.split("[^\\p{L}\\p{N}]+")) {
            String w = word(word);
            if (!w.isEmpty()) {
                if (out.length() > 0) {
                    out.append('-');
                }
                out.append(w);
            }
        }
        String slug = out.toString().replaceAll("-+", "-");
        if (slug.length() > MAX) {
            slug = slug.substring(0, MAX);
            int cut = slug.lastIndexOf('-');
            slug = cut > MAX / 2 ? slug.substring(0, cut) : slug;
        }
        return slug.replaceAll("^-|-$", "");
    }

    private static String word(String word) {
        StringBuilder out = new StringBuilder();
        String w = word.replaceAll("[\\u064B-\\u065F\\u0670\\u0640]", ""); // harakat, tatweel
        if (w.startsWith("ال") && w.length() > 3) {
            out.append("al-");
            w = w.substring(2);
        }
        boolean lastConsonant = false;
        for (int i = 0; i < w.length(); i++) {
            char c = w.charAt(i);
            boolean nextIsVowel = i + 1 < w.length() && "اأإآىةوي".indexOf(w.charAt(i + 1)) >= 0;
            String latin;
            boolean consonant;
            if ("اأإآى".indexOf(c) >= 0) {
                latin = i == 0 && c == 'إ' ? "i" : "a";
                consonant = false;
            } else if (c == 'ة') {
                latin = "a";
                consonant = false;
            } else if (c == 'و' || c == 'ي') {
                boolean vowel = lastConsonant && !nextIsVowel && i + 1 < w.length();
                latin = vowel ? (c == 'و' ? "u" : "i") : (c == 'و' ? "w" : "y");
                consonant = !vowel;
                if (consonant && lastConsonant) {
                    latin = (c == 'ي' ? "i" : "a") + latin;
                }
            } else if (CONSONANTS.containsKey(c)) {
                latin = CONSONANTS.get(c);
                consonant = true;
                if (lastConsonant && !latin.isEmpty()) {
                    latin = "a" + latin;
                }
            } else if (c >= '٠' && c <= '٩') {
                latin = String.valueOf((char) ('0' + (c - '٠')));
                consonant = false;
            } else if (c >= '۰' && c <= '۹') {
                latin = String.valueOf((char) ('0' + (c - '۰')));
                consonant = false;
            } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                latin = String.valueOf(c);
                consonant = false;
            } else {
                String ascii = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD).replaceAll("[^a-z0-9]", "");
                latin = ascii;
                consonant = false;
            }
            out.append(latin);
            if (!latin.isEmpty()) {
                lastConsonant = consonant;
            }
        }
        return out.toString().replaceAll("-$", "");
    }
}
