package org.khulasa.feed;

import java.net.URI;

/**
 * Every public URL and permanent id the site hands out, built from {@code KHULASA_BASE_URL}.
 * Ids are {@code tag:} URIs (RFC 4151) that depend only on the host and the article's number, so
 * an edit never changes them.
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

    public String base() {
        return base;
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

    public String siteFeed(FeedFormat format) {
        return base + "/feeds/" + format.fileName();
    }

    public String categoryFeed(String slug, FeedFormat format) {
        return base + "/feeds/category/" + slug + "/" + format.fileName();
    }

    public String authorFeed(String slug, FeedFormat format) {
        return base + "/feeds/author/" + slug + "/" + format.fileName();
    }

    public String opml() {
        return base + "/feeds/index.opml";
    }

    public String articleTag(long id) {
        return "tag:" + tagAuthority + "," + TAG_DATE + ":article:" + id;
    }

    public String feedTag(String scope) {
        return "tag:" + tagAuthority + "," + TAG_DATE + ":feed:" + scope;
    }
}
