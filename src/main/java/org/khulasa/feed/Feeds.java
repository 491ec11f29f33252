package org.khulasa.feed;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.khulasa.article.Article;
import org.khulasa.article.ArticleStore;
import org.khulasa.article.ImportedArchive;
import org.khulasa.links.SiteLinks;

/**
 * Reads a feed's articles from the store and renders them. The caller passes {@code now}, so the
 * server and the reference-feed generator render identically, the latter with a fixed clock.
 */
public final class Feeds {
    private final ArticleStore store;
    private final ImportedArchive archive;
    private final FeedRenderer renderer;
    private final SiteLinks links;
    private final String siteTitle;
    private final int size;

    public Feeds(ArticleStore store, SiteLinks links, String siteTitle, int size) {
        this(store, ImportedArchive.NONE, links, siteTitle, size);
    }

    /** With {@code archive}, imported articles keep the ids their old feeds gave them. */
    public Feeds(ArticleStore store, ImportedArchive archive, SiteLinks links, String siteTitle, int size) {
        this(store, archive, links, siteTitle, size, ItemTextCache.DEFAULT_BUDGET);
    }

    /** {@code itemTextBytes}: the memory the texts of recently rendered items may hold. */
    public Feeds(ArticleStore store, ImportedArchive archive, SiteLinks links, String siteTitle, int size,
                 long itemTextBytes) {
        this.store = store;
        this.archive = archive;
        this.renderer = new FeedRenderer(links, siteTitle, itemTextBytes);
        this.links = links;
        this.siteTitle = siteTitle;
        this.size = size;
    }

    /** The category's or author's scope; empty when no such slug was ever posted. */
    public Optional<FeedScope> category(String slug) {
        return store.category(slug).map(FeedScope::of);
    }

    public Optional<FeedScope> author(String slug) {
        return store.author(slug).map(FeedScope::of);
    }

    public Optional<FeedScope> tag(String slug) {
        return store.tag(slug).map(FeedScope::of);
    }

    public RenderedFeed render(FeedScope scope, FeedFormat format, Instant now) {
        // Read before the list: a write landing in between then makes this render look older, never newer.
        Instant lastChange = scope.lastChange(store);
        Optional<Instant> staleAt = store.nextScheduledAfter(now);
        List<Article> articles = store.listWithoutTags(scope.query(now, size));
        // A scheduled article that comes out changes the feed without any write.
        Instant newest = articles.stream().map(Article::published).max(Comparator.naturalOrder()).orElse(Instant.EPOCH);
        Instant lastModified = newest.isAfter(lastChange) ? newest : lastChange;
        Map<Long, String> feedIds = archive.feedIds(articles.stream().map(Article::id).toList());
        return new RenderedFeed(renderer.render(scope, format, articles, lastModified, feedIds), lastModified, staleAt);
    }

    /** Every feed of the site as OPML 2.0. */
    public RenderedFeed opml(Instant now) {
        Instant lastChange = store.lastChange();
        byte[] bytes = Opml.render(links, siteTitle, store.categories(), store.authors(), store.tags(now));
        // A scheduled article coming out may bring a tag in.
        return new RenderedFeed(bytes, lastChange, store.nextScheduledAfter(now));
    }
}
