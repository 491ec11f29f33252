package org.khulasa.related;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ArabicNormalizerTest {

    @Test
    void harakat_shadda_sukun_and_dagger_alef_are_dropped() {
        assertEquals("مدرب", ArabicNormalizer.normalize("مُدَرِّبُ"));
        assertEquals("كتابا", ArabicNormalizer.normalize("كِتَابًا"));
        assertEquals("هذا", ArabicNormalizer.normalize("هٰذا"));
    }

    @Test
    void tatweel_is_dropped() {
        assertEquals("النفط", ArabicNormalizer.normalize("الـنـفــط"));
    }

    @Test
    void hamza_forms_of_alef_become_bare_alef() {
        assertEquals("احمد ابراهيم الان اصل", ArabicNormalizer.normalize("أحمد إبراهيم الآن ٱصل"));
    }

    @Test
    void alef_maqsura_becomes_ya_and_ta_marbuta_becomes_ha() {
        assertEquals("مستشفي", ArabicNormalizer.normalize("مستشفى"));
        assertEquals("المباراه", ArabicNormalizer.normalize("المباراة"));
    }

    @Test
    void arabic_indic_and_persian_digits_become_ascii() {
        assertEquals("2026", ArabicNormalizer.normalize("٢٠٢٦"));
        assertEquals("1405", ArabicNormalizer.normalize("۱۴۰۵"));
    }

    @Test
    void invisible_marks_are_dropped() {
        String marked = "\uFEFF\u200Fنفط\u200C\u200D\u061C\u200E\u200B\u2067خام\u2069";
        assertEquals("نفطخام", ArabicNormalizer.normalize(marked));
    }

    @Test
    void presentation_forms_are_unfolded_by_nfkc() {
        // U+FEFB is the lam-alef ligature; U+FE8D is an isolated alef.
        assertEquals("لا", ArabicNormalizer.normalize("\uFEFB"));
        assertEquals("ا", ArabicNormalizer.normalize("\uFE8D"));
    }

    @Test
    void persian_letter_forms_fold_to_arabic() {
        assertEquals("كي", ArabicNormalizer.normalize("کی"));
    }

    @Test
    void latin_is_lower_cased_and_the_rest_kept() {
        assertEquals("s-400 منظومة".replace("ة", "ه"), ArabicNormalizer.normalize("S-400 منظومة"));
    }
}
