package org.khulasa.web.http;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.regex.Pattern;

/** Reads RFC 3339 times, in a request body ({@code published}) or a query ({@code ?before=}) alike. */
public final class Rfc3339 {
    /**
     * RFC 3339 requires the offset: a local time is refused rather than guessed. And the year has
     * four digits (java.time alone would take {@code +10000-01-01T00:00Z}).
     */
    private static final Pattern SHAPE = Pattern.compile("\\d{4}-.*(Z|z|[+-]\\d{2}:\\d{2})$");

    private Rfc3339() {
    }

    /** The instant {@code value} names; empty when it is not an RFC 3339 time with an offset. */
    public static Optional<Instant> parse(String value) {
        return StrictParse.parse(value, SHAPE, v -> OffsetDateTime.parse(v).toInstant());
    }
}
