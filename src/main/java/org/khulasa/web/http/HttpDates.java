package org.khulasa.web.http;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;

/** HTTP's dates (RFC 9110 §5.6.7): the one form sent, and a reader for the dates requests and answers carry. */
public final class HttpDates {
    private static final DateTimeFormatter SENT =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);

    private HttpDates() {
    }

    /** {@code at} as HTTP writes dates ({@code Tue, 01 Dec 2026 09:30:00 GMT}), to the second below. */
    public static String format(Instant at) {
        return SENT.format(at);
    }

    /** The instant {@code value} names; empty when there is none or it is unreadable (ignored, as RFC 9110 says). */
    public static Optional<Instant> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
