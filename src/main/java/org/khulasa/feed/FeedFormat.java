package org.khulasa.feed;

/** The two syndication formats, with the file name and media type each is served under. */
public enum FeedFormat {
    RSS("rss.xml", "application/rss+xml; charset=utf-8", "rss_2.0"),
    ATOM("atom.xml", "application/atom+xml; charset=utf-8", "atom_1.0");

    private final String fileName;
    private final String contentType;
    private final String romeType;

    FeedFormat(String fileName, String contentType, String romeType) {
        this.fileName = fileName;
        this.contentType = contentType;
        this.romeType = romeType;
    }

    public String fileName() {
        return fileName;
    }

    public String contentType() {
        return contentType;
    }

    /** Rome's name for the format, as in {@code SyndFeed.setFeedType}. */
    public String romeType() {
        return romeType;
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
