package org.khulasa.article;

/**
 * A category or an author as editors manage it: its slug, the name readers see, and how many
 * articles (out or scheduled) are filed under it.
 */
public record Filing(String slug, String name, long articles) {

    /** Which of the two: the queries and routes are the same for both. */
    public enum Kind { CATEGORY, AUTHOR }

    /** What removing one came to. */
    public enum Removal { REMOVED, UNKNOWN, IN_USE }
}
