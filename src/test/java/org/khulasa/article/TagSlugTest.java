package org.khulasa.article;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TagSlugTest {
    @Test
    void arabic_names_are_transliterated_letter_for_letter_into_a_valid_slug() {
        assertEquals("kra-alqdm", TagSlug.of("كرة القدم"));
        assertEquals("dmshq", TagSlug.of("دمشق"));
        assertEquals("alshhba", TagSlug.of("الشهباء"));
        assertEquals("aljyl-alkhams-5g", TagSlug.of("الجيل الخامس 5G"));
        assertEquals("opec", TagSlug.of("OPEC+"));
        assertEquals("kas-2026", TagSlug.of("كأس ٢٠٢٦"));
    }

    @Test
    void harakat_and_tatweel_leave_no_trace_and_nothing_left_gives_tag() {
        assertEquals(TagSlug.of("المباراة"), TagSlug.of("الْمُبَارَاةُ"));
        assertEquals(TagSlug.of("الساحل"), TagSlug.of("الســـاحل"));
        assertEquals("tag", TagSlug.of("«»!؟"));
        String longSlug = TagSlug.of("كلمة ".repeat(40));
        assertTrue(Slug.isValid(longSlug) && longSlug.length() <= TagSlug.MAX, longSlug);
    }

    @Test
    void letters_of_persian_and_of_foreign_names_are_spelled_not_dropped() {
        assertEquals("vyyna", TagSlug.of("ڤيينا"));
        assertEquals("ktab-farsy", TagSlug.of("کتاب فارسی"));
    }
}
