package org.khulasa.article;

import java.time.Instant;
import java.util.List;

/**
 * A stored article. {@code authors} are its bylines in the editor's order (at least one);
 * {@code updated} is the time readers are told it last changed (a minor edit leaves it); it is set
 * by the server and unique site-wide among published articles. {@code revision} counts every
 * write of the article, minor ones included: editors' {@code ETag}. {@code corrections} oldest first.
 */
public record Article(
        long id,
        long revision,
        String title,
        String summary,
        String body,
        Category category,
        List<Author> authors,
        Status status,
        Instant published,
        Instant updated,
        List<RelatedLink> related,
        List<String> tags,
        Image image,
        List<Correction> corrections) {

    public Article {
        authors = List.copyOf(authors);
        related = List.copyOf(related);
        tags = List.copyOf(tags);
        corrections = List.copyOf(corrections);
    }

    /** Whether readers see it at {@code now}: published, and its time has come. */
    public boolean isPublishedAt(Instant now) {
        return status == Status.PUBLISHED && !published.isAfter(now);
    }
}
