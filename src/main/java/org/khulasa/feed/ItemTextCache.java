package org.khulasa.feed;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.ZoneId;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Entities;
import org.khulasa.article.Article;
import org.khulasa.article.DisplayText;
import org.khulasa.links.SiteLinks;

/**
 * A cache of the parts of a feed item that depend on its article alone: the content HTML and the summary
 * (the two jsoup passes of a render), and the item's XML as last written. A write drops the
 * cached feeds it changed, yet changes one or a few of their articles; keeping these for the
 * articles rendered lately makes the next render redo only those. The key is the whole article as
 * read (body, related titles, update time and all), so any change to it is a different key: an
 * entry is never stale, only unused until evicted. Bounded in bytes (Caffeine, each entry weighed
 * by its texts and the XML copies it will hold).
 */
final class ItemTextCache {
    /** Room for the items of a few dozen 50-item feeds (about 6 KB each), so rendering each in turn still hits. */
    static final long DEFAULT_BUDGET = 16L * 1024 * 1024;
    /** The key (an article, with its body), the Item and its map, besides the texts. */
    private static final int ENTRY_OVERHEAD = 512;

    private static final int EXCERPT_CHARS = 300;

    private final SiteLinks links;
    private final ZoneId zone;
    private final Cache<Article, Item> recent;

    ItemTextCache(SiteLinks links, ZoneId zone, long budgetBytes) {
        this.links = links;
        this.zone = zone;
        this.recent = Caffeine.newBuilder()
                .maximumWeight(budgetBytes)
                .weigher((Article article, Item item) -> weight(article, item))
                .executor(Runnable::run)
                .build();
    }

    Item of(Article article) {
        Item known = recent.getIfPresent(article);
        if (known != null) {
            return known;
        }
        // Made outside the cache: two renders of one new article may both make it, and get equal items.
        Item made = new Item(ContentHtml.of(article, links, zone), summaryOf(article));
        Item raced = recent.asMap().putIfAbsent(article, made);
        return raced != null ? raced : made;
    }

    /** The bytes held, as the entries weigh them. */
    long weightedBytes() {
        recent.cleanUp();
        return recent.policy().eviction().orElseThrow().weightedSize().orElseThrow();
    }

    /**
     * Strings of Arabic take two bytes a char (UTF-16), in the key's body and title as in the texts;
     * the XML written later (RSS and Atom, UTF-8: two bytes a letter again) about doubles the texts.
     */
    private static int weight(Article article, Item item) {
        long texts = 2L * (item.contentHtml.length() + item.summary.length() + item.rssSummary.length());
        long key = 2L * (article.content().body().length() + article.content().title().length()
                + (article.content().summary() == null ? 0 : article.content().summary().length()));
        return (int) Math.min(Integer.MAX_VALUE, key + 2 * texts + ENTRY_OVERHEAD);
    }

    private static String summaryOf(Article article) {
        if (article.content().hasSummary()) {
            return article.content().summary();
        }
        String text = Jsoup.parseBodyFragment(article.content().body()).text();
        if (text.codePointCount(0, text.length()) <= EXCERPT_CHARS) {
            return text;
        }
        int end = text.offsetByCodePoints(0, EXCERPT_CHARS);
        int space = text.lastIndexOf(' ', end);
        // The cut may fall inside an isolate or embedding the editor closed further on.
        return DisplayText.balanced(text.substring(0, space > 0 ? space : end)) + "…";
    }

    /**
     * One article's item texts; {@code rssSummary} is the summary escaped once more, as RSS
     * {@code <description>} is HTML; {@code xml} holds the item element as written, in UTF-8, by
     * where it was written: format and namespaces in scope.
     */
    record Item(String contentHtml, String summary, String rssSummary, Map<String, byte[]> xml) {

        private Item(String contentHtml, String summary) {
            this(contentHtml, summary, Entities.escape(summary), new ConcurrentHashMap<>(4));
        }

        byte[] xml(String context) {
            return xml.get(context);
        }

        void keepXml(String context, byte[] written) {
            xml.put(context, written);
        }
    }
}
