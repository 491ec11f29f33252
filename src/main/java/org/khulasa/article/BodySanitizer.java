package org.khulasa.article;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.safety.Cleaner;
import org.jsoup.nodes.TextNode;
import org.jsoup.safety.Safelist;
import org.jsoup.select.NodeTraversor;

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

    /**
     * A body once sanitized: its HTML, how deeply its elements nest, and whether it still shows
     * anything (visible text, or at least an image whose src was kept).
     */
    public record Clean(String html, int depth, boolean hasContent) {
    }

    /**
     * What {@code Jsoup.clean} does, keeping the cleaned document to measure it; each run of text
     * also closes the bidi controls it opens, so none reaches past its element.
     */
    public static Clean clean(String html) {
        Document clean = new Cleaner(SAFELIST).clean(Jsoup.parseBodyFragment(html, ""));
        clean.outputSettings(OUTPUT);
        Element body = clean.body();
        int[] deepest = {0};
        boolean[] visible = {false};
        // Iterative: a recursive walk of a deep tree would overflow the stack.
        NodeTraversor.traverse((node, depth) -> {
            if (node instanceof Element && depth > deepest[0]) {
                deepest[0] = depth;
            } else if (node instanceof TextNode text) {
                String whole = text.getWholeText();
                if (DisplayText.hasBidiControl(whole)) {
                    text.text(DisplayText.balanced(whole));
                }
                // The body's text is its text nodes' run together: one visible is enough, and the rest go unread.
                visible[0] = visible[0] || DisplayText.hasVisible(whole);
            }
        }, body);
        return new Clean(body.html(), deepest[0], visible[0] || !body.select("img[src]").isEmpty());
    }

    /** The sanitized HTML alone, for previews and matching of text not yet stored. */
    public static String sanitize(String html) {
        return clean(html).html();
    }
}
