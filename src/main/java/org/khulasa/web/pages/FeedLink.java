package org.khulasa.web.pages;

import org.khulasa.feed.FeedFormat;

/** One feed a page points readers at: its title, its format and its URL. */
record FeedLink(String title, FeedFormat format, String url) {

    /** The media type without parameters, as autodiscovery's {@code type} attribute expects. */
    String mediaType() {
        return format.mediaType();
    }

    String formatName() {
        return format.label();
    }
}
