package org.khulasa.web.http;

/** Entity tags (RFC 9110 §8.8.3): made from a content hash, and matched against If-None-Match. */
public final class EntityTags {
    /** 128 bits of the SHA-256: no two versions of a feed or page will share a tag. */
    private static final int HASH_BYTES = 16;

    private EntityTags() {
    }

    /** The opaque part of a tag for {@code content}, unquoted; callers add a suffix or {@code W/}. */
    public static String hashOf(byte[] content) {
        return Sha256.hexPrefix(content, HASH_BYTES);
    }

    /** A weak tag: for responses that may still be compressed on their way out. */
    public static String weak(byte[] content) {
        return "W/\"" + hashOf(content) + '"';
    }

    /**
     * Whether an If-None-Match value names one of the {@code current} tags, or is {@code *}. The
     * comparison is weak, as RFC 9110 §13.1.2 asks: {@code W/"x"} and {@code "x"} match.
     */
    public static boolean anyMatches(String ifNoneMatch, String... current) {
        for (String tag : ifNoneMatch.split(",")) {
            String t = opaque(tag.trim());
            if (t.equals("*")) {
                return true;
            }
            for (String c : current) {
                if (t.equals(opaque(c))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String opaque(String tag) {
        return tag.startsWith("W/") ? tag.substring(2) : tag;
    }
}
