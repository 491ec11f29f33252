package org.khulasa.web.pages;

import java.util.List;
import org.jsoup.nodes.Element;
import org.khulasa.article.Article;
import org.khulasa.article.Correction;
import org.khulasa.article.CorrectionNotes;
import org.khulasa.article.RelatedLink;
import org.khulasa.article.RtlText;
import org.khulasa.article.Tag;
import org.khulasa.links.SiteLinks;

/**
 * One article: breadcrumb (الرئيسية / its category), title, author and date, summary, image,
 * the body (stored already sanitized, so inserted as HTML) and its "انظر أيضاً" list.
 */
record ArticlePage(SiteLinks links, ArabicDates dates) {
    /**
     * Whether readers are told of a later change: written again after it came out. A minute's
     * grace keeps an article whose first write is its publication from saying so.
     */
    static boolean isUpdated(Article article) {
        return article.updated().isAfter(article.content().published().plusSeconds(60));
    }

    /** Fills {@code main}; {@code related} is the article's list, already cut to what readers may see. */
    void fill(Element main, Article article, List<RelatedLink> related, List<Tag> tags) {
        Element crumbs = main.appendElement("nav").addClass("breadcrumb").attr("aria-label", "مسار التصفح")
                .appendElement("ol");
        crumbs.appendElement("li").appendElement("a").attr("href", links.home()).text("الرئيسية");
        crumbs.appendElement("li").appendElement("a").attr("href", links.categoryPage(article.content().category().slug()))
                .attr("dir", "auto").text(article.content().category().name());

        Element story = main.appendElement("article");
        Element header = story.appendElement("header");
        header.appendElement("h1").attr("dir", "auto").text(RtlText.title(article.content().title()));
        Element byline = header.appendElement("p").addClass("byline");
        Bylines.append(byline, article.content().authors(), links);
        byline.appendText(" · ");
        dates.appendTime(byline, article.content().published());
        if (isUpdated(article)) {
            Element updated = header.appendElement("p").addClass("updated");
            updated.appendText("آخر تحديث: ");
            dates.appendTime(updated, article.updated());
        }
        if (article.content().hasSummary()) {
            header.appendElement("p").addClass("summary").attr("dir", "auto").text(article.content().summary());
        }

        if (article.image() != null) {
            Element figure = story.appendElement("figure");
            String caption = article.image().caption();
            // The page's main image, at the top: loaded at once (lazy loading would only delay it).
            Images.describe(figure.appendElement("img"), article.image()).attr("decoding", "async");
            if (caption != null && !caption.isBlank()) {
                figure.appendElement("figcaption").attr("dir", "auto").text(caption);
            }
        }

        Element body = story.appendElement("div").addClass("body").html(article.content().body());
        // Images further down the story load as the reader scrolls to them.
        body.select("img:not([loading])").attr("loading", "lazy");
        if (!article.corrections().isEmpty()) {
            Element notes = story.appendElement("aside").addClass("corrections").attr("aria-label", "تصحيحات");
            for (Correction correction : article.corrections()) {
                Element note = notes.appendElement("p").addClass("correction").attr("dir", "auto");
                Element heading = note.appendElement("strong").appendText(CorrectionNotes.LABEL + " (");
                heading.appendElement("time").attr("datetime", correction.at().toString())
                        .text(CorrectionNotes.day(correction, dates.zone()));
                heading.appendText("):");
                note.appendText(" " + correction.note());
            }
        }

        if (!tags.isEmpty()) {
            Element list = story.appendElement("ul").addClass("tags").attr("aria-label", "الوسوم");
            for (Tag tag : tags) {
                list.appendElement("li").appendElement("a").attr("rel", "tag").attr("href", links.tagPage(tag.slug()))
                        .attr("dir", "auto").text(tag.name());
            }
        }

        if (!related.isEmpty()) {
            Element section = story.appendElement("section").addClass("related").attr("aria-labelledby", "related");
            section.appendElement("h2").id("related").text("انظر أيضاً");
            Element list = section.appendElement("ul");
            for (RelatedLink link : related) {
                list.appendElement("li").appendElement("a").attr("href", links.article(link.id()))
                        .attr("dir", "auto").text(RtlText.title(link.title()));
            }
        }
    }
}
