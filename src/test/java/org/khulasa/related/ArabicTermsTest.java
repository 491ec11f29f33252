package org.khulasa.related;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ArabicTermsTest {

    @Test
    void spelling_variants_of_one_word_give_one_term() {
        List<String> expected = List.of("مباراه");
        assertEquals(expected, ArabicTerms.of("المباراة"));
        assertEquals(expected, ArabicTerms.of("المباراه"));
        assertEquals(expected, ArabicTerms.of("الْمُبَارَاةُ"));
        assertEquals(expected, ArabicTerms.of("المبـــاراة"));
        assertEquals(expected, ArabicTerms.of("مباراة"));
    }

    @Test
    void definite_article_and_its_combinations_are_stripped() {
        for (String word : List.of("النفط", "والنفط", "بالنفط", "فالنفط", "كالنفط", "وبالنفط")) {
            assertEquals(List.of("نفط"), ArabicTerms.of(word), word);
        }
        assertEquals(List.of("مدرسه"), ArabicTerms.of("للمدرسة"));
    }

    @Test
    void short_words_keep_their_letters() {
        // Stripping ال here would leave a single letter.
        assertEquals(List.of("اله"), ArabicTerms.of("آلة"));
        // ف ب ك ل alone are never taken for prefixes.
        assertEquals(List.of("فريق", "بترول", "لبنان", "كتاب"), ArabicTerms.of("فريق بترول لبنان كتاب"));
    }

    @Test
    void a_leading_waw_gives_the_word_and_the_word_without_it() {
        assertEquals(List.of("وزاره", "زاره"), ArabicTerms.of("الوزارة"));
        assertEquals(List.of("وزاره", "زاره"), ArabicTerms.of("وزارة"));
        assertTrue(ArabicTerms.of("ووزارة").contains("وزاره"));
        // Three letters is too short to guess: ولد stays whole.
        assertEquals(List.of("ولد"), ArabicTerms.of("ولد"));
    }

    @Test
    void stop_words_are_dropped_with_or_without_a_conjunction() {
        assertEquals(List.of("حكومه", "قرار"), ArabicTerms.of("وفي هذا قالت الحكومة إنها على القرار"));
        assertEquals(List.of(), ArabicTerms.of("والتي وفي فلا وقد الذي إلى"));
    }

    @Test
    void eastern_and_western_digits_give_one_term() {
        assertEquals(ArabicTerms.of("عام 2026 سعر 85"), ArabicTerms.of("عام ٢٠٢٦ سعر ٨٥"));
    }

    @Test
    void punctuation_and_invisible_marks_split_nothing_inside_a_word() {
        assertEquals(List.of("وزير", "زير", "خارجيه"), ArabicTerms.of("«الو\u200Cزير»، الخارجيّة!"));
    }
}
