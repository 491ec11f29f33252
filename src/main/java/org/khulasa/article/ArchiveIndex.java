package org.khulasa.article;

import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;

/**
 * Article ids by range, for archived feeds (RFC 5005): an archive page holds the articles of a
 * fixed range of ids, so it changes only when one of them does. {@code category} and
 * {@code author} are slugs, or null for any.
 */
public interface ArchiveIndex {

    /** The greatest id below {@code below} (exclusive) among the scope's articles published by {@code visibleAt}. */
    OptionalLong newestIdBelow(String category, String author, long below, Instant visibleAt);

    /** The least id above {@code above} (exclusive) among the scope's articles published by {@code visibleAt}. */
    OptionalLong oldestIdAbove(String category, String author, long above, Instant visibleAt);

    /** The scope's articles with ids in {@code [first, last]} published by {@code visibleAt}, newest first. */
    List<Long> idsBetween(String category, String author, long first, long last, Instant visibleAt);

    /** The greatest id any article has or had (0 for none): ranges at or below it are complete. */
    long maxId();
}
