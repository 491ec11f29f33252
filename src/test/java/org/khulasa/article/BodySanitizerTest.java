package org.khulasa.article;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** What the sanitizer keeps, and when a body still shows something. */
class BodySanitizerTest {

    @Test
    void a_body_of_spaces_and_invisible_marks_shows_nothing_however_it_is_nested() {
        assertFalse(BodySanitizer.clean("<p> \u200F </p><p><b>\u2067\u2069</b>\n<i>\u200B</i></p><script>alert(1)</script>").hasContent());
        assertFalse(BodySanitizer.clean("<img src=\"javascript:alert(1)\"><p>&nbsp;</p>").hasContent());
    }

    @Test
    void one_visible_character_anywhere_or_an_image_is_content() {
        assertTrue(BodySanitizer.clean("<p> \u200F </p><p><b> </b><i>\u200Bأ</i></p>").hasContent());
        assertTrue(BodySanitizer.clean("<ul><li> </li><li><em>٣</em></li></ul>").hasContent());
        assertTrue(BodySanitizer.clean("<p> </p><img src=\"https://x.test/a.jpg\" alt=\"\">").hasContent());
    }

    @Test
    void bidi_controls_are_closed_within_their_text_and_depth_is_measured() {
        BodySanitizer.Clean clean = BodySanitizer.clean("<p>\u202Bنص<b>عريض</b></p><blockquote><p><em>عمق</em></p></blockquote>");
        assertEquals("<p>\u202Bنص\u202C<b>عريض</b></p><blockquote><p><em>عمق</em></p></blockquote>", clean.html());
        assertEquals(3, clean.depth());
        assertTrue(clean.hasContent());
    }
}
