package org.khulasa.article;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.TextNode;
import org.jsoup.safety.Safelist;

/**
 * Keeps the HTML a news body needs (paragraphs, headings, lists, links, images, quotes, figures,
 * emphasis) and drops everything that can run or restyle: scripts, styles, frames, event
 * handlers, {@code javascript:} and {@code data:} URLs.
 */
public final class BodySanitizer {

    private static final Safelist SAFELIST = new Safelist()
            .addTags("p", "br", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "blockquote",
                    "figure", "figcaption", "img", "a", "em", "strong", "b", "i", "u", "s", "sub", "sup",
                    "code", "pre", "q", "cite", "small", "mark", "abbr", "time", "span", "hr",
                    "table", "thead", "tbody", "tr", "th", "td", "caption")
            .addAttributes("a", "href", "title", "hreflang")
            .addAttributes("img", "src", "alt", "title", "width", "height")
            .addAttributes("blockquote", "cite")
            .addAttributes("q", "cite")
            .addAttributes("abbr", "title")
            .addAttributes("time", "datetime")
            .addAttributes(":all", "dir", "lang")
            .addProtocols("a", "href", "http", "https", "mailto")
            .addProtocols("img", "src", "http", "https")
            .addProtocols("blockquote", "cite", "http", "https")
            .addProtocols("q", "cite", "http", "https")
            .addEnforcedAttribute("a", "rel", "nofollow noopener");

    private static final Document.OutputSettings OUTPUT = new Document.OutputSettings()
            .prettyPrint(false)
            .charset("UTF-8")
            .escapeMode(org.jsoup.nodes.Entities.EscapeMode.xhtml);

    private BodySanitizer() {
    }

    public static String sanitize(String html) {
        String clean = Jsoup.clean(html, "", SAFELIST, OUTPUT);
        return DisplayText.hasBidiControl(clean) ? withBalancedText(clean) : clean;
    }

    /** Whether sanitized HTML still shows anything: visible text, or at least an image (one whose src was kept). */
    public static boolean hasContent(String sanitizedHtml) {
        Document doc = Jsoup.parseBodyFragment(sanitizedHtml);
        return DisplayText.hasVisible(doc.body().text()) || !doc.body().select("img[src]").isEmpty();
    }

    /** Each run of text closes the bidi controls it opens, so none reaches past its element. */
    private static String withBalancedText(String clean) {
        Document doc = Jsoup.parseBodyFragment(clean);
        doc.outputSettings(OUTPUT);
        doc.body().traverse((node, depth) -> {
            if (node instanceof TextNode text) {
                text.text(DisplayText.balanced(text.getWholeText()));
            }
        });
        return doc.body().html();
    }
}
