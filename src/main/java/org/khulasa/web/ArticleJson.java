package org.khulasa.web;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.khulasa.article.Article;
import org.khulasa.article.ArticleContent;
import org.khulasa.article.Author;
import org.khulasa.article.Category;
import org.khulasa.article.Image;
import org.khulasa.links.SiteLinks;

/**
 * An article as the editor API shows it: the stored fields plus its id, page URL and times in
 * UTC. Bylines are always {@code authors}, in order, even for one; {@code corrections} oldest first.
 */
record ArticleJson(
        long id,
        String url,
        String status,
        String title,
        String summary,
        String body,
        Category category,
        List<Author> authors,
        String published,
        String updated,
        List<Related> related,
        List<String> tags,
        Image image,
        List<Correction> corrections) {

    /** {@code chosen}: "editor" or "auto"; a PUT of this list keeps the first and chooses the others again. */
    record Related(long id, String title, String url, String chosen) {
    }

    record Correction(String date, String note) {
    }

    static ArticleJson of(Article a, SiteLinks links) {
        ArticleContent content = a.content();
        return new ArticleJson(a.id(), links.article(a.id()), content.status().wire(), content.title(), content.summary(),
                content.body(), content.category(), content.authors(), iso(content.published()), iso(a.updated()),
                a.related().stream().map(r -> new Related(r.id(), r.title(), links.article(r.id()), r.byEditor() ? "editor" : "auto")).toList(),
                a.tags(), a.image(),
                a.corrections().stream().map(c -> new Correction(iso(c.at()), c.note())).toList());
    }

    /** The editors' validator of an article: its revision, which every write of it moves. */
    static String etag(Article a) {
        return "\"" + a.revision() + "\"";
    }

    static String iso(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant);
    }
}
