package org.khulasa.article;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What an editor sent, validated and made safe: body sanitized, XML-illegal characters removed.
 * The content's {@code published} is null when the editor left it to the server; {@code image}
 * may be null. {@code related} are the editor's picks, by id. {@code change} says what kind of
 * edit a replace is; {@code note} is the text of a correction, null for other changes.
 */
public record ArticleDraft(
        ArticleContent content,
        List<Long> related,
        List<String> tags,
        Image image,
        Change change,
        String note) {

    public ArticleDraft {
        if (content.authors().isEmpty()) {
            throw new IllegalArgumentException("an article has at least one byline");
        }
        Objects.requireNonNull(change, "change");
        related = List.copyOf(related);
        tags = List.copyOf(tags);
    }

    /** A published article as posted, with nothing to say about the kind of edit. */
    public static ArticleDraft published(String title, String summary, String body, Category category,
            List<Author> authors, Instant published, List<Long> related, List<String> tags, Image image) {
        return new ArticleDraft(new ArticleContent(title, summary, body, category, authors, Status.PUBLISHED, published),
                related, tags, image, Change.UPDATE, null);
    }
}
