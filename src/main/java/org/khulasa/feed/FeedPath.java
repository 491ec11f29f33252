package org.khulasa.feed;

import org.khulasa.links.SiteLinks;

/**
 * Where a feed is served: the one place that knows the shape of a feed's URL. The route table
 * registers {@link #route}, pages, OPML and self links use {@link #url}, and the feed cache files
 * a rendered feed under {@link #cacheKey}, the very path pollers request, so a poll can be looked
 * up before any routing.
 */
public record FeedPath(String path) {
    /** Every feed is served under this prefix, and nothing else is. */
    private static final String PREFIX = "/feeds/";

    public static final FeedPath OPML = new FeedPath(PREFIX + "index.opml");

    public static FeedPath of(FeedScope scope, FeedFormat format) {
        return of(scope.kind(), scope.slug(), format);
    }

    /** {@code slug} is unused for the site's feeds. */
    public static FeedPath of(FeedScope.Kind kind, String slug, FeedFormat format) {
        return new FeedPath(switch (kind) {
            case SITE -> PREFIX + format.fileName();
            case CATEGORY -> PREFIX + "category/" + slug + "/" + format.fileName();
            case AUTHOR -> PREFIX + "author/" + slug + "/" + format.fileName();
            case TAG -> PREFIX + "tag/" + slug + "/" + format.fileName();
        });
    }

    /**
     * Archive page {@code page} (RFC 5005) of a feed: its directory, then {@code archive/PAGE/}, then
     * the format's file name ({@code /feeds/category/politics/archive/3/atom.xml}).
     */
    public static FeedPath archive(FeedScope.Kind kind, String slug, String page, FeedFormat format) {
        String current = of(kind, slug, format).path();
        return new FeedPath(current.substring(0, current.length() - format.fileName().length())
                + "archive/" + page + "/" + format.fileName());
    }

    public static FeedPath archive(FeedScope scope, long page, FeedFormat format) {
        return archive(scope.kind(), scope.slug(), String.valueOf(page), format);
    }

    /** The route of one kind of archive page, with Javalin's {@code {slug}} and {@code {page}} path parameters. */
    public static String archiveRoute(FeedScope.Kind kind, FeedFormat format) {
        return archive(kind, "{slug}", "{page}", format).path();
    }

    /** The route of one kind of feed, with Javalin's {@code {slug}} path parameter. */
    public static String route(FeedScope.Kind kind, FeedFormat format) {
        return of(kind, "{slug}", format).path();
    }

    /** The cache key a request path has, if it is a feed's path at all; null otherwise. */
    public static String cacheKeyOf(String requestPath) {
        return requestPath.startsWith(PREFIX) ? requestPath : null;
    }

    public String url(SiteLinks links) {
        return links.url(path);
    }

    public String cacheKey() {
        return path;
    }
}
