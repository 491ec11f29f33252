package org.khulasa.article;

import java.time.Instant;
import java.util.List;

/**
 * A reader's search of the archive: {@code words}, each a list of terms as the word index holds
 * them (org.khulasa.related makes them), one of which an article must hold for every word; only
 * articles readers see at {@code visibleAt}; {@code limit} of them from the {@code offset}-th best.
 *
 * <p>Ranking (every word in the title or tags first, then some word there, then body-only
 * matches; the newer first among equals) reads the {@value #NEWEST_MATCHES} newest matching articles only, so a search costs the same
 * in any archive: a word held by half a million articles ranks its newest thousand, as a news
 * reader would want, and a rarer search ranks all it finds.
 */
public record SearchQuery(List<List<String>> words, Instant visibleAt, int offset, int limit) {
    public static final int NEWEST_MATCHES = 1000;

    public SearchQuery {
        words = words.stream().map(List::copyOf).toList();
        if (offset < 0 || limit < 0) {
            throw new IllegalArgumentException("offset " + offset + " and limit " + limit + " can't be negative");
        }
    }
}
