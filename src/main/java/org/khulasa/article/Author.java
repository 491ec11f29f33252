package org.khulasa.article;

/** A writer: {@code nizar-samir} / نزار سمير. */
public record Author(String slug, String name) {
}
