package org.khulasa.feed;

import java.time.Instant;
import org.khulasa.article.ArticleQuery;
import org.khulasa.article.ArticleStore;
import org.khulasa.article.Author;
import org.khulasa.article.Category;
import org.khulasa.article.Tag;
import org.khulasa.article.Changes;
import org.khulasa.links.SiteLinks;

/**
 * Which articles a feed holds: the whole site, one category or one author. Knows the feed's
 * title, permanent id and URLs, so RSS, Atom and OPML all name a feed the same way.
 */
public record FeedScope(Kind kind, String slug, String name) {

    public enum Kind { SITE, CATEGORY, AUTHOR, TAG }

    public static FeedScope site() {
        return new FeedScope(Kind.SITE, null, null);
    }

    public static FeedScope of(Category category) {
        return new FeedScope(Kind.CATEGORY, category.slug(), category.name());
    }

    public static FeedScope of(Author author) {
        return new FeedScope(Kind.AUTHOR, author.slug(), author.name());
    }

    public static FeedScope of(Tag tag) {
        return new FeedScope(Kind.TAG, tag.slug(), tag.name());
    }

    /** Arabic first: the site's name, then the section or writer. */
    public String title(String siteTitle) {
        return kind == Kind.SITE ? siteTitle : siteTitle + " — " + name;
    }

    public String description(String siteTitle) {
        return switch (kind) {
            case SITE -> "آخر الأخبار من " + siteTitle;
            case CATEGORY -> "آخر أخبار قسم " + name + " من " + siteTitle;
            case AUTHOR -> "آخر ما كتب " + name + " في " + siteTitle;
            case TAG -> "آخر الأخبار عن " + name + " في " + siteTitle;
        };
    }

    public String selfUrl(SiteLinks links, FeedFormat format) {
        return FeedPath.of(this, format).url(links);
    }

    /** The HTML page showing the same articles. */
    public String pageUrl(SiteLinks links) {
        return switch (kind) {
            case SITE -> links.home();
            case CATEGORY -> links.categoryPage(slug);
            case AUTHOR -> links.authorPage(slug);
            case TAG -> links.tagPage(slug);
        };
    }

    /** The feed's permanent id, a {@code tag:} URI (not an article's tags). */
    public String tagUri(SiteLinks links) {
        return links.feedTagUri(switch (kind) {
            case SITE -> "site";
            case CATEGORY -> "category:" + slug;
            case AUTHOR -> "author:" + slug;
            case TAG -> "tag:" + slug;
        });
    }

    /**
     * Whether a write that changed {@code changed} changes the feeds of the scope {@code kind}
     * {@code slug}: the site's, by every write; a category's or author's, by the writes that
     * moved its change time (see {@link #lastChange}).
     */
    public static boolean changedBy(Kind kind, String slug, Changes changed) {
        return switch (kind) {
            // Tag feeds move with the site (see lastChange): a write does not say which tags it changed.
            case SITE, TAG -> true;
            case CATEGORY -> changed.changesCategory(slug);
            case AUTHOR -> changed.changesAuthor(slug);
        };
    }

    /** When a write last changed what this feed shows. */
    public Instant lastChange(ArticleStore store) {
        return switch (kind) {
            case SITE -> store.lastChange();
            case CATEGORY -> store.lastChangeOfCategory(slug);
            case AUTHOR -> store.lastChangeOfAuthor(slug);
            // No change stamp per tag: the site's last write, which may be later than needed, never earlier.
            case TAG -> store.lastChange();
        };
    }

    /** The feed's articles as readers may see them at {@code now}, newest first. */
    public ArticleQuery query(Instant now, int limit) {
        return switch (kind) {
            case SITE -> ArticleQuery.site(now, limit);
            case CATEGORY -> ArticleQuery.ofCategory(slug, now, limit);
            case AUTHOR -> ArticleQuery.ofAuthor(slug, now, limit);
            case TAG -> ArticleQuery.ofTag(slug, now, limit);
        };
    }
}
