package org.khulasa.feed;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;
import java.time.ZoneId;
import org.khulasa.article.Article;
import org.khulasa.article.Correction;
import org.khulasa.article.CorrectionNotes;
import org.khulasa.article.RelatedLink;
import org.khulasa.article.RtlText;
import org.khulasa.links.SiteLinks;

/**
 * The HTML an item carries as its full content. Readers pick direction per block and some strip
 * the wrapper's {@code dir}, so every block says {@code dir="rtl"} itself. Corrections close the
 * story, each a dated paragraph («تصحيح (١ ديسمبر ٢٠٢٦): …»). Built as a jsoup tree
 * so titles and captions are escaped by the serializer, never by hand.
 */
final class ContentHtml {
    static final String SEE_ALSO = "انظر أيضاً";

    private static final String BLOCKS = "p, h1, h2, h3, h4, h5, h6, ul, ol, li, blockquote, figure, figcaption, pre, table";

    private static final Document.OutputSettings OUTPUT = new Document.OutputSettings()
            .prettyPrint(false)
            .charset("UTF-8")
            .escapeMode(Entities.EscapeMode.base);

    private ContentHtml() {
    }

    static String of(Article article, SiteLinks links, ZoneId zone) {
        Document doc = Document.createShell("");
        doc.outputSettings(OUTPUT);
        Element div = doc.body().appendElement("div").attr("dir", "rtl").attr("lang", "ar");
        if (article.image() != null) {
            Element figure = div.appendElement("figure");
            String caption = article.image().caption();
            figure.appendElement("img").attr("src", article.image().url()).attr("alt", caption == null ? "" : caption);
            if (caption != null) {
                figure.appendElement("figcaption").text(caption);
            }
        }
        // The body was sanitized when it was stored; parsing it again here only re-serializes it.
        div.append(article.content().body());
        // Oldest first, after the story and before the links away from it.
        for (Correction correction : article.corrections()) {
            Element note = div.appendElement("p").addClass("correction");
            note.appendElement("strong").text(CorrectionNotes.heading(correction, zone));
            note.appendText(" " + correction.note());
        }
        if (!article.related().isEmpty()) {
            div.appendElement("h2").text(SEE_ALSO);
            Element list = div.appendElement("ul");
            for (RelatedLink related : article.related()) {
                list.appendElement("li").appendElement("a")
                        .attr("href", links.article(related.id()))
                        .text(RtlText.title(related.title()));
            }
        }
        for (Element block : div.select(BLOCKS)) {
            // An editor's explicit direction (an English quote marked dir="ltr") is kept.
            if (!block.hasAttr("dir")) {
                block.attr("dir", "rtl");
            }
        }
        return div.outerHtml();
    }
}
