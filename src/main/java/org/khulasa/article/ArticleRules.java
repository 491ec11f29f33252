package org.khulasa.article;

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
    public static final int MAX_AUTHORS = 10;
    public static final int MAX_NOTE = 2_000;
    /** Pixels on a side: far beyond any photo, small enough for every reader's arithmetic. */
    public static final int MAX_IMAGE_SIDE = 100_000;
    public static final long MAX_IMAGE_BYTES = 10L * 1024 * 1024 * 1024;

    private ArticleRules() {
    }
}
