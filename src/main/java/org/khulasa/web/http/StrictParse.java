package org.khulasa.web.http;

import java.time.DateTimeException;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Reads a value only in its strict written form: the JDK's parsers accept more spellings than the
 * formats allow, and refuse some that have the right shape (an id past {@code Long.MAX_VALUE}, the
 * 30th of February).
 */
final class StrictParse {

    private StrictParse() {
    }

    /** {@code raw} as {@code parser} reads it; empty when it lacks {@code shape} or the parser refuses it. */
    static <T> Optional<T> parse(String raw, Pattern shape, Function<String, T> parser) {
        if (raw == null || !shape.matcher(raw).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(parser.apply(raw));
        } catch (IllegalArgumentException | DateTimeException e) { // NumberFormatException, DateTimeParseException
            return Optional.empty();
        }
    }
}
