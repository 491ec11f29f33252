package org.khulasa.feed;

/**
 * A feed document's place in its archived feed (RFC 5005 section 4): its own URL, and the URLs
 * of the current feed and of the archive documents before and after it (null when there is none).
 * {@code archive} marks an archive document ({@code fh:archive}); the current feed is not one.
 */
public record HistoryLinks(String self, String current, String prevArchive, String nextArchive, boolean archive) {

    /** The subscription document: itself, and the newest archive page before it, if any. */
    public static HistoryLinks current(String self, String prevArchive) {
        return new HistoryLinks(self, null, prevArchive, null, false);
    }
}
