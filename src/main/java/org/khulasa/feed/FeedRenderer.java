package org.khulasa.feed;

import com.rometools.rome.feed.WireFeed;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Generator;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.feed.module.DCModule;
import com.rometools.rome.feed.module.Module;
import com.rometools.rome.feed.rss.Channel;
import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndCategoryImpl;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.feed.synd.SyndPersonImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.WireFeedOutput;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.Namespace;
import org.jdom2.output.Format;
import org.jdom2.output.XMLOutputter;
import org.khulasa.article.Article;
import org.khulasa.article.Author;
import org.khulasa.article.RelatedLink;
import org.khulasa.article.RtlText;
import org.khulasa.links.SiteLinks;

/**
 * Renders a feed as RSS 2.0 or Atom 1.0 bytes (UTF-8, not pretty-printed). The same articles
 * and {@code lastModified} always give the same bytes: nothing here reads the clock.
 *
 * <p>Rome builds the document; what it cannot say is added through its own extension points:
 * the Atom-link and Media RSS modules for RSS, and the JDOM document for what Atom lacks
 * ({@code xml:lang}, millisecond times, category labels).
 */
public final class FeedRenderer {
    /** Minutes an RSS poller may wait between polls; matches the HTTP max-age order of size. */
    static final int TTL_MINUTES = 15;
    static final String GENERATOR = "Khulasa";

    private static final Namespace ATOM = Namespace.getNamespace("http://www.w3.org/2005/Atom");
    private static final Namespace DC = Namespace.getNamespace("http://purl.org/dc/elements/1.1/");
    private static final WireFeedOutput OUTPUT = new WireFeedOutput();
    /** RSS dates as Rome writes them, in the proleptic Gregorian calendar. */
    private static final DateTimeFormatter RFC_822 =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", java.util.Locale.US).withZone(java.time.ZoneOffset.UTC);

    private final SiteLinks links;
    private final String siteTitle;
    private final ItemTextCache itemTextCache;

    /** {@code zone} dates corrections as the newsroom reads them; feed times stay UTC. */
    public FeedRenderer(SiteLinks links, String siteTitle, ZoneId zone) {
        this(links, siteTitle, new ItemTextCache(links, zone, ItemTextCache.DEFAULT_BUDGET));
    }

    /** Sharing {@code itemTextCache} with the JSON Feed renderer: both carry the same item HTML. */
    FeedRenderer(SiteLinks links, String siteTitle, ItemTextCache itemTextCache) {
        this.links = links;
        this.siteTitle = siteTitle;
        this.itemTextCache = itemTextCache;
    }

    /**
     * {@code articles} newest first; {@code lastModified} becomes lastBuildDate / the feed's updated;
     * {@code feedIds} holds the ids imported articles had in their old site's feeds (RSS guid, Atom id),
     * which they keep so that subscribers see no item twice; {@code history} gives the self link and
     * the archive links.
     */
    public byte[] render(FeedScope scope, FeedFormat format, List<Article> articles, Instant lastModified,
            Map<Long, String> feedIds, DocumentLinks history) {
        List<ItemTextCache.Item> items = articles.stream().map(itemTextCache::of).toList();
        // A SyndFeed is not safe to share or reuse (rendering moves its foreign markup): a fresh one each time.
        WireFeed wire = syndFeed(scope, format, articles, items, lastModified, feedIds, history.self()).createWireFeed();
        Document doc;
        List<Element> itemElements;
        if (wire instanceof Channel channel) {
            channel.setTtl(TTL_MINUTES);
            channel.setGenerator(GENERATOR);
            channel.setLastBuildDate(Date.from(lastModified));
            doc = jdom(channel);
            Element channelElement = doc.getRootElement().getChild("channel");
            finishRss(channelElement, articles, lastModified);
            LinkMarkup.add(channelElement, format, history, format.mediaType());
            itemElements = channelElement.getChildren("item");
        } else {
            Feed atom = (Feed) wire;
            Generator generator = new Generator();
            generator.setValue(GENERATOR);
            atom.setGenerator(generator);
            doc = jdom(atom);
            finishAtom(doc.getRootElement(), articles, lastModified);
            LinkMarkup.add(doc.getRootElement(), format, history, format.mediaType());
            itemElements = doc.getRootElement().getChildren("entry", ATOM);
        }
        Map<Element, ItemTextCache.Item> itemOf = new IdentityHashMap<>();
        for (int i = 0; i < itemElements.size(); i++) {
            itemOf.put(itemElements.get(i), items.get(i));
        }
        return serialize(doc, new ItemCachingOutput(format, itemOf));
    }

