package org.khulasa.links;

import java.net.URI;

/**
 * The public URLs of pages and articles, and the permanent ids the site hands out, built from
 * {@code KHULASA_BASE_URL} (a feed's URL comes from {@code FeedPath}, which also names its route and
 * cache entry). Ids are {@code tag:} URIs (RFC 4151) that depend only on the host and the
 * article's number, so an edit never changes them.
 */
public final class SiteLinks {
    private static final String TAG_DATE = "2026";

    private final String base;
    private final String tagAuthority;

    public SiteLinks(String baseUrl) {
        this.base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        String host = URI.create(this.base).getHost();
        this.tagAuthority = host == null ? "localhost" : host;
    }

    /** The absolute URL of a path of this site ({@code /feeds/rss.xml}). */
    public String url(String path) {
        return base + path;
    }

    public String home() {
        return base + "/";
    }

    public String article(long id) {
        return base + "/articles/" + id;
    }

    public String apiArticle(long id) {
        return "/api/articles/" + id;
    }

    public String categoryPage(String slug) {
        return base + "/category/" + slug;
    }

    public String authorPage(String slug) {
        return base + "/author/" + slug;
    }

    public String tagPage(String slug) {
        return base + "/tag/" + slug;
    }

    /** The site search page; {@code q} and {@code page} go in its query. */
    public String search() {
        return base + "/search";
    }

    public String articleTagUri(long id) {
        return "tag:" + tagAuthority + "," + TAG_DATE + ":article:" + id;
    }

    public String feedTagUri(String scope) {
        return "tag:" + tagAuthority + "," + TAG_DATE + ":feed:" + scope;
    }
}
