package org.khulasa.web.pages;

import java.util.List;
import org.jsoup.nodes.Element;
import org.khulasa.article.Author;
import org.khulasa.links.SiteLinks;

/** An article's bylines in the editor's order, each linking to the author's page: «أ و ب و ج». */
final class Bylines {
    private Bylines() {
    }

    static void append(Element parent, List<Author> authors, SiteLinks links) {
        for (int i = 0; i < authors.size(); i++) {
            if (i > 0) {
                parent.appendText(" و");
            }
            Author author = authors.get(i);
            parent.appendElement("a").attr("rel", "author").attr("href", links.authorPage(author.slug()))
                    .attr("dir", "auto").text(author.name());
        }
    }
}
