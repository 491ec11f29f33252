package org.khulasa.article;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;

/**
 * A readable ASCII slug for a tag's URL, transliterated from its Arabic name: «كرة القدم» →
 * {@code kra-alqdm}, spelled by a simple letter-for-letter table (short vowels are not written in
 * Arabic, so none are guessed); Latin letters and digits are kept. Uniqueness is the store's.
 */
public final class TagSlug {
    private static final Map<Character, String> LETTERS = Map.ofEntries(
            Map.entry('ا', "a"), Map.entry('أ', "a"), Map.entry('إ', "i"), Map.entry('آ', "aa"), Map.entry('ٱ', "a"),
            Map.entry('ب', "b"), Map.entry('ت', "t"), Map.entry('ث', "th"), Map.entry('ج', "j"), Map.entry('ح', "h"),
            Map.entry('خ', "kh"), Map.entry('د', "d"), Map.entry('ذ', "dh"), Map.entry('ر', "r"), Map.entry('ز', "z"),
            Map.entry('س', "s"), Map.entry('ش', "sh"), Map.entry('ص', "s"), Map.entry('ض', "d"), Map.entry('ط', "t"),
            Map.entry('ظ', "z"), Map.entry('ع', ""), Map.entry('غ', "gh"), Map.entry('ف', "f"), Map.entry('ق', "q"),
            Map.entry('ك', "k"), Map.entry('ل', "l"), Map.entry('م', "m"), Map.entry('ن', "n"), Map.entry('ه', "h"),
            Map.entry('ة', "a"), Map.entry('و', "w"), Map.entry('ؤ', "w"), Map.entry('ي', "y"), Map.entry('ى', "a"),
            Map.entry('ئ', "y"), Map.entry('ء', ""), Map.entry('پ', "p"), Map.entry('چ', "ch"), Map.entry('ژ', "zh"),
            Map.entry('ک', "k"), Map.entry('گ', "g"), Map.entry('ی', "y"));
    /** Room left for a "-2"-style suffix within {@link Slug}'s 64 characters. */
    static final int MAX = 56;

    private TagSlug() {
    }

    /** The slug a tag named {@code name} gets when no other tag has it yet; {@code tag} when nothing is left. */
    public static String of(String name) {
        String text = Normalizer.normalize(name, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String latin = LETTERS.get(c);
            if (latin != null) {
                out.append(latin);
            } else if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
                out.append(c);
            } else if (c >= '\u0660' && c <= '\u0669' || c >= '\u06F0' && c <= '\u06F9') {
                out.append((char) ('0' + (c & 0xF)));
            } else if (Character.getType(c) != Character.NON_SPACING_MARK && c != 'ـ') {
                out.append('-'); // spaces, punctuation, anything else: a word break
            }
        }
        String slug = out.toString().replaceAll("-+", "-").replaceAll("^-|-$", "");
        if (slug.length() > MAX) {
            slug = slug.substring(0, MAX).replaceAll("-$", "");
        }
        return slug.isEmpty() ? "tag" : slug;
    }
}
