package org.khulasa.article;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What an editor sent, validated and made safe: body sanitized, XML-illegal characters removed.
 * {@code published} is null when the editor left it to the server; {@code summary} and
 * {@code image} may be null. {@code change} says what kind of edit a replace is; {@code note}
 * is the text of a correction, null for other changes.
 */
public record ArticleDraft(
        String title,
        String summary,
        String body,
        Category category,
        List<Author> authors,
        Status status,
        Instant published,
        List<Long> related,
        List<String> tags,
        Image image,
        Change change,
        String note) {

    public ArticleDraft {
        if (authors.isEmpty()) {
            throw new IllegalArgumentException("an article has at least one byline");
        }
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(change, "change");
        authors = List.copyOf(authors);
        related = List.copyOf(related);
        tags = List.copyOf(tags);
    }

    /** A published article as posted, with nothing to say about the kind of edit. */
    public static ArticleDraft published(String title, String summary, String body, Category category,
            List<Author> authors, Instant published, List<Long> related, List<String> tags, Image image) {
        return new ArticleDraft(title, summary, body, category, authors, Status.PUBLISHED, published, related, tags,
                image, Change.UPDATE, null);
    }
}
