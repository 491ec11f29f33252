package org.khulasa.web.pages;

import org.jsoup.nodes.Element;
import org.khulasa.article.Article;
import org.khulasa.links.SiteLinks;

/**
 * The head tags link previews read (WhatsApp, Telegram, Facebook read Open Graph; X reads its
 * card tags, falling back on Open Graph): a page's title, description, URL and image, and for
 * an article its times, section, tags and author.
 */
record SocialMeta(String siteTitle, SiteLinks links) {
    /** {@code title}: the page's own title, without the site's name. */
    void append(Element head, String title, PageMeta meta) {
        if (meta.canonical() == null) {
            head.appendElement("meta").attr("name", "robots").attr("content", "noindex");
            return;
        }
        head.appendElement("link").attr("rel", "canonical").attr("href", meta.canonical());
        head.appendElement("meta").attr("name", "description").attr("content", meta.description());
        Article article = meta.article();
        property(head, "og:site_name", siteTitle);
        property(head, "og:locale", "ar_AR");
        property(head, "og:type", article == null ? "website" : "article");
        property(head, "og:url", meta.canonical());
        property(head, "og:title", title);
        property(head, "og:description", meta.description());
        boolean image = article != null && article.image() != null;
        if (image) {
            property(head, "og:image", article.image().url());
            property(head, "og:image:type", article.image().type());
            String caption = article.image().caption();
            if (caption != null && !caption.isBlank()) {
                property(head, "og:image:alt", caption);
                name(head, "twitter:image:alt", caption);
            }
            name(head, "twitter:image", article.image().url());
        }
        name(head, "twitter:card", image ? "summary_large_image" : "summary");
        name(head, "twitter:title", title);
        name(head, "twitter:description", meta.description());
        if (article != null) {
            property(head, "article:published_time", article.content().published().toString());
            property(head, "article:modified_time", NewsArticleJsonLd.modified(article).toString());
            property(head, "article:section", article.content().category().name());
            article.content().authors().forEach(a -> property(head, "article:author", links.authorPage(a.slug())));
            for (String tag : article.tags()) {
                property(head, "article:tag", tag);
            }
        }
    }

    private static void property(Element head, String property, String content) {
        head.appendElement("meta").attr("property", property).attr("content", content);
    }

    private static void name(Element head, String name, String content) {
        head.appendElement("meta").attr("name", name).attr("content", content);
    }
}
