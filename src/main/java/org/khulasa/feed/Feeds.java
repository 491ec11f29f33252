package org.khulasa.feed;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.khulasa.article.Article;
import org.khulasa.article.ArticleQuery;
import org.khulasa.article.ArticleStore;
import org.khulasa.article.ImportedArchive;
import org.khulasa.article.RelatedLink;
import org.khulasa.links.SiteLinks;

/**
 * Reads a feed's articles from the store and renders them. The caller passes {@code now}, so the
 * server and the reference-feed generator render identically, the latter with a fixed clock.
 */
public final class Feeds {
    /** The largest feed served, in bytes before gzip: Google News takes feeds of up to 2 MB. */
    public static final int MAX_FEED_BYTES = 2_000_000;

    /** Articles (ids) per archive page. */
    public static final int DEFAULT_ARCHIVE_SIZE = 100;

    /** How far ahead of the clock a feed's own date may be ({@link #documentDate}). */
    static final Duration AHEAD_TOLERATED = Duration.ofMinutes(1);

    private final ArticleStore store;
    private final ImportedArchive archive;
    private final FeedRenderer renderer;
    private final JsonFeedRenderer jsonRenderer;
    private final SiteLinks links;
    private final String siteTitle;
    private final int size;
    private final Archives archives;
    private final List<String> hubs;

    public Feeds(ArticleStore store, SiteLinks links, String siteTitle, int size, ZoneId zone) {
        this(store, ImportedArchive.NONE, links, siteTitle, size, zone);
    }

    /**
     * With {@code archive}, imported articles keep the ids their old feeds gave them; corrections
     * show their dates in {@code zone}.
     */
    public Feeds(ArticleStore store, ImportedArchive archive, SiteLinks links, String siteTitle, int size, ZoneId zone) {
        this(store, archive, links, siteTitle, size, DEFAULT_ARCHIVE_SIZE, List.of(links.url("/websub")), zone);
    }

    /**
     * {@code archive}: imported articles keep the ids their old feeds gave them;
     * {@code archiveSize}: ids per archive page (changing it changes every archive URL);
     * {@code hubs}: the WebSub hubs every feed names; {@code zone}: where corrections' dates are read.
     */
    public Feeds(ArticleStore store, ImportedArchive archive, SiteLinks links, String siteTitle, int size,
            int archiveSize, List<String> hubs, ZoneId zone) {
        this(store, archive, links, siteTitle, size, archiveSize, hubs, zone, ItemTextCache.DEFAULT_BUDGET);
    }

    /** As above; {@code itemTextBytes}: the memory the texts of recently rendered items may hold. */
    public Feeds(ArticleStore store, ImportedArchive archive, SiteLinks links, String siteTitle, int size,
            int archiveSize, List<String> hubs, ZoneId zone, long itemTextBytes) {
        this.store = store;
        this.archive = archive;
        ItemTextCache itemTexts = new ItemTextCache(links, zone, itemTextBytes);
        this.renderer = new FeedRenderer(links, siteTitle, itemTexts);
        this.jsonRenderer = new JsonFeedRenderer(links, siteTitle, itemTexts);
        this.links = links;
        this.siteTitle = siteTitle;
        this.size = size;
        this.archives = new Archives(store::archive, archiveSize);
        this.hubs = List.copyOf(hubs);
    }

    /** The category's or author's scope; empty when no such slug was ever posted. */
    public Optional<FeedScope> category(String slug, Instant now) {
        return store.category(slug, now).map(FeedScope::of);
    }

    public Optional<FeedScope> author(String slug, Instant now) {
        return store.author(slug, now).map(FeedScope::of);
    }

    public Optional<FeedScope> tag(String slug, Instant now) {
        return store.tag(slug, now).map(FeedScope::of);
    }

    /** When a write last changed what the scope's feeds show. */
    public Instant lastChange(FeedScope scope) {
        return scope.lastChange(store);
    }

    public RenderedFeed render(FeedScope scope, FeedFormat format, Instant now) {
        // Read before the list: a write landing in between then makes this render look older, never newer.
        Instant lastChange = scope.lastChange(store);
        Optional<Instant> staleAt = store.nextScheduledAfter(now);
        // JSON Feed carries each item's tags; RSS and Atom don't, and skip reading them.
        ArticleQuery query = scope.query(now, size);
        List<Article> articles = store.list(format == FeedFormat.JSON ? query : query.withoutTags());
        Instant newest = articles.stream().map(a -> a.content().published()).max(Comparator.naturalOrder())
                .orElse(Instant.EPOCH);
        Instant lastModified = lastModified(lastChange, newest, now);
        OptionalLong newestPage = archives.newest(scope, now);
        DocumentLinks history = DocumentLinks.current(scope.selfUrl(links, format), hubs,
                newestPage.isPresent() ? archiveUrl(scope, newestPage.getAsLong(), format) : null);
        Instant dated = documentDate(lastModified, now);
        // Dated now, the feed goes stale once its stamp is close enough to be its date: from then on
        // every render (on any instance, after any restart) gives the same bytes, and so the same ETag.
        Instant closeEnough = lastModified.minus(AHEAD_TOLERATED);
        Optional<Instant> stale = dated.equals(lastModified) ? staleAt
                : Optional.of(staleAt.filter(at -> at.isBefore(closeEnough)).orElse(closeEnough));
        return new RenderedFeed(boundedRender(scope, format, articles, dated, history), lastModified, stale,
                RenderedFeed.POLLED, history.linkHeader());
    }

