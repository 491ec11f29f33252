package org.khulasa.feed;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.Namespace;
import org.jdom2.output.Format;
import org.jdom2.output.XMLOutputter;
import org.khulasa.article.ArticleStamp;
import org.khulasa.article.ArticleStore;
import org.khulasa.article.IdBlock;
import org.khulasa.links.SiteLinks;

/**
 * What crawlers read: {@code /sitemap.xml}, an index of sitemap pages that together list every
 * published article (page n holds a fixed block of ids, so its URL never changes); {@code
 * /news-sitemap.xml}, Google News' list of the last two days' articles; and {@code /robots.txt}
 * announcing both. Rendered like feeds, to be cached until the next write or scheduled article.
 * {@code pageSize} ids make a sitemap page (the protocol allows 50,000 URLs).
 * None is ever empty, which the protocol's schemas forbid: a site with no published article lists
 * its home page (in page 1), and a news sitemap with no article of the last two days lists the
 * newest one without its news tags, as Google News asks of articles older than that.
 */
public record Sitemaps(ArticleStore store, SiteLinks links, String siteTitle, int pageSize) {
    public static final String INDEX_PATH = "/sitemap.xml";
    public static final String NEWS_PATH = "/news-sitemap.xml";
    public static final String ROBOTS_PATH = "/robots.txt";
    /** Javalin's route of a sitemap page; {@link #pagePath} builds one. */
    public static final String PAGE_ROUTE = "/sitemaps/{page}";
    /** Google News reads articles of the last two days, at most a thousand of them. */
    static final Duration NEWS_WINDOW = Duration.ofDays(2);
    static final int NEWS_LIMIT = 1000;

    private static final Namespace SITEMAP = Namespace.getNamespace("http://www.sitemaps.org/schemas/sitemap/0.9");
    private static final Namespace NEWS = Namespace.getNamespace("news", "http://www.google.com/schemas/sitemap-news/0.9");

    /** {@code /sitemaps/1.xml}: the page of ids 1 to the page size. */
    public static String pagePath(long page) {
        return "/sitemaps/" + page + ".xml";
    }

    public RenderedFeed index(Instant now) {
        Instant lastChange = store.lastChange();
        Optional<Instant> staleAt = store.nextScheduledAfter(now);
        List<IdBlock> blocks = store.publishedIdBlocks(pageSize, now);
        Element index = new Element("sitemapindex", SITEMAP);
        for (IdBlock block : blocks) {
            index.addContent(new Element("sitemap", SITEMAP)
                    .addContent(text("loc", SITEMAP, links.url(pagePath(block.index() + 1))))
                    .addContent(text("lastmod", SITEMAP, w3c(block.lastModified()))));
        }
        if (blocks.isEmpty()) {
            index.addContent(new Element("sitemap", SITEMAP).addContent(text("loc", SITEMAP, links.url(pagePath(1)))));
        }
        return rendered(index, latest(lastChange, blocks.stream().map(IdBlock::lastModified).toList()), staleAt);
    }

    /** Page {@code page} (from 1); empty when it holds no published article (page 1 of a site with none: its home). */
    public Optional<RenderedFeed> page(long page, Instant now) {
        if (page < 1 || page > Long.MAX_VALUE / pageSize) {
            return Optional.empty();
        }
        Instant lastChange = store.lastChange();
        Optional<Instant> staleAt = store.nextScheduledAfter(now);
        long first = (page - 1) * pageSize + 1;
        List<ArticleStamp> articles = store.publishedStamps(first, first + pageSize - 1, now);
        if (articles.isEmpty()) {
            return page == 1 && store.publishedIdBlocks(pageSize, now).isEmpty()
                    ? Optional.of(rendered(homeOnly(), lastChange, staleAt))
                    : Optional.empty();
        }
        Element urlset = new Element("urlset", SITEMAP);
        for (ArticleStamp article : articles) {
            urlset.addContent(new Element("url", SITEMAP)
                    .addContent(text("loc", SITEMAP, links.article(article.id())))
                    .addContent(text("lastmod", SITEMAP, w3c(modified(article)))));
        }
        return Optional.of(rendered(urlset, latest(lastChange, articles.stream().map(Sitemaps::modified).toList()), staleAt));
    }

