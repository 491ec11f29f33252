package org.khulasa.related;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The normaliser skips NFKC for plain text; whatever the text, it must fold exactly as NFKC,
 * dropping, folding and lower-casing everything would (written out here as the reference).
 */
class ArabicNormalizerPathsTest {

    /** Chars of plain news text. */
    private static final String PLAIN = "ابتثجحخدذرزسشصضطظعغفقكلمنهويءآأؤإئةى"
            + "ـ٠١٢٣٤٥٦٧٨٩،؛؟«»–—‘’“” \n\t.,:;!?-()0123456789AZaz\u00A0"
            + "\u064B\u064C\u064E\u0650\u0651\u0652\u0656\u065F\u0670";
    /** With the chars around them that NFKC, folding or lower-casing change. */
    private static final String ALPHABET = PLAIN
            + "\u0653\u0654\u0655\u0671\u06CC\u06A9\u06F1"
            + "\u200B\u200C\u200D\u200F\u061C\u202B\u2067\u00AD\uFEFF\uFEFB\uFE8D\uFDF2\u2026\u0130\u03A3"
            + "\uFF21\u00C9\u0301\u1E9E\u2460";

    @Test
    void any_text_folds_as_nfkc_then_folding_would() {
        Random random = new Random(20261202);
        for (int n = 0; n < 20_000; n++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(40);
            // Half the texts plain only, half anything.
            int from = random.nextBoolean() ? PLAIN.length() : ALPHABET.length();
            for (int i = 0; i < length; i++) {
                text.append(ALPHABET.charAt(random.nextInt(from)));
            }
            assertEquals(reference(text.toString()), ArabicNormalizer.normalize(text.toString()), text::toString);
        }
    }

    @Test
    void news_text_folds_as_before() {
        String news = "أعلنت وزارة الـمالية، يوم الأحد ٢٠٢٦، عن «خطة» جديدة\u00A0للنقل — S-400 و‘الطاقة’ أيضاً؟";
        assertEquals(reference(news), ArabicNormalizer.normalize(news));
    }

    private static String reference(String text) {
        String nfkc = Normalizer.normalize(text, Normalizer.Form.NFKC);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < nfkc.length(); i++) {
            char c = nfkc.charAt(i);
            boolean dropped = (c >= 0x064B && c <= 0x065F) || c == 0x0670 || c == 0x0640
                    || (c >= 0x06D6 && c <= 0x06ED && c != 0x06DE && c != 0x06E9)
                    || (c >= 0x200B && c <= 0x200F) || c == 0x061C || (c >= 0x202A && c <= 0x202E)
                    || (c >= 0x2066 && c <= 0x2069) || c == 0x00AD || c == 0xFEFF;
            if (dropped) {
                continue;
            }
            char folded = switch (c) {
                case '\u0623', '\u0625', '\u0622', '\u0671' -> '\u0627';
                case '\u0649', '\u06CC' -> '\u064A';
                case '\u0629' -> '\u0647';
                case '\u06A9' -> '\u0643';
                default -> c >= 0x0660 && c <= 0x0669 ? (char) ('0' + c - 0x0660)
                        : c >= 0x06F0 && c <= 0x06F9 ? (char) ('0' + c - 0x06F0) : c;
            };
            out.append(folded);
        }
        return out.toString().toLowerCase(Locale.ROOT);
    }
}