    /**
     * The feed's own date (RSS lastBuildDate, Atom updated): the last change, unless that is more
     * than {@link #AHEAD_TOLERATED} ahead of now, when it is now. Change stamps run a second ahead
     * per write in a burst (so that If-Modified-Since tells every change apart): seconds after a
     * write or a burst, which harm no reader and leave the bytes as the first render made them; but
     * an import stamps each batch and each page of related lists, minutes ahead for a large archive,
     * and a feed dated that far in the future confuses readers and validators.
     */
    static Instant documentDate(Instant lastModified, Instant now) {
        Instant clock = now.truncatedTo(ChronoUnit.SECONDS);
        return lastModified.isAfter(clock.plus(AHEAD_TOLERATED)) ? clock : lastModified;
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
            DocumentLinks history) {
        List<Article> items = articles;
        byte[] bytes = bytes(scope, format, items, lastModified, history);
        while (bytes.length > MAX_FEED_BYTES && !items.isEmpty()) {
            // In proportion to the excess, and at least one: items that are written once are reused here.
            int keep = Math.min(items.size() - 1, (int) ((long) items.size() * MAX_FEED_BYTES / bytes.length));
            items = items.subList(0, Math.max(keep, 0));
            bytes = bytes(scope, format, items, lastModified, history);
        }
        return bytes;
    }

    /**
     * Archive page {@code page} of the scope's feed (RFC 5005); empty when it holds none of the
     * scope's articles. Its document dates come from its own articles, so a closed page keeps
     * its bytes while newer articles are posted; its Last-Modified follows every write to the scope.
     */
    public Optional<RenderedFeed> renderArchive(FeedScope scope, FeedFormat format, long page, Instant now) {
        Instant lastChange = scope.lastChange(store);
        Optional<Instant> staleAt = store.nextScheduledAfter(now);
        List<Article> articles = archives.ids(scope, page, now).stream()
                .map(id -> store.find(id, now)).flatMap(Optional::stream).toList();
        if (articles.isEmpty()) {
            return Optional.empty();
        }
        Instant updated = articles.stream().map(Article::updated).max(Comparator.naturalOrder()).orElseThrow();
        OptionalLong before = archives.before(scope, page, now);
        OptionalLong after = archives.after(scope, page, now);
        DocumentLinks history = new DocumentLinks(archiveUrl(scope, page, format), List.of(), scope.selfUrl(links, format),
                before.isPresent() ? archiveUrl(scope, before.getAsLong(), format) : null,
                after.isPresent() ? archiveUrl(scope, after.getAsLong(), format) : null, true);
        Instant newest = articles.stream().map(a -> a.content().published()).max(Comparator.naturalOrder()).orElseThrow();
        Instant lastModified = lastModified(lastChange, newest, now);
        return Optional.of(new RenderedFeed(bytes(scope, format, articles, updated, history), lastModified, staleAt,
                archives.isClosed(page) ? RenderedFeed.CLOSED_ARCHIVE : RenderedFeed.POLLED, null));
    }

    private byte[] bytes(FeedScope scope, FeedFormat format, List<Article> articles, Instant lastModified,
            DocumentLinks history) {
        // JSON Feed also names related articles by id; XML feeds only link to them.
        Map<Long, String> feedIds = archive.feedIds(articles.stream()
                .flatMap(a -> Stream.concat(Stream.of(a.id()), a.related().stream().map(RelatedLink::id)))
                .distinct().toList());
        return format == FeedFormat.JSON
                ? jsonRenderer.render(scope, articles, feedIds, history)
                : renderer.render(scope, format, articles, lastModified, feedIds, history);
    }

    private String archiveUrl(FeedScope scope, long page, FeedFormat format) {
        return FeedPath.archive(scope, page, format).url(links);
    }

    /** Every feed of the site that readers can see at {@code now}, as OPML 2.0. */
    public RenderedFeed opml(Instant now) {
        List<Article> newest = store.list(FeedScope.site().query(now, 1).withoutTags());
        Instant lastModified = lastModified(store.lastChange(),
                newest.isEmpty() ? Instant.EPOCH : newest.get(0).content().published(), now);
        byte[] bytes = Opml.render(links, siteTitle, store.categories(now), store.authors(now), store.tags(now));
        // A scheduled article coming out may bring a category, an author or a tag in.
        return new RenderedFeed(bytes, lastModified, store.nextScheduledAfter(now));
    }
}
