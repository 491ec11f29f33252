package org.khulasa.article;

/** One entry of an article's "انظر أيضاً" list, as stored when the article was written. */
public record RelatedLink(long id, String title) {
}
