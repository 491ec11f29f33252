package org.khulasa.wordpress;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Locale;
import org.khulasa.article.ArabicLetters;
import org.khulasa.article.ArabicLetters.Kind;
import org.khulasa.article.ArabicLetters.Letter;

/**
 * A readable ASCII slug for a WordPress slug, which is often percent-encoded Arabic
 * ({@code %d9%85%d8%ad%d9%84%d9%8a%d8%a7%d8%aa} → محليات → {@code mahaliyat}). Arabic script leaves
 * most short vowels unwritten, so a plain letter-for-letter transliteration is unreadable
 * ({@code mhlyat}): an {@code a} is put between two consonants that would otherwise meet, and
 * {@code و}/{@code ي} between consonants read as the vowels {@code u}/{@code i}. Consonants are
 * spelled by {@link ArabicLetters}, the table tags' slugs are spelled with; the vowels read in
 * are this class's own.
 */
public final class ArabicSlug {
    private static final int MAX = 64;

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
        for (String word : text.split("[^\\p{L}\\p{N}\\p{M}]+")) { // harakat belong to their word
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
        String w = unmarked(word);
        if (w.startsWith("ال") && w.length() > 3) {
            out.append("al-");
            w = w.substring(2);
        }
        boolean lastConsonant = false;
        for (int i = 0; i < w.length(); i++) {
            char c = w.charAt(i);
            Letter letter = ArabicLetters.of(c);
            Kind kind = letter == null ? null : letter.kind();
            boolean nextIsVowel = i + 1 < w.length() && isVowel(ArabicLetters.of(w.charAt(i + 1)));
            boolean consonant = kind == Kind.CONSONANT;
            String latin;
            if (kind == Kind.VOWEL) {
                latin = i == 0 && c == 'إ' ? "i" : "a";
            } else if (kind == Kind.WEAK) {
                boolean waw = letter.latin().equals("w");
                boolean vowel = lastConsonant && !nextIsVowel && i + 1 < w.length();
                latin = vowel ? (waw ? "u" : "i") : letter.latin();
                consonant = !vowel;
                if (consonant && lastConsonant) {
                    latin = (waw ? "a" : "i") + latin;
                }
            } else if (kind == Kind.HAMZA) {
                latin = ""; // a glottal stop is not written
            } else if (letter != null) {
                latin = consonant && lastConsonant && !letter.latin().isEmpty() ? "a" + letter.latin() : letter.latin();
            } else {
                latin = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD).replaceAll("[^a-z0-9]", "");
            }
            out.append(latin);
            if (!latin.isEmpty()) {
                lastConsonant = consonant;
            }
        }
        return out.toString().replaceAll("-$", "");
    }

    private static boolean isVowel(Letter letter) {
        return letter != null && (letter.kind() == Kind.VOWEL || letter.kind() == Kind.WEAK);
    }

    private static String unmarked(String word) {
        StringBuilder out = new StringBuilder(word.length());
        for (int i = 0; i < word.length(); i++) {
            if (!ArabicLetters.isMark(word.charAt(i))) {
                out.append(word.charAt(i));
            }
        }
        return out.toString();
    }
}
