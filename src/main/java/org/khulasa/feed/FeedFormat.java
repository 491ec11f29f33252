package org.khulasa.feed;

/** The syndication formats, with the file name and media type each is served under. */
public enum FeedFormat {
    RSS("rss.xml", "application/rss+xml; charset=utf-8", "rss_2.0", "RSS"),
    ATOM("atom.xml", "application/atom+xml; charset=utf-8", "atom_1.0", "Atom"),
    /** JSON Feed 1.1, written with Jackson rather than Rome. */
    JSON("feed.json", "application/feed+json; charset=utf-8", null, "JSON Feed");

    private final String fileName;
    private final String contentType;
    private final String romeType;
    private final String label;

    FeedFormat(String fileName, String contentType, String romeType, String label) {
        this.fileName = fileName;
        this.contentType = contentType;
        this.romeType = romeType;
        this.label = label;
    }

    public String fileName() {
        return fileName;
    }

    public String contentType() {
        return contentType;
    }

    /** The media type without parameters, as autodiscovery links and OPML name it. */
    public String mediaType() {
        int semicolon = contentType.indexOf(';');
        return semicolon < 0 ? contentType : contentType.substring(0, semicolon);
    }

    /** Rome's name for the format, as in {@code SyndFeed.setFeedType}; null for JSON Feed. */
    public String romeType() {
        return romeType;
    }

    /** The format's name as readers know it: RSS, Atom, JSON Feed. */
    public String label() {
        return label;
    }

    public static FeedFormat fromFileName(String name) {
        for (FeedFormat f : values()) {
            if (f.fileName.equals(name)) {
                return f;
            }
        }
        return null;
    }
}
