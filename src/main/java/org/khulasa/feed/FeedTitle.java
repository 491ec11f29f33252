package org.khulasa.feed;

import org.khulasa.article.DisplayText;
import org.khulasa.article.RtlText;

/**
 * A title as every feed format carries it (RSS and Atom feed and item titles, OPML outlines,
 * JSON Feed): U+2067 (right-to-left isolate), the RLM that {@link RtlText#title} puts before a
 * Latin- or digit-led title, the title, U+2069. Readers that lay titles out in left-to-right rows
 * (Tiny Tiny RSS, Fluent Reader) then keep an Arabic title in order; readers that take the
 * direction from the first strong letter (Liferea, {@code dir="auto"}) see the RLM. Pages need
 * none of it: their titles sit in {@code dir="rtl"} elements.
 */
public final class FeedTitle {
    public static final char RLI = '\u2067';
    public static final char PDI = '\u2069';

    private FeedTitle() {
    }

    public static String isolated(String title) {
        if (title == null) {
            return null;
        }
        // Stored titles are balanced when written, but the site's title and older rows may not be:
        // an isolate left open inside would end at our PDI and leave the rest of the row reversed.
        return RLI + RtlText.title(DisplayText.balanced(title)) + PDI;
    }
}
