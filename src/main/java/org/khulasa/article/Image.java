package org.khulasa.article;

/** The article's lead image; {@code caption} may be null. */
public record Image(String url, String type, String caption) {
}
