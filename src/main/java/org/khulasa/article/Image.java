package org.khulasa.article;

/**
 * The article's lead image. {@code caption}, {@code width}, {@code height} (pixels) and
 * {@code bytes} (the file's size) may be null: they are what the editor says, never fetched.
 */
public record Image(String url, String type, String caption, Integer width, Integer height, Long bytes) {
}
