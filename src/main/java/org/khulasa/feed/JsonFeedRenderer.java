package org.khulasa.feed;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.khulasa.article.Article;
import org.khulasa.article.RelatedLink;
import org.khulasa.article.RtlText;
import org.khulasa.links.SiteLinks;

/**
 * Renders a feed as JSON Feed 1.1 (https://jsonfeed.org/version/1.1) with Jackson. Items carry
 * the same ids, content HTML and summaries as Atom; what JSON Feed has no field for (related
 * articles, the category) goes in the {@code _khulasa} extension object, which readers that do
 * not know it ignore. The same articles and {@code lastModified} always give the same bytes.
 */
record JsonFeedRenderer(SiteLinks links, String siteTitle, ItemTextCache itemTexts) {
    static final String VERSION = "https://jsonfeed.org/version/1.1";
    static final String EXTENSION = "_khulasa";

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /**
     * {@code articles} newest first; {@code feedIds} holds the ids imported articles (and the ones
     * they link to) had in their old site's feeds, as Atom and RSS give them; {@code next_url} pages
     * back to the archive page before this document.
     */
    byte[] render(FeedScope scope, List<Article> articles, Map<Long, String> feedIds, DocumentLinks history) {
        ObjectNode feed = NODES.objectNode();
        feed.put("version", VERSION);
        feed.put("title", FeedTitle.isolated(scope.title(siteTitle)));
        feed.put("home_page_url", scope.pageUrl(links));
        // The feed's identifier: an archive page names the feed it belongs to.
        feed.put("feed_url", history.current() != null ? history.current() : history.self());
        feed.put("description", scope.description(siteTitle));
        feed.put("language", "ar");
        boolean byAuthor = scope.kind() == FeedScope.Kind.AUTHOR;
        feed.putArray("authors").add(person(byAuthor ? scope.name() : siteTitle,
                byAuthor ? scope.pageUrl(links) : links.home()));
        if (!history.hubs().isEmpty()) {
            ArrayNode hubs = feed.putArray("hubs");
            history.hubs().forEach(hub -> hubs.addObject().put("type", "WebSub").put("url", hub));
        }
        if (history.prevArchive() != null) {
            feed.put("next_url", history.prevArchive());
        }
        if (history.archive()) {
            // RFC 5005's archive links, which JSON Feed has no names for.
            ObjectNode archive = feed.putObject(EXTENSION).put("archive", true).put("current", history.current());
            if (history.nextArchive() != null) {
                archive.put("next_archive", history.nextArchive());
            }
        }
        ArrayNode items = feed.putArray("items");
        for (Article article : articles) {
            items.add(item(article, feedIds));
        }
        try {
            return MAPPER.writeValueAsBytes(feed);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Jackson refused a tree it built itself", e);
        }
    }

    private ObjectNode item(Article article, Map<Long, String> feedIds) {
        ItemTextCache.Item texts = itemTexts.of(article);
        ObjectNode item = NODES.objectNode();
        item.put("id", feedId(article.id(), feedIds));
        item.put("url", links.article(article.id()));
        item.put("title", FeedTitle.isolated(article.content().title()));
        item.put("content_html", texts.contentHtml());
        item.put("summary", texts.summary());
        if (article.image() != null) {
            item.put("image", article.image().url());
        }
        item.put("date_published", iso(article.content().published()));
        item.put("date_modified", iso(article.updated()));
        ArrayNode bylines = item.putArray("authors");
        article.content().authors().forEach(a -> bylines.add(person(a.name(), links.authorPage(a.slug()))));
        if (!article.tags().isEmpty()) {
            ArrayNode tags = item.putArray("tags");
            article.tags().forEach(tags::add);
        }
        item.put("language", "ar");
        ObjectNode extension = item.putObject(EXTENSION);
        extension.putObject("category")
                .put("slug", article.content().category().slug())
                .put("name", article.content().category().name())
                .put("url", links.categoryPage(article.content().category().slug()));
        ArrayNode related = extension.putArray("related");
        for (RelatedLink r : article.related()) {
            related.addObject()
                    .put("id", feedId(r.id(), feedIds))
                    .put("url", links.article(r.id()))
                    .put("title", RtlText.title(r.title()));
        }
        return item;
    }

    private String feedId(long articleId, Map<Long, String> feedIds) {
        return feedIds.getOrDefault(articleId, links.articleTagUri(articleId));
    }

    private static ObjectNode person(String name, String url) {
        return NODES.objectNode().put("name", name).put("url", url);
    }

    private static String iso(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant);
    }
}