    private SyndFeed syndFeed(FeedScope scope, FeedFormat format, List<Article> articles, List<ItemTextCache.Item> items,
            Instant lastModified, Map<Long, String> feedIds, String self) {
        SyndFeed feed = new SyndFeedImpl();
        feed.setFeedType(format.romeType());
        feed.setEncoding("UTF-8");
        String title = FeedTitle.isolated(scope.title(siteTitle));
        feed.setTitle(format == FeedFormat.RSS ? RssText.inert(title) : title);
        feed.setDescription(scope.description(siteTitle));
        feed.setLink(scope.pageUrl(links));
        feed.setUri(scope.tagUri(links));
        feed.setPublishedDate(Date.from(lastModified));
        if (format == FeedFormat.RSS) {
            feed.setLanguage("ar");
            // Added beside Rome's Dublin Core module, which carries the language.
            List<Module> modules = new ArrayList<>(feed.getModules());
            modules.add(FeedLinks.atomLinks(List.of(FeedLinks.rss("self", self, "application/rss+xml", null))));
            feed.setModules(modules);
        } else {
            feed.setLinks(List.of(
                    FeedLinks.synd("self", self, "application/atom+xml", null),
                    FeedLinks.synd("alternate", scope.pageUrl(links), "text/html", null)));
            // RFC 4287 wants a feed author unless every entry has one; an empty feed has none.
            boolean byAuthor = scope.kind() == FeedScope.Kind.AUTHOR;
            feed.setAuthors(List.of(person(byAuthor ? scope.name() : siteTitle,
                    byAuthor ? scope.pageUrl(links) : links.home())));
        }
        List<SyndEntry> entries = new ArrayList<>(articles.size());
        for (int i = 0; i < articles.size(); i++) {
            Article article = articles.get(i);
            entries.add(entry(article, items.get(i), format, feedIds.getOrDefault(article.id(), links.articleTagUri(article.id()))));
        }
        feed.setEntries(entries);
        return feed;
    }

    private SyndEntry entry(Article article, ItemTextCache.Item texts, FeedFormat format, String id) {
        SyndEntry entry = new SyndEntryImpl();
        entry.setUri(id);
        String title = FeedTitle.isolated(article.content().title());
        entry.setTitle(format == FeedFormat.RSS ? RssText.inert(title) : title);
        entry.setLink(links.article(article.id()));
        entry.setPublishedDate(Date.from(article.content().published()));
        entry.setUpdatedDate(Date.from(article.updated()));
        entry.setContents(List.of(content("html", texts.contentHtml())));

        SyndCategory category = new SyndCategoryImpl();
        List<Module> modules = new ArrayList<>();
        if (format == FeedFormat.RSS) {
            // RSS readers show dc:creator, one per byline; Rome drops an RSS author without an e-mail address.
            ((DCModule) entry.getModule(DCModule.URI)).setCreators(
                    article.content().authors().stream().map(a -> RssText.inert(a.name())).toList());
            category.setName(RssText.inert(article.content().category().name()));
            // RSS <description> is HTML: plain text with < or & must arrive as text, not markup.
            entry.setDescription(content("text/html", texts.rssSummary()));
            List<Link> related = new ArrayList<>();
            for (RelatedLink r : article.related()) {
                related.add(FeedLinks.rss("related", links.article(r.id()), "text/html", RtlText.title(r.title())));
            }
            if (!related.isEmpty()) {
                modules.add(FeedLinks.atomLinks(related));
            }
        } else {
            entry.setAuthors(article.content().authors().stream()
                    .map(a -> person(a.name(), links.authorPage(a.slug()))).toList());
            // The term; the Arabic label is added in finishAtom.
            category.setName(article.content().category().slug());
            entry.setDescription(content("text", texts.summary()));
            List<SyndLink> entryLinks = new ArrayList<>();
            entryLinks.add(FeedLinks.synd("alternate", links.article(article.id()), "text/html", null));
            for (RelatedLink r : article.related()) {
                entryLinks.add(FeedLinks.synd("related", links.article(r.id()), "text/html", RtlText.title(r.title())));
            }
            if (article.image() != null) {
                entryLinks.add(FeedImages.atomEnclosure(article.image()));
            }
            entry.setLinks(entryLinks);
        }
        entry.setCategories(List.of(category));
        if (article.image() != null) {
            modules.add(FeedImages.media(article.image(), format == FeedFormat.RSS));
            if (format == FeedFormat.RSS) {
                entry.setEnclosures(FeedImages.rssEnclosures(article.image()));
            }
        }
        if (!modules.isEmpty()) {
            List<Module> all = new ArrayList<>(entry.getModules());
            all.addAll(modules);
            entry.setModules(all);
        }
        return entry;
    }

