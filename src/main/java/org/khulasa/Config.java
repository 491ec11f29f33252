package org.khulasa;

import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.khulasa.web.pages.DateStyle;

/** Everything configurable, read once from the environment (see the README's table). */
public record Config(
        int port,
        Path dataDir,
        Optional<String> dbUrl,
        String baseUrl,
        List<String> editorTokens,
        String siteTitle,
        int feedSize,
        ZoneId timeZone,
        int relatedCount,
        Optional<String> metricsToken,
        boolean hijriDates,
        DateStyle.MonthNames monthNames,
        DateStyle.Digits digits,
        int sitemapPageSize,
        int archiveSize,
        List<String> webSubHubs,
        boolean webSubAllowPrivate,
        Optional<String> host,
        int cacheMb) {

    public static final String DEFAULT_SITE_TITLE = "خلاصة الأخبار";

    public Config {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("KHULASA_PORT must be 0-65535, got " + port);
        }
        if (feedSize < 1 || feedSize > 500) {
            throw new IllegalArgumentException("KHULASA_FEED_SIZE must be 1-500, got " + feedSize);
        }
        if (sitemapPageSize < 1 || sitemapPageSize > 50_000) {
            throw new IllegalArgumentException("KHULASA_SITEMAP_PAGE_SIZE must be 1-50000, got " + sitemapPageSize);
        }
        if (relatedCount < 0 || relatedCount > 20) {
            throw new IllegalArgumentException("KHULASA_RELATED_COUNT must be 0-20, got " + relatedCount);
        }
        // An IP address or a host name; Jetty reports the rest (a name that doesn't resolve) at start.
        if (host.isPresent() && !host.get().matches("[A-Za-z0-9.:%-]{1,253}")) {
            throw new IllegalArgumentException("KHULASA_HOST must be an address to listen on, like 127.0.0.1 or ::1, got '"
                    + host.get() + "'");
        }
        if (archiveSize < 10 || archiveSize > 1000) {
            throw new IllegalArgumentException("KHULASA_ARCHIVE_SIZE must be 10-1000, got " + archiveSize);
        }
        if (cacheMb < 1 || cacheMb > 65_536) {
            throw new IllegalArgumentException("KHULASA_CACHE_MB must be 1-65536, got " + cacheMb);
        }
        baseUrl = stripTrailingSlash(baseUrl);
        editorTokens = List.copyOf(editorTokens);
        webSubHubs = List.copyOf(webSubHubs);
        for (String hub : webSubHubs) {
            if (!hub.startsWith("http://") && !hub.startsWith("https://")) {
                throw new IllegalArgumentException("KHULASA_WEBSUB_HUBS must be http(s) URLs separated by commas, got '" + hub + "'");
            }
        }
    }

    public static Config fromEnvironment(Map<String, String> env) {
        int port = intVar(env, "KHULASA_PORT", 8080);
        return new Config(
                port,
                Path.of(env.getOrDefault("KHULASA_DATA", "./data")),
                Optional.ofNullable(blankToNull(env.get("KHULASA_DB_URL"))),
                Optional.ofNullable(blankToNull(env.get("KHULASA_BASE_URL"))).orElse("http://localhost:" + port),
                Arrays.stream(env.getOrDefault("KHULASA_EDITOR_TOKENS", "").split(","))
                        .map(String::trim).filter(t -> !t.isEmpty()).toList(),
                Optional.ofNullable(blankToNull(env.get("KHULASA_SITE_TITLE"))).orElse(DEFAULT_SITE_TITLE),
                intVar(env, "KHULASA_FEED_SIZE", 50),
                zoneVar(env, "KHULASA_TIMEZONE"),
                intVar(env, "KHULASA_RELATED_COUNT", 3),
                Optional.ofNullable(blankToNull(env.get("KHULASA_METRICS_TOKEN"))).map(String::strip),
                choice(env, "KHULASA_HIJRI_DATE", "on or off", "on", value -> switch (value.trim()) {
                    case "on" -> true;
                    case "off" -> false;
                    default -> throw new IllegalArgumentException(value);
                }),
                choice(env, "KHULASA_MONTH_NAMES", "egyptian or levantine", "egyptian", DateStyle.MonthNames::parse),
                choice(env, "KHULASA_DIGITS", "arabic-indic or western", "arabic-indic", DateStyle.Digits::parse),
                intVar(env, "KHULASA_SITEMAP_PAGE_SIZE", 10_000),
                intVar(env, "KHULASA_ARCHIVE_SIZE", 100),
                Arrays.stream(env.getOrDefault("KHULASA_WEBSUB_HUBS", "").split(","))
                        .map(String::trim).filter(t -> !t.isEmpty()).toList(),
                boolVar(env, "KHULASA_WEBSUB_ALLOW_PRIVATE"),
                // Unset: every interface, which a container needs.
                Optional.ofNullable(blankToNull(env.get("KHULASA_HOST"))).map(String::strip),
                intVar(env, "KHULASA_CACHE_MB", 64));
    }

    /** The hubs feeds name: the external ones configured, or the built-in one at /websub. */
    public List<String> advertisedHubs() {
        return webSubHubs.isEmpty() ? List.of(baseUrl + "/websub") : webSubHubs;
    }

    /** How pages write dates. */
    public DateStyle dateStyle() {
        return new DateStyle(timeZone, hijriDates, monthNames, digits);
    }

    /** The memory all rendered feeds and item texts may hold between them. */
    public long cacheBytes() {
        return cacheMb * 1024L * 1024L;
    }

    public String jdbcUrl() {
        return dbUrl.orElseGet(() -> "jdbc:sqlite:" + dataDir.resolve("khulasa.db"));
    }

    private static int intVar(Map<String, String> env, String name, int fallback) {
        String value = blankToNull(env.get(name));
        if (value == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, got '" + value + "'");
        }
    }

    /** The zone pages show dates in (feeds always use UTC); an IANA name such as Asia/Damascus. */
    private static ZoneId zoneVar(Map<String, String> env, String name) {
        String value = blankToNull(env.get(name));
        if (value == null) {
            return ZoneId.of("UTC");
        }
        try {
            return ZoneId.of(value.trim());
        } catch (DateTimeException e) {
            throw new IllegalArgumentException(name + " must be a time zone name like Asia/Damascus or UTC, got '" + value + "'");
        }
    }

    /** One of a few words, {@code allowed} says which; {@code fallback} when unset. */
    private static <T> T choice(Map<String, String> env, String name, String allowed, String fallback, Function<String, T> parse) {
        String value = Optional.ofNullable(blankToNull(env.get(name))).orElse(fallback);
        try {
            return parse.apply(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + " must be " + allowed + ", got '" + value + "'");
        }
    }

    private static boolean boolVar(Map<String, String> env, String name) {
        String value = blankToNull(env.get(name));
        if (value == null || value.trim().equalsIgnoreCase("false")) {
            return false;
        }
        if (value.trim().equalsIgnoreCase("true")) {
            return true;
        }
        throw new IllegalArgumentException(name + " must be true or false, got '" + value + "'");
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static String stripTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