    /**
     * The articles published in the last two days. With none, the newest article without news tags
     * (Google News' way of saying it is older), or the home page on a site with none.
     */
    public RenderedFeed news(Instant now) {
        Instant lastChange = store.lastChange();
        Instant since = now.minus(NEWS_WINDOW);
        List<ArticleStamp> articles = store.publishedSince(since, now, NEWS_LIMIT);
        // Stale when the next scheduled article comes out, or when the oldest one listed turns two days old.
        Optional<Instant> staleAt = store.nextScheduledAfter(now);
        if (!articles.isEmpty()) {
            Instant leaves = articles.get(articles.size() - 1).published().plus(NEWS_WINDOW).plusMillis(1);
            staleAt = Optional.of(staleAt.filter(s -> s.isBefore(leaves)).orElse(leaves));
        }
        Element urlset = new Element("urlset", SITEMAP);
        urlset.addNamespaceDeclaration(NEWS);
        for (ArticleStamp article : articles) {
            Element publication = new Element("publication", NEWS)
                    .addContent(text("name", NEWS, siteTitle))
                    .addContent(text("language", NEWS, "ar"));
            Element news = new Element("news", NEWS)
                    .addContent(publication)
                    .addContent(text("publication_date", NEWS, w3c(article.published())))
                    .addContent(text("title", NEWS, article.title()));
            urlset.addContent(new Element("url", SITEMAP)
                    .addContent(text("loc", SITEMAP, links.article(article.id())))
                    .addContent(news));
        }
        if (articles.isEmpty()) {
            List<ArticleStamp> newest = store.publishedSince(Instant.ofEpochMilli(Long.MIN_VALUE), now, 1);
            if (newest.isEmpty()) {
                return rendered(homeOnly(), lastChange, staleAt);
            }
            urlset.addContent(new Element("url", SITEMAP).addContent(text("loc", SITEMAP, links.article(newest.get(0).id()))));
        }
        return rendered(urlset, latest(lastChange, articles.stream().map(Sitemaps::modified).toList()), staleAt);
    }

    private Element homeOnly() {
        return new Element("urlset", SITEMAP).addContent(new Element("url", SITEMAP).addContent(text("loc", SITEMAP, links.home())));
    }

    /** Crawlers may read everything but the editors' API; the two sitemaps are announced. */
    public RenderedFeed robots() {
        String text = "User-agent: *\nDisallow: /api/\n\n"
                + "Sitemap: " + links.url(INDEX_PATH) + "\n"
                + "Sitemap: " + links.url(NEWS_PATH) + "\n";
        return new RenderedFeed(text.getBytes(StandardCharsets.UTF_8), Instant.EPOCH, Optional.empty());
    }

    private static Instant modified(ArticleStamp article) {
        return article.updated().isAfter(article.published()) ? article.updated() : article.published();
    }

    /**
     * When the document last changed: the last write (read before the list, so a write landing in
     * between makes it look older, never newer), or a scheduled article coming out since.
     */
    private static Instant latest(Instant lastChange, List<Instant> times) {
        Instant newest = times.stream().max(Comparator.naturalOrder()).orElse(Instant.EPOCH);
        return newest.isAfter(lastChange) ? newest : lastChange;
    }

    /** W3C Datetime, as the protocol asks: whole seconds in UTC. */
    private static String w3c(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private static Element text(String name, Namespace ns, String value) {
        return new Element(name, ns).setText(value);
    }

    private static RenderedFeed rendered(Element root, Instant lastModified, Optional<Instant> staleAt) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            new XMLOutputter(Format.getRawFormat().setEncoding("UTF-8")).output(new Document(root), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory failed", e);
        }
        return new RenderedFeed(bytes.toByteArray(), lastModified, staleAt);
    }
}
