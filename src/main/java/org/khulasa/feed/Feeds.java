package org.khulasa.feed;

import java.time.Instant;
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
    /** The largest feed served, in bytes before gzip: Google News takes feeds of up to 2 MB. */
    public static final int MAX_FEED_BYTES = 2_000_000;

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
        this.store = store;
        this.archive = archive;
        this.renderer = new FeedRenderer(links, siteTitle);
        this.links = links;
        this.siteTitle = siteTitle;
        this.size = size;
    }

    /** The category's or author's scope; empty when no such slug was ever posted. */
    public Optional<FeedScope> category(String slug, Instant now) {
        return store.category(slug, now).map(FeedScope::of);
    }

    public Optional<FeedScope> author(String slug, Instant now) {
        return store.author(slug, now).map(FeedScope::of);
    }

    public RenderedFeed render(FeedScope scope, FeedFormat format, Instant now) {
        // Read before the list: a write landing in between then makes this render look older, never newer.
        Instant lastChange = scope.lastChange(store);
        Optional<Instant> staleAt = store.nextScheduledAfter(now);
        List<Article> articles = store.listWithoutTags(scope.query(now, size));
        Instant newest = articles.isEmpty() ? Instant.EPOCH : articles.get(0).published();
        Instant lastModified = lastModified(lastChange, newest, now);
        Map<Long, String> feedIds = archive.feedIds(articles.stream().map(Article::id).toList());
        return new RenderedFeed(boundedRender(scope, format, articles, lastModified, feedIds), lastModified, staleAt);
    }

    /** A scheduled article (or a name it brings) that comes out changes feeds without any write. */
    private Instant lastModified(Instant lastChange, Instant newest, Instant now) {
        Instant comeOut = store.lastComeOut(newest, lastChange, now);
        return comeOut.isAfter(lastChange) ? comeOut : lastChange;
    }

    /**
     * The feed with as many of {@code articles} (newest first) as fit in {@link #MAX_FEED_BYTES}:
     * aggregators refuse larger feeds whole, so the oldest items give way, never the document.
     */
    private byte[] boundedRender(FeedScope scope, FeedFormat format, List<Article> articles, Instant lastModified,
            Map<Long, String> feedIds) {
        List<Article> items = articles;
        byte[] bytes = renderer.render(scope, format, items, lastModified, feedIds);
        while (bytes.length > MAX_FEED_BYTES && !items.isEmpty()) {
            // In proportion to the excess, and at least one: items that are written once are reused here.
            int keep = Math.min(items.size() - 1, (int) ((long) items.size() * MAX_FEED_BYTES / bytes.length));
            items = items.subList(0, Math.max(keep, 0));
            bytes = renderer.render(scope, format, items, lastModified, feedIds);
        }
        return bytes;
    }

    /** Every feed of the site as OPML 2.0. */
    /** Every feed of the site that readers can see at {@code now}, as OPML 2.0. */
    public RenderedFeed opml(Instant now) {
        List<Article> newest = store.listWithoutTags(FeedScope.site().query(now, 1));
        Instant lastModified = lastModified(store.lastChange(), newest.isEmpty() ? Instant.EPOCH : newest.get(0).published(), now);
        Optional<Instant> staleAt = store.nextScheduledAfter(now);
        byte[] bytes = Opml.render(links, siteTitle, store.categories(now), store.authors(now));
        return new RenderedFeed(bytes, lastModified, staleAt);
    }
}