    /**
     * Rome repeats the language and date in Dublin Core, which the validator flags beside language
     * and pubDate. Rome formats RFC 822 dates with java.util's calendar (Julian before 1582): they
     * are written again here with java.time's, the calendar of Atom, pages and HTTP dates.
     */
    private static void finishRss(Element channel, List<Article> articles, Instant lastModified) {
        channel.removeChildren("language", DC);
        channel.removeChildren("date", DC);
        channel.getChild("pubDate").setText(RFC_822.format(lastModified));
        channel.getChild("lastBuildDate").setText(RFC_822.format(lastModified));
        List<Element> items = channel.getChildren("item");
        for (int i = 0; i < items.size(); i++) {
            Element item = items.get(i);
            item.setAttribute("lang", "ar", Namespace.XML_NAMESPACE);
            item.getChild("pubDate").setText(RFC_822.format(articles.get(i).content().published()));
        }
    }

    /** What Atom needs and Rome does not write: language, millisecond times, category labels. */
    private static void finishAtom(Element feed, List<Article> articles, Instant lastModified) {
        feed.setAttribute("lang", "ar", Namespace.XML_NAMESPACE);
        // Rome's Dublin Core copy of the dates: readers such as feedparser let dc:date override atom:updated.
        feed.removeChildren("date", DC);
        feed.getChild("updated", ATOM).setText(iso(lastModified));
        List<Element> entries = feed.getChildren("entry", ATOM);
        for (int i = 0; i < entries.size(); i++) {
            Element entry = entries.get(i);
            Article article = articles.get(i);
            entry.setAttribute("lang", "ar", Namespace.XML_NAMESPACE);
            entry.removeChildren("date", DC);
            // Rome writes whole seconds; two entries edited within one second would then share `updated`.
            entry.getChild("published", ATOM).setText(iso(article.content().published()));
            entry.getChild("updated", ATOM).setText(iso(article.updated()));
            entry.getChild("category", ATOM).setAttribute("label", article.content().category().name());
        }
    }

    private static SyndPerson person(String name, String uri) {
        SyndPerson person = new SyndPersonImpl();
        person.setName(name);
        person.setUri(uri);
        return person;
    }

    private static SyndContent content(String type, String value) {
        SyndContent content = new SyndContentImpl();
        content.setType(type);
        content.setValue(value);
        return content;
    }

    private static String iso(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant);
    }

    private static Document jdom(WireFeed wire) {
        try {
            return OUTPUT.outputJDom(wire);
        } catch (FeedException e) {
            throw new IllegalStateException("Rome refused the feed " + wire.getFeedType(), e);
        }
    }

    private static byte[] serialize(Document doc, ItemCachingOutput output) {
        // Raw format: pretty-printing would re-indent, and so alter, the content.
        XMLOutputter outputter = new XMLOutputter(Format.getRawFormat().setEncoding("UTF-8"), output);
        Utf8Text text = new Utf8Text(256 * 1024);
        try {
            outputter.output(doc, text);
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory failed", e);
        }
        return text.toByteArray();
    }
}
