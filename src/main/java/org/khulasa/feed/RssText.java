package org.khulasa.feed;

/**
 * Plain text for the RSS elements whose type RSS 2.0 leaves open ({@code <title>},
 * {@code <category>}, {@code <dc:creator>}, {@code <media:description>}, the channel's title).
 * Readers disagree: newsboat shows them as plain text; feedparser guesses, taking text with a
 * closing tag or an entity for HTML (it then sanitizes it, altering the text, and hands
 * {@code <category>} and {@code <dc:creator>} on unsanitized); web readers often insert them as
 * HTML. Escaping once more as HTML (what RSS {@code <description>} gets) shows {@code &lt;} to
 * newsboat. So every {@code <} and {@code &} is followed by U+2060 WORD JOINER, invisible and
 * unbreakable: no HTML parser reads a tag or a character reference there (a {@code <} not followed
 * by a letter, {@code /}, {@code !} or {@code ?} is text), feedparser sees plain text, and every
 * reader shows the editor's text as sent. README, "Security", has the findings.
 */
final class RssText {
    static final char WORD_JOINER = '\u2060';

    private RssText() {
    }

    static String inert(String text) {
        if (text == null || (text.indexOf('<') < 0 && text.indexOf('&') < 0)) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            out.append(c);
            if ((c == '<' || c == '&') && (i + 1 >= text.length() || text.charAt(i + 1) != WORD_JOINER)) {
                out.append(WORD_JOINER);
            }
        }
        return out.toString();
    }
}
