package org.khulasa.article;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one form old addresses are stored and looked up in: a percent-decoded path ending in a
 * slash ({@code %D9%85} and {@code %d9%85} alike), or a query of the home page WordPress answered
 * ({@code ?p=12}, {@code ?feed=rss2}).
 */
public final class OldAddress {
    private static final Pattern HOME_QUERY = Pattern.compile("(?:^|&)(p|page_id|feed)=([A-Za-z0-9_-]+)(?:&|$)");

    /**
     * The old site's search ({@code /?s=words}), stored once for a site imported: it leads to the
     * search page with the same words.
     */
    public static final String SEARCH = "?s=";

    private OldAddress() {
    }

    /** The key of an absolute or relative URL; empty when it has none (a malformed URL). */
    public static Optional<String> of(String url) {
        try {
            URI uri = URI.create(url.strip());
            return Optional.of(of(uri.getRawPath(), uri.getRawQuery()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The key of a request: its raw (or decoded) path and raw query. */
    public static String of(String path, String query) {
        String p = path == null || path.isEmpty() ? "/" : decode(path);
        if (p.equals("/") && query != null) {
            Matcher m = HOME_QUERY.matcher(query);
            if (m.find()) {
                return "?" + m.group(1) + "=" + m.group(2);
            }
        }
        return p.endsWith("/") ? p : p + "/";
    }

    private static String decode(String path) {
        String decoded;
        try {
            decoded = path.indexOf('%') >= 0 ? URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8) : path;
        } catch (IllegalArgumentException e) {
            decoded = path;
        }
        return Normalizer.normalize(decoded, Normalizer.Form.NFC);
    }
}
