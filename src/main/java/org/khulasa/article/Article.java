package org.khulasa.article;

import java.time.Instant;
import java.util.List;

/**
 * A stored article: what its editor wrote ({@code content}, with at least one byline and its
 * publication time set), and what the server keeps of it. {@code updated} is the time readers are
 * told it last changed (a minor edit leaves it); it is set by the server and unique site-wide
 * among published articles. {@code revision} counts every write of the article, minor ones
 * included: editors' {@code ETag}. {@code corrections} oldest first.
 */
public record Article(
        long id,
        long revision,
        ArticleContent content,
        Instant updated,
        List<RelatedLink> related,
        List<String> tags,
        Image image,
        List<Correction> corrections) {

    public Article {
        related = List.copyOf(related);
        tags = List.copyOf(tags);
        corrections = List.copyOf(corrections);
    }

    /** Whether readers see it at {@code now}: published, and its time has come. */
    public boolean isPublishedAt(Instant now) {
        return content.status() == Status.PUBLISHED && !content.published().isAfter(now);
    }
}
