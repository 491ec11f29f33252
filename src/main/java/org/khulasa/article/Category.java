package org.khulasa.article;

/** A section of the site: {@code politics} / سياسة. */
public record Category(String slug, String name) {
}
