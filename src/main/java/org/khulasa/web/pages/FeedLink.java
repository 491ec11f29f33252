package org.khulasa.web.pages;

import org.khulasa.feed.FeedFormat;

/** One feed a page points readers at: its title, its format and its URL. */
record FeedLink(String title, FeedFormat format, String url) {

    /** The media type without parameters, as autodiscovery's {@code type} attribute expects. */
    String mediaType() {
        String type = format.contentType();
        int semicolon = type.indexOf(';');
        return semicolon < 0 ? type : type.substring(0, semicolon);
    }

    String formatName() {
        return format == FeedFormat.RSS ? "RSS" : "Atom";
    }
}
