package org.khulasa.article;

import java.time.Instant;

/**
 * A page of the archive, newest first. {@code category} and {@code author} are slugs or null for
 * any; only published articles out at or before {@code visibleAt} are listed (null, for editors:
 * scheduled ones and drafts too); {@code before}, when set, keeps articles published strictly
 * earlier, and with {@code beforeId} also those published at {@code before} exactly with a smaller
 * id: the place where the previous page ended, in the list's own order; {@code tag}, a tag's slug,
 * keeps the articles carrying it (with neither category nor author). {@code withTags} says whether
 * the articles come with their tags: RSS and Atom feeds and the desk's search don't show them, and
 * skip reading them.
 */
public record ArticleQuery(String category, String author, Instant visibleAt, Instant before, Long beforeId, int limit,
                           String tag, boolean withTags) {

    public ArticleQuery(String category, String author, Instant visibleAt, Instant before, Long beforeId, int limit) {
        this(category, author, visibleAt, before, beforeId, limit, null, true);
    }

    public ArticleQuery(String category, String author, Instant visibleAt, Instant before, int limit) {
        this(category, author, visibleAt, before, null, limit, null, true);
    }

    /** The articles carrying the tag with slug {@code slug}. */
    public static ArticleQuery ofTag(String slug, Instant visibleAt, int limit) {
        return new ArticleQuery(null, null, visibleAt, null, null, limit, slug, true);
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

    /** The same list, from just after the article published at {@code published} with id {@code id}. */
    public ArticleQuery after(Instant published, long id) {
        return new ArticleQuery(category, author, visibleAt, published, id, limit, tag, withTags);
    }

    public ArticleQuery withLimit(int newLimit) {
        return new ArticleQuery(category, author, visibleAt, before, beforeId, newLimit, tag, withTags);
    }

    /** The same list, its articles' tags left empty. */
    public ArticleQuery withoutTags() {
        return new ArticleQuery(category, author, visibleAt, before, beforeId, limit, tag, false);
    }
}
