package org.khulasa.web;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.khulasa.article.Article;
import org.khulasa.article.Author;
import org.khulasa.article.Category;
import org.khulasa.article.Image;
import org.khulasa.links.SiteLinks;

/** An article as the editor API shows it: the stored fields plus its id, page URL and times in UTC. */
record ArticleJson(
        long id,
        String url,
        String title,
        String summary,
        String body,
        Category category,
        Author author,
        String published,
        String updated,
        List<Related> related,
        List<String> tags,
        Image image) {

    /** {@code chosen}: "editor" or "auto"; a PUT of this list keeps the first and chooses the others again. */
    record Related(long id, String title, String url, String chosen) {
    }

    static ArticleJson of(Article a, SiteLinks links) {
        return new ArticleJson(a.id(), links.article(a.id()), a.title(), a.summary(), a.body(),
                a.category(), a.author(), iso(a.published()), iso(a.updated()),
                a.related().stream().map(r -> new Related(r.id(), r.title(), links.article(r.id()), r.byEditor() ? "editor" : "auto")).toList(),
                a.tags(), a.image());
    }

    static String iso(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant);
    }
}
