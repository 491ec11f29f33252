package org.khulasa.feed;

import java.util.List;

/**
 * The links a feed document carries besides its items: its own URL, the WebSub hubs that
 * announce its changes, and its place in its archived feed (RFC 5005 section 4): the current
 * feed and the archive documents before and after it (null when there is none). {@code archive}
 * marks an archive document ({@code fh:archive}); the current feed is not one.
 */
public record DocumentLinks(String self, List<String> hubs, String current, String prevArchive, String nextArchive,
                            boolean archive) {

    public DocumentLinks {
        hubs = List.copyOf(hubs);
    }

    /** The subscription document: itself, its hubs, and the newest archive page before it, if any. */
    public static DocumentLinks current(String self, List<String> hubs, String prevArchive) {
        return new DocumentLinks(self, hubs, null, prevArchive, null, false);
    }

    /** The HTTP {@code Link} header of the document (RFC 8288), as WebSub asks of feed responses; null without hubs. */
    public String linkHeader() {
        if (hubs.isEmpty()) {
            return null;
        }
        StringBuilder header = new StringBuilder();
        for (String hub : hubs) {
            header.append('<').append(hub).append(">; rel=\"hub\", ");
        }
        return header.append('<').append(self).append(">; rel=\"self\"").toString();
    }
}
