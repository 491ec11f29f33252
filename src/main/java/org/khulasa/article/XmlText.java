package org.khulasa.article;

/**
 * Removes what XML 1.0 forbids (C0 controls but tab and newlines, lone surrogates, U+FFFE/U+FFFF).
 * One such character makes the whole feed unreadable, so none is ever stored; everything else,
 * marks and all, is kept exactly.
 */
public final class XmlText {

    private XmlText() {
    }

    public static String clean(String s) {
        if (s == null || isClean(s)) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            int width = Character.charCount(cp);
            if (isAllowed(cp) && !(width == 1 && Character.isSurrogate(s.charAt(i)))) {
                out.appendCodePoint(cp);
            }
            i += width;
        }
        return out.toString();
    }

    private static boolean isClean(String s) {
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            int width = Character.charCount(cp);
            if (!isAllowed(cp) || (width == 1 && Character.isSurrogate(s.charAt(i)))) {
                return false;
            }
            i += width;
        }
        return true;
    }

    private static boolean isAllowed(int cp) {
        return cp == 0x9 || cp == 0xA || cp == 0xD
                || (cp >= 0x20 && cp <= 0xD7FF)
                || (cp >= 0xE000 && cp <= 0xFFFD)
                || (cp >= 0x10000 && cp <= 0x10FFFF);
    }
}
