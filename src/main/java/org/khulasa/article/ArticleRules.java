package org.khulasa.article;

import java.time.Instant;

/** Limits on what editors send, in one place so the API's errors and its docs agree. */
public final class ArticleRules {
    public static final int MAX_TITLE = 500;
    public static final int MAX_SUMMARY = 5_000;
    public static final int MAX_NAME = 200;
    public static final int MAX_TAGS = 20;
    public static final int MAX_TAG = 100;
    public static final int MAX_RELATED = 20;
    public static final int MAX_URL = 2_000;
    public static final int MAX_CAPTION = 1_000;
    /**
     * The body as stored, once sanitized (closing tags a request left open can make it grow):
     * some 30,000 words, many times a long story, and small enough that a feed of 2 MB always
     * holds at least one item.
     */
    public static final int MAX_BODY = 200_000;
    /** Tags in a body as sent, counted before it is parsed: a long story holds a few thousand. */
    public static final int MAX_BODY_TAGS = 20_000;
    /** Elements nested in a body: lists in tables in quotes need a dozen at most. */
    public static final int MAX_BODY_DEPTH = 32;

    /**
     * Publication times Khulasa accepts: years 1900 to 9999 in UTC. Every RFC 3339 time in that
     * range renders the same in RSS, Atom, pages and HTTP dates (the Gregorian calendar, four-digit
     * years); outside it, times overflow or stop being RFC 3339 when turned to UTC.
     */
    public static final Instant EARLIEST_PUBLISHED = Instant.parse("1900-01-01T00:00:00Z");
    public static final Instant LATEST_PUBLISHED = Instant.parse("9999-12-31T23:59:59.999Z");
    public static final String PUBLISHED_RANGE = "must be a time from 1900-01-01T00:00:00Z to 9999-12-31T23:59:59Z (in UTC)";
    public static final int MAX_AUTHORS = 10;
    public static final int MAX_NOTE = 2_000;
    /** Pixels on a side: far beyond any photo, small enough for every reader's arithmetic. */
    public static final int MAX_IMAGE_SIDE = 100_000;
    public static final long MAX_IMAGE_BYTES = 10L * 1024 * 1024 * 1024;

    private ArticleRules() {
    }

    /** Whether {@code time} lies in the range above. */
    public static boolean isPublishable(Instant time) {
        return !time.isBefore(EARLIEST_PUBLISHED) && !time.isAfter(LATEST_PUBLISHED);
    }
}
