package org.khulasa.article;

import java.text.Normalizer;
import java.util.Locale;

/**
 * A readable ASCII slug for a tag's URL, transliterated from its Arabic name: «كرة القدم» →
 * {@code kra-alqdm}, spelled letter for letter by {@link ArabicLetters} (short vowels are not
 * written in Arabic, so none are guessed); Latin letters and digits are kept. Uniqueness is the store's.
 */
public final class TagSlug {
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
            ArabicLetters.Letter letter = ArabicLetters.of(c);
            if (letter != null) {
                out.append(letter.latin());
            } else if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
                out.append(c);
            } else if (!ArabicLetters.isMark(c)) {
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
