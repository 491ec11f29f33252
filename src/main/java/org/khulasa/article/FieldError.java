package org.khulasa.article;

/** What is wrong with one field of a request, e.g. {@code category.slug}. */
public record FieldError(String field, String message) {
}
