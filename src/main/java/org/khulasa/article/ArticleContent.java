package org.khulasa.article;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What an editor writes of an article and readers are shown of it: its text, where it is filed,
 * its bylines in the editor's order, and whether and when it is out. {@code summary} may be null;
 * {@code published} is null only in a draft whose editor left the time to the server.
 */
public record ArticleContent(
        String title,
        String summary,
        String body,
        Category category,
        List<Author> authors,
        Status status,
        Instant published) {

    public ArticleContent {
        Objects.requireNonNull(status, "status");
        authors = List.copyOf(authors);
    }

    /** The same content with bylines {@code bylines}: stored ones are read apart from the article's row. */
    public ArticleContent withAuthors(List<Author> bylines) {
        return new ArticleContent(title, summary, body, category, bylines, status, published);
    }

    /** Whether there is a summary to show: one of spaces only is none. */
    public boolean hasSummary() {
        return summary != null && !summary.isBlank();
    }

    /** The publication time, or {@code fallback} when the editor left it to the server. */
    public Instant publishedOr(Instant fallback) {
        return published != null ? published : fallback;
    }

    /** The same content, published at {@code fallback} if its editor left the time to the server. */
    public ArticleContent withDefaultPublished(Instant fallback) {
        return published != null ? this : new ArticleContent(title, summary, body, category, authors, status, fallback);
    }
}
