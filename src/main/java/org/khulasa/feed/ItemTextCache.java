package org.khulasa.feed;

import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Entities;
import org.khulasa.article.Article;
import org.khulasa.article.DisplayText;
import org.khulasa.links.SiteLinks;

/**
 * A cache of the parts of a feed item that depend on its article alone: the content HTML and the summary
 * (the two jsoup passes of a render), and the item's XML as last written. A write drops every
 * cached feed, yet changes one or a few of their articles; keeping these for the articles
 * rendered lately makes the next render redo only those. The key is the whole article as read
 * (body, related titles, update time and all), so any change to it is a different key: an entry
 * is never stale, only unused until evicted.
 */
final class ItemTextCache {
    /** Room for every item of a few dozen 50-item feeds, so rendering each in turn still hits. */
    static final int CAPACITY = 2_048;

    private static final int EXCERPT_CHARS = 300;

    private final SiteLinks links;
    private final ZoneId zone;
    private final Map<Article, Item> recent;

    ItemTextCache(SiteLinks links, ZoneId zone, int capacity) {
        this.links = links;
        this.zone = zone;
        this.recent = new LinkedHashMap<>(capacity * 4 / 3 + 1, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Article, Item> eldest) {
                return size() > capacity;
            }
        };
    }

    Item of(Article article) {
        synchronized (recent) {
            Item known = recent.get(article);
            if (known != null) {
                return known;
            }
        }
        // Made outside the lock: two renders of one new article may both make it, and get equal items.
        Item made = new Item(ContentHtml.of(article, links, zone), summaryOf(article));
        synchronized (recent) {
            Item raced = recent.putIfAbsent(article, made);
            return raced != null ? raced : made;
        }
    }

    private static String summaryOf(Article article) {
        if (article.summary() != null && !article.summary().isBlank()) {
            return article.summary();
        }
        String text = Jsoup.parseBodyFragment(article.body()).text();
        if (text.codePointCount(0, text.length()) <= EXCERPT_CHARS) {
            return text;
        }
        int end = text.offsetByCodePoints(0, EXCERPT_CHARS);
        int space = text.lastIndexOf(' ', end);
        // The cut may fall inside an isolate or embedding the editor closed further on.
        return DisplayText.balanced(text.substring(0, space > 0 ? space : end)) + "…";
    }

    /** One article's item texts; {@code rssSummary} is the summary escaped once more, as RSS {@code <description>} is HTML. */
    static final class Item {
        private final String contentHtml;
        private final String summary;
        private final String rssSummary;
        /** The item element as written, in UTF-8, by where it was written: format and namespaces in scope. */
        private final Map<String, byte[]> xml = new ConcurrentHashMap<>(4);

        private Item(String contentHtml, String summary) {
            this.contentHtml = contentHtml;
            this.summary = summary;
            this.rssSummary = Entities.escape(summary);
        }

        String contentHtml() {
            return contentHtml;
        }

        String summary() {
            return summary;
        }

        String rssSummary() {
            return rssSummary;
        }

        byte[] xml(String context) {
            return xml.get(context);
        }

        void keepXml(String context, byte[] written) {
            xml.put(context, written);
        }
    }
}
