package org.khulasa.article;

import java.time.Instant;

/**
 * A page of the archive, newest first. {@code category} and {@code author} are slugs or null for
 * any; only published articles out at or before {@code visibleAt} are listed (null, for editors:
 * scheduled ones and drafts too); {@code before}, when set, keeps articles published strictly
 * earlier, and with {@code beforeId} also those published at {@code before} exactly with a smaller
 * id: the place where the previous page ended, in the list's own order.
 */
public record ArticleQuery(String category, String author, Instant visibleAt, Instant before, Long beforeId, int limit) {

    public ArticleQuery(String category, String author, Instant visibleAt, Instant before, int limit) {
        this(category, author, visibleAt, before, null, limit);
    }

    public static ArticleQuery site(Instant visibleAt, int limit) {
        return new ArticleQuery(null, null, visibleAt, null, limit);
    }

    public static ArticleQuery ofCategory(String slug, Instant visibleAt, int limit) {
        return new ArticleQuery(slug, null, visibleAt, null, limit);
    }

    public static ArticleQuery ofAuthor(String slug, Instant visibleAt, int limit) {
        return new ArticleQuery(null, slug, visibleAt, null, limit);
    }
}
