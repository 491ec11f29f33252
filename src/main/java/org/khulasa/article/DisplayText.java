package org.khulasa.article;

/**
 * Text an editor sends, as readers will see it wherever it lands: in a feed reader's list, an
 * OPML import or beside other text. Two things in it could fool a reader. A bidi embedding,
 * override or isolate left open (U+202A–U+202E, U+2066–U+2069) turns around whatever follows
 * the field; so each field is balanced: stray closers are dropped and missing ones added, at a
 * paragraph break or the end. Shown alone, the field looks the same (UAX #9 ignores a stray
 * closer and ends every control at the end of a paragraph). And a field of invisible characters
 * only (U+200F U+200B U+2060) passes for filled in while showing nothing.
 */
public final class DisplayText {
    private static final char LRE = '\u202A';
    private static final char PDF = '\u202C';
    private static final char RLO = '\u202E';
    private static final char LRI = '\u2066';
    private static final char FSI = '\u2068';
    private static final char PDI = '\u2069';

    private DisplayText() {
    }

    /** {@code text} with every embedding, override and isolate closed inside it. */
    public static String balanced(String text) {
        if (text == null || !hasBidiControl(text)) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 4);
        StringBuilder open = new StringBuilder(); // the openers in force, innermost last
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isEmbedding(c) || isIsolate(c)) {
                open.append(c);
                out.append(c);
            } else if (c == PDF) {
                // Closes the innermost embedding, never one outside an isolate opened since.
                if (!open.isEmpty() && isEmbedding(open.charAt(open.length() - 1))) {
                    open.setLength(open.length() - 1);
                    out.append(c);
                }
            } else if (c == PDI) {
                // Closes the innermost isolate and the embeddings opened inside it.
                int isolate = lastIsolate(open);
                if (isolate >= 0) {
                    closeDownTo(isolate + 1, open, out);
                    open.setLength(isolate);
                    out.append(c);
                }
            } else if (Character.getDirectionality(c) == Character.DIRECTIONALITY_PARAGRAPH_SEPARATOR) {
                closeDownTo(0, open, out);
                out.append(c);
            } else {
                out.append(c);
            }
        }
        closeDownTo(0, open, out);
        return out.toString();
    }

    public static boolean hasBidiControl(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c >= LRE && c <= RLO) || (c >= LRI && c <= PDI)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether {@code text} shows anything: a letter, digit, punctuation mark or symbol. Spaces,
     * format characters (marks such as RLM, ZWSP, word joiner), controls, combining marks with
     * no base, and the characters fonts draw blank (Hangul fillers, braille blank) show nothing.
     */
    public static boolean hasVisible(String text) {
        return text != null && text.codePoints().anyMatch(DisplayText::isVisible);
    }

    private static boolean isVisible(int cp) {
        if (cp == 0x115F || cp == 0x1160 || cp == 0x3164 || cp == 0xFFA0 || cp == 0x2800) {
            return false;
        }
        return switch (Character.getType(cp)) {
            case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER,
                    Character.MODIFIER_LETTER, Character.OTHER_LETTER,
                    Character.DECIMAL_DIGIT_NUMBER, Character.LETTER_NUMBER, Character.OTHER_NUMBER,
                    Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION, Character.START_PUNCTUATION,
                    Character.END_PUNCTUATION, Character.INITIAL_QUOTE_PUNCTUATION,
                    Character.FINAL_QUOTE_PUNCTUATION, Character.OTHER_PUNCTUATION,
                    Character.MATH_SYMBOL, Character.CURRENCY_SYMBOL, Character.MODIFIER_SYMBOL,
                    Character.OTHER_SYMBOL, Character.PRIVATE_USE -> true;
            default -> false;
        };
    }

    private static boolean isEmbedding(char c) {
        return c >= LRE && c <= RLO && c != PDF;
    }

    private static boolean isIsolate(char c) {
        return c >= LRI && c <= FSI;
    }

    private static int lastIsolate(CharSequence open) {
        for (int i = open.length() - 1; i >= 0; i--) {
            if (isIsolate(open.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    /** Appends the closers of {@code open} from its innermost down to index {@code from}, and forgets them. */
    private static void closeDownTo(int from, StringBuilder open, StringBuilder out) {
        for (int i = open.length() - 1; i >= from; i--) {
            out.append(isIsolate(open.charAt(i)) ? PDI : PDF);
        }
        open.setLength(from);
    }
}
