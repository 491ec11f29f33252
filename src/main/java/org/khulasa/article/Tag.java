package org.khulasa.article;

/** A tag: its ASCII {@code slug} for URLs ({@code kurat-alqadam}), its {@code name} as editors wrote it («كرة القدم»). */
public record Tag(String slug, String name) {
}
