package org.khulasa.feed;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A feed document ready to serve: its bytes, when its data last changed, the moment it goes
 * stale by itself (the next scheduled article's publication), if any, how long caches may keep
 * it without asking again, and its HTTP {@code Link} header (hub and self; null for none).
 */
public record RenderedFeed(byte[] bytes, Instant lastModified, Optional<Instant> staleAt, Duration maxAge, String link) {
    /** What proxies may keep a feed that changes with every post: five minutes. */
    public static final Duration POLLED = Duration.ofMinutes(5);
    /** A closed archive page changes only when one of its articles is edited or deleted: a day. */
    public static final Duration CLOSED_ARCHIVE = Duration.ofDays(1);

    public RenderedFeed(byte[] bytes, Instant lastModified, Optional<Instant> staleAt) {
        this(bytes, lastModified, staleAt, POLLED, null);
    }
}
