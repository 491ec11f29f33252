package org.khulasa.web.pages;

import java.util.List;
import org.jsoup.nodes.Element;
import org.khulasa.article.Article;
import org.khulasa.article.Correction;
import org.khulasa.article.CorrectionNotes;
import org.khulasa.article.RelatedLink;
import org.khulasa.article.RtlText;
import org.khulasa.links.SiteLinks;

/**
 * One article: breadcrumb (الرئيسية / its category), title, author and date, summary, image,
 * the body (stored already sanitized, so inserted as HTML) and its "انظر أيضاً" list.
 */
final class ArticlePage {
    private final SiteLinks links;
    private final ArabicDates dates;

    ArticlePage(SiteLinks links, ArabicDates dates) {
        this.links = links;
        this.dates = dates;
    }

    /** Fills {@code main}; {@code related} is the article's list, already cut to what readers may see. */
    void fill(Element main, Article article, List<RelatedLink> related) {
        Element crumbs = main.appendElement("nav").addClass("breadcrumb").attr("aria-label", "مسار التصفح")
                .appendElement("ol");
        crumbs.appendElement("li").appendElement("a").attr("href", links.home()).text("الرئيسية");
        crumbs.appendElement("li").appendElement("a").attr("href", links.categoryPage(article.category().slug()))
                .attr("dir", "auto").text(article.category().name());

        Element story = main.appendElement("article");
        Element header = story.appendElement("header");
        header.appendElement("h1").attr("dir", "auto").text(RtlText.title(article.title()));
        Element byline = header.appendElement("p").addClass("byline");
        Bylines.append(byline, article.authors(), links);
        byline.appendText(" · ");
        dates.appendTime(byline, article.published());
        if (article.summary() != null && !article.summary().isBlank()) {
            header.appendElement("p").addClass("summary").attr("dir", "auto").text(article.summary());
        }

        if (article.image() != null) {
            Element figure = story.appendElement("figure");
            String caption = article.image().caption();
            // The caption below says what the image shows; repeating it as alt would make screen readers say it twice.
            Element img = figure.appendElement("img").attr("src", article.image().url()).attr("alt", "");
            // Known dimensions reserve the image's room, so the text does not jump when it arrives.
            if (article.image().width() != null && article.image().height() != null) {
                img.attr("width", article.image().width().toString()).attr("height", article.image().height().toString());
            }
            img.attr("loading", "lazy").attr("decoding", "async");
            if (caption != null && !caption.isBlank()) {
                figure.appendElement("figcaption").attr("dir", "auto").text(caption);
            }
        }

        story.appendElement("div").addClass("body").html(article.body());
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
