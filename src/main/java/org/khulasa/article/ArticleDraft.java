package org.khulasa.article;

import java.time.Instant;
import java.util.List;

/**
 * What an editor sent, validated and made safe: body sanitized, XML-illegal characters removed.
 * {@code published} is null when the editor left it to the server; {@code summary} and
 * {@code image} may be null.
 */
public record ArticleDraft(
        String title,
        String summary,
        String body,
        Category category,
        Author author,
        Instant published,
        List<Long> related,
        List<String> tags,
        Image image) {

    public ArticleDraft {
        related = List.copyOf(related);
        tags = List.copyOf(tags);
    }
}
