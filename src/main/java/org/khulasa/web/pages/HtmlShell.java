package org.khulasa.web.pages;

import java.nio.charset.StandardCharsets;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.DocumentType;
import org.jsoup.nodes.Element;

/** The HTML every page starts from, the site's and the desk's alike. */
public final class HtmlShell {

    private HtmlShell() {
    }

    /**
     * An empty HTML5 document in Arabic, right to left, written as UTF-8 without indentation (which
     * would add spaces to the text), its head declaring the charset and the viewport.
     */
    public static Document arabic() {
        Document doc = Document.createShell("");
        doc.outputSettings().charset(StandardCharsets.UTF_8).prettyPrint(false);
        doc.prependChild(new DocumentType("html", "", ""));
        doc.selectFirst("html").attr("lang", "ar").attr("dir", "rtl");
        Element head = doc.head();
        head.appendElement("meta").attr("charset", "utf-8");
        head.appendElement("meta").attr("name", "viewport").attr("content", "width=device-width, initial-scale=1");
        return doc;
    }
}
