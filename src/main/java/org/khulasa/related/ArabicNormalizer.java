package org.khulasa.related;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Folds what Arabic writers vary into one spelling, for matching only (stored text is never
 * touched): NFKC; harakat, dagger alef, tatweel and invisible marks dropped; أ إ آ ٱ → ا,
 * ى → ي, ة → ه; Arabic-Indic and Persian digits → ASCII; Latin lower-cased.
 */
public final class ArabicNormalizer {

    private ArabicNormalizer() {
    }

    public static String normalize(String text) {
        return isPlain(text) ? foldPlain(text) : foldAny(text);
    }

    /**
     * Whether every char of {@code text} is ASCII, a letter, haraka, digit or punctuation mark of
     * basic Arabic, a no-break space, or a common quotation mark or dash: NFKC changes none of
     * them but the no-break space, and only ASCII among them has a case. NFKC may reorder harakat
     * among themselves, which does not matter as they are dropped; it joins a mark to a letter
     * only for maddah and hamza above or below, which are not plain. News text nearly always is
     * plain; it skips the costlier general path, with the same result.
     */
    private static boolean isPlain(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean plain = c < 0x80
                    || (c >= 0x0621 && c <= 0x0652)   // hamza … yeh, tatweel, harakat … sukun
                    || (c >= 0x0656 && c <= 0x065F)   // more marks; not maddah and hamza above or below, which compose
                    || c == 0x0670                    // dagger alef
                    || (c >= 0x0660 && c <= 0x0669)   // Arabic-Indic digits
                    || c == 0x060C || c == 0x061B || c == 0x061F // ، ؛ ؟
                    || c == 0x00A0                    // no-break space: NFKC's only change here, to a space
                    || c == 0x00AB || c == 0x00BB     // « »
                    || (c >= 0x2013 && c <= 0x2014)   // – —
                    || (c >= 0x2018 && c <= 0x201D);  // ‘ ’ ‚ ‛ “ ”
            if (!plain) {
                return false;
            }
        }
        return true;
    }

    /** As {@link #foldAny}, for text {@link #isPlain} accepts: NFKC and lower-casing beyond ASCII change nothing there. */
    private static String foldPlain(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                out.append((char) (c + ('a' - 'A')));
            } else if (c == 0x00A0) {
                out.append(' ');
            } else if (!isDropped(c)) {
                out.append((char) fold(c));
            }
        }
        return out.toString();
    }

    private static String foldAny(String text) {
        String nfkc = Normalizer.normalize(text, Normalizer.Form.NFKC);
        StringBuilder out = new StringBuilder(nfkc.length());
        // Char by char: every mark dropped or letter folded lies in the BMP, so the halves of a
        // surrogate pair are neither and pass through as they are.
        for (int i = 0; i < nfkc.length(); i++) {
            char c = nfkc.charAt(i);
            if (!isDropped(c)) {
                out.append((char) fold(c));
            }
        }
        return out.toString().toLowerCase(Locale.ROOT);
    }

    private static boolean isDropped(int c) {
        return (c >= 0x064B && c <= 0x065F) // harakat: fathatan … wavy hamza below
                || c == 0x0670              // superscript (dagger) alef
                || c == 0x0640              // tatweel
                || (c >= 0x06D6 && c <= 0x06ED && c != 0x06DE && c != 0x06E9) // Quranic marks
                || (c >= 0x200B && c <= 0x200F) // ZWSP, ZWNJ, ZWJ, LRM, RLM
                || c == 0x061C              // Arabic letter mark
                || (c >= 0x202A && c <= 0x202E) // bidi embeddings and overrides
                || (c >= 0x2066 && c <= 0x2069) // bidi isolates
                || c == 0x00AD              // soft hyphen
                || c == 0xFEFF;             // BOM, zero-width no-break space
    }

    private static int fold(int c) {
        switch (c) {
            case 0x0623, 0x0625, 0x0622, 0x0671: // أ إ آ ٱ
                return 0x0627;                   // ا
            case 0x0649:                         // ى
            case 0x06CC:                         // Persian yeh ی
                return 0x064A;                   // ي
            case 0x0629:                         // ة
                return 0x0647;                   // ه
            case 0x06A9:                         // Persian keheh ک
                return 0x0643;                   // ك
            default:
                break;
        }
        if (c >= 0x0660 && c <= 0x0669) {         // ٠ … ٩
            return '0' + (c - 0x0660);
        }
        if (c >= 0x06F0 && c <= 0x06F9) {         // ۰ … ۹
            return '0' + (c - 0x06F0);
        }
        return c;
    }
}
