package org.khulasa.article;

/**
 * One entry of an article's "انظر أيضاً" list, as stored when the article was written;
 * {@code byEditor} when the editor chose it, false when Khulasa matched it.
 */
public record RelatedLink(long id, String title, boolean byEditor) {
}
