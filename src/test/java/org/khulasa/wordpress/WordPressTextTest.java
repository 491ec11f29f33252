package org.khulasa.wordpress;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** WordPress's display rules and the slugs given to Arabic WordPress slugs. */
class WordPressTextTest {

    @Test
    void blank_lines_make_paragraphs_and_single_newlines_breaks() {
        assertEquals("<p>أ<br>\nب</p>\n<p>ج</p>\n", WordPressText.shown("أ\nب\n\n\nج").html());
    }

    @Test
    void block_comments_go_and_blocks_stay_whole() {
        assertEquals("<p>نص</p>\n<ul>\n<li>واحد</li>\n</ul>\n",
                WordPressText.shown("<!-- wp:paragraph -->\n<p>نص</p>\n<!-- /wp:paragraph -->\n<!-- wp:list --><ul>\n<li>واحد</li>\n</ul><!-- /wp:list -->").html());
    }

    @Test
    void text_with_inline_tags_is_a_paragraph_and_blocks_beside_it_stand_alone() {
        assertEquals("<p><strong>عاجل</strong> نص<br>\nسطر</p>\n<blockquote> قول\n</blockquote>\n<p>بعد</p>\n",
                WordPressText.shown("<strong>عاجل</strong> نص\nسطر<blockquote> قول\n</blockquote>بعد").html());
    }

    @Test
    void shortcodes_become_what_wordpress_shows_or_nothing() {
        assertEquals("<figure><img src=\"https://x.test/a.jpg\" alt=\"\">\n<figcaption>الوصف</figcaption>\n</figure>\n",
                WordPressText.shown("[caption id=\"a\" width=\"300\"]<a href=\"https://x.test/\"><img src=\"https://x.test/a.jpg\" alt=\"\"></a> الوصف[/caption]").html()
                        .replace("<a href=\"https://x.test/\" rel=\"nofollow noopener\">", "").replace("</a>", ""));
        assertEquals("<p>قبل</p>\n<p>بعد</p>\n", WordPressText.shown("قبل\n\n[gallery ids=\"1,2\"]\n\n[poll id=\"3\"]سؤال[/poll]بعد").html());
        assertEquals("<p>[not a shortcode]</p>\n", WordPressText.shown("[[not a shortcode]]").html());
    }

    @Test
    void titles_lose_their_entities_and_tags() {
        assertEquals("صفقة “الدفاع” & <ما>", WordPressText.plain("صفقة &#8220;الدفاع&#8221; &amp; &lt;ما&gt;"));
    }

    @Test
    void arabic_slugs_are_transliterated_readably() {
        assertEquals("mahaliyat", ArabicSlug.of("%d9%85%d8%ad%d9%84%d9%8a%d8%a7%d8%aa"));
        assertEquals("mahaliyat", ArabicSlug.of("%D9%85%D8%AD%D9%84%D9%8A%D8%A7%D8%AA"));
        assertEquals("kara-al-qadam", ArabicSlug.of("%d9%83%d8%b1%d8%a9-%d8%a7%d9%84%d9%82%d8%af%d9%85"));
        assertEquals("al-hakuma", ArabicSlug.of("الحكومة"));
        assertEquals("s-400-2024", ArabicSlug.of("S-400 ٢٠٢٤"));
        assertEquals("nizar", ArabicSlug.of("nizar"));
        assertEquals("", ArabicSlug.of("%%%"));
    }

    @Test
    void harakat_and_tatweel_do_not_split_a_word_of_a_slug() {
        assertEquals("mahaliyat", ArabicSlug.of("مَحَلِّيَّات"));
        assertEquals("al-hakuma", ArabicSlug.of("الحُكُومَة"));
        assertEquals("kara-al-qadam", ArabicSlug.of("كُرَة القَدَم"));
        assertEquals(ArabicSlug.of("اقتصاد"), ArabicSlug.of("اقتصـــاد"));
    }

    @Test
    void arabic_slugs_spell_the_letters_tags_spell() {
        assertEquals("katab", ArabicSlug.of("کتاب"));
        assertEquals("zhun", ArabicSlug.of("ژوئن"));
        assertEquals("viyina", ArabicSlug.of("ڤيينا"));
    }
}
