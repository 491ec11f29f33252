package org.khulasa.article;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one form old addresses are stored and looked up in: a percent-decoded path ending in a
 * slash ({@code %D9%85} and {@code %d9%85} alike), or a query of the home page WordPress answered,
 * which is how a site with plain permalinks addressed everything: a post ({@code ?p=12}), a
 * category, author or tag page ({@code ?cat=3}, {@code ?author=2}, {@code ?tag=slug}) and, with
 * {@code feed}, its feed; the site's feeds ({@code ?feed=rss2}). The key names the section first
 * and the feed after it, whatever order the request gave them in, and a feed by its format:
 * {@code rss2} (WordPress's {@code rss}, {@code rdf} and the default alike), {@code atom}, or
 * {@code comments} for the site's comment feeds. A category or author is also named by its slug
 * ({@code ?category_name=economy}, {@code ?author_name=huda}), as WordPress also answered. Paths
 * under {@code /index.php/} (permalinks of a server without URL rewriting) are keyed as the same
 * path without it, and {@code /index.php?…} as the home page's query: WordPress served both the same.
 */
public final class OldAddress {
    /** The query parameters naming what WordPress showed, in the order its query resolves them. */
    private static final List<String> SECTIONS = List.of("p", "page_id", "cat", "category_name", "author", "author_name", "tag");
    /** The sections named by a slug rather than a number. */
    private static final List<String> NAMED = List.of("category_name", "author_name", "tag");
    private static final String FRONT_CONTROLLER = "/index.php";
    private static final Pattern NUMBER = Pattern.compile("[0-9]{1,19}");
    private static final Pattern POST_QUERY_FEED = Pattern.compile("(\\?p=[0-9]+)&feed=.*");
    private static final Pattern POST_PATH_FEED = Pattern.compile("(/.+/)feed/(?:(?:rss2|rss|rdf|atom)/)?");

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
        if (p.equals(FRONT_CONTROLLER) || p.startsWith(FRONT_CONTROLLER + "/")) {
            p = p.length() > FRONT_CONTROLLER.length() + 1 ? p.substring(FRONT_CONTROLLER.length()) : "/";
        }
        if (p.equals("/") && query != null) {
            Optional<String> home = homeQuery(query);
            if (home.isPresent()) {
                return home.get();
            }
        }
        return p.endsWith("/") ? p : p + "/";
    }

    /**
     * The key of a post's comment feed, which WordPress served at the post's address with
     * {@code feed/} after it (or {@code &feed=} in its query): the post's own key, else empty.
     */
    public static Optional<String> commentFeedOf(String key) {
        for (Pattern feed : List.of(POST_QUERY_FEED, POST_PATH_FEED)) {
            Matcher m = feed.matcher(key);
            if (m.matches()) {
                return Optional.of(m.group(1));
            }
        }
        return Optional.empty();
    }

    private static Optional<String> homeQuery(String query) {
        Map<String, String> params = new HashMap<>();
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            params.putIfAbsent(name, eq < 0 ? "" : decodeQuery(pair.substring(eq + 1)));
        }
        String feed = params.containsKey("feed") ? "feed=" + feedFormat(params.get("feed")) : null;
        for (String section : SECTIONS) {
            String value = params.get(section);
            if (value != null && !value.isEmpty() && (NAMED.contains(section) || NUMBER.matcher(value).matches())) {
                return Optional.of("?" + section + "=" + value + (feed == null ? "" : "&" + feed));
            }
        }
        return Optional.ofNullable(feed).map(f -> "?" + f);
    }

    private static String feedFormat(String feed) {
        String f = feed.toLowerCase(Locale.ROOT);
        if (f.isEmpty() || f.equals("rss2") || f.equals("rss") || f.equals("rdf")) {
            return "rss2";
        }
        return f.startsWith("comments-") ? "comments" : f;
    }

    private static String decodeQuery(String value) {
        try {
            return Normalizer.normalize(URLDecoder.decode(value, StandardCharsets.UTF_8), Normalizer.Form.NFC).strip();
        } catch (IllegalArgumentException e) {
            return value;
        }
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
