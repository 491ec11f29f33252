package org.khulasa.article;

/**
 * Direction hints for text shown to readers. Readers pick a block's direction from its first
 * strong character ({@code dir="auto"}), so an Arabic title that opens with a Latin word or a
 * digit ("S-400 …") would be laid out left-to-right; a leading RIGHT-TO-LEFT MARK fixes that.
 * Stored text is never changed: this is applied when rendering feeds and pages.
 */
public final class RtlText {
    public static final char RLM = '\u200F';

    private RtlText() {
    }

    /** The title as readers should see it: with an RLM in front when it opens with Latin or a digit. */
    public static String title(String title) {
        if (title == null || title.isEmpty()) {
            return title;
        }
        int first = title.codePointAt(0);
        boolean latinOrDigit = Character.isDigit(first)
                || (Character.isLetter(first) && Character.UnicodeScript.of(first) == Character.UnicodeScript.LATIN);
        return latinOrDigit ? RLM + title : title;
    }
}
