package org.khulasa.feed;

import java.time.Instant;
import java.util.Optional;

/**
 * A feed document ready to serve: its bytes, when its data last changed, and the moment it goes
 * stale by itself (the next scheduled article's publication), if any.
 */
public record RenderedFeed(byte[] bytes, Instant lastModified, Optional<Instant> staleAt) {
}
