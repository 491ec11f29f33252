package org.khulasa.article;

import java.time.Instant;
import java.util.List;

/** A stored article. {@code updated} is set by the server at each write and is unique site-wide. */
public record Article(
        long id,
        String title,
        String summary,
        String body,
        Category category,
        Author author,
        Instant published,
        Instant updated,
        List<RelatedLink> related,
        List<String> tags,
        Image image) {

    public Article {
        related = List.copyOf(related);
        tags = List.copyOf(tags);
    }

    public boolean isPublishedAt(Instant now) {
        return !published.isAfter(now);
    }
}
