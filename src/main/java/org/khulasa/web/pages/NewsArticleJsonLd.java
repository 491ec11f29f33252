package org.khulasa.web.pages;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import org.jsoup.nodes.DataNode;
import org.jsoup.nodes.Element;
import org.khulasa.article.Article;
import org.khulasa.links.SiteLinks;

/**
 * An article's schema.org NewsArticle as JSON-LD, the structured data Google News and other
 * aggregators read: headline, dates, author, image, section, publisher.
 */
record NewsArticleJsonLd(String siteTitle, SiteLinks links) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** When readers are told the article last changed: never before it was published. */
    static Instant modified(Article article) {
        Instant published = article.content().published();
        return article.updated().isAfter(published) ? article.updated() : published;
    }

    /** Appends {@code <script type="application/ld+json">…</script>} to {@code head}. */
    void append(Element head, PageMeta meta) {
        head.appendElement("script").attr("type", "application/ld+json")
                .appendChild(new DataNode(inert(json(meta))));
    }

    String json(PageMeta meta) {
        Article article = meta.article();
        ObjectNode node = JSON.createObjectNode();
        node.put("@context", "https://schema.org");
        node.put("@type", "NewsArticle");
        node.putObject("mainEntityOfPage").put("@type", "WebPage").put("@id", meta.canonical());
        node.put("url", meta.canonical());
        node.put("headline", article.content().title());
        node.put("description", meta.description());
        node.put("inLanguage", "ar");
        node.put("datePublished", article.content().published().toString());
        node.put("dateModified", modified(article).toString());
        ArrayNode bylines = node.putArray("author");
        article.content().authors().forEach(a -> bylines.addObject().put("@type", "Person").put("name", a.name())
                .put("url", links.authorPage(a.slug())));
        if (article.image() != null) {
            ObjectNode image = node.putArray("image").addObject().put("@type", "ImageObject")
                    .put("url", article.image().url()).put("encodingFormat", article.image().type());
            if (article.image().caption() != null && !article.image().caption().isBlank()) {
                image.put("caption", article.image().caption());
            }
            if (article.image().width() != null && article.image().height() != null) {
                image.put("width", article.image().width()).put("height", article.image().height());
            }
        }
        node.put("articleSection", article.content().category().name());
        if (!article.tags().isEmpty()) {
            article.tags().forEach(node.putArray("keywords")::add);
        }
        node.putObject("publisher").put("@type", "NewsMediaOrganization").put("name", siteTitle)
                .put("url", links.home());
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of strings always serializes", e);
        }
    }

    /**
     * Inside {@code <script>} only {@code </script} would end the block early, and {@code <!--}
     * changes how it is parsed: JSON may spell {@code <}, {@code >} and {@code &} as escapes,
     * which only occur inside strings, so the data means the same and cannot break out.
     */
    static String inert(String json) {
        return json.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
    }
}
