package org.khulasa.article;

import java.time.Instant;

/**
 * Block {@code index} of article ids ({@code index·size + 1} to {@code (index + 1)·size}) and
 * the latest change to an article of it that readers see: one page of the sitemap, whose URL
 * stays the same however the archive grows.
 */
public record IdBlock(long index, Instant lastModified) {
}
