package org.khulasa.web.http;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads an article id from a URL, for the API and the pages alike. Only the canonical form is an
 * id: ASCII digits without a sign or leading zero. {@code Long.parseLong} alone also reads
 * {@code +1}, {@code 01} and Arabic-Indic or fullwidth digits, which would give one article many URLs.
 */
public final class ArticleIds {
    private static final Pattern CANONICAL = Pattern.compile("[1-9][0-9]{0,18}");

    private ArticleIds() {
    }

    /** The id written as {@code raw}; empty when {@code raw} is not an id's canonical form. */
    public static Optional<Long> parse(String raw) {
        return StrictParse.parse(raw, CANONICAL, Long::parseLong);
    }
}
