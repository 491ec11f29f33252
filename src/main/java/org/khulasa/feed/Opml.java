package org.khulasa.feed;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.output.Format;
import org.jdom2.output.XMLOutputter;
import org.khulasa.article.Author;
import org.khulasa.article.Category;
import org.khulasa.article.Tag;
import org.khulasa.links.SiteLinks;

/** OPML 2.0 listing every feed of the site, so a reader subscribes to all of them at once. */
final class Opml {
    private Opml() {
    }

    static byte[] render(SiteLinks links, String siteTitle, List<Category> categories, List<Author> authors, List<Tag> tags) {
        Element head = new Element("head").addContent(new Element("title").setText(FeedTitle.isolated("كل خلاصات " + siteTitle)));
        Element body = new Element("body");
        body.addContent(group(siteTitle, links, siteTitle, List.of(FeedScope.site())));
        body.addContent(group("الأقسام", links, siteTitle, categories.stream().map(FeedScope::of).toList()));
        body.addContent(group("الكتّاب", links, siteTitle, authors.stream().map(FeedScope::of).toList()));
        if (!tags.isEmpty()) {
            body.addContent(group("الوسوم", links, siteTitle, tags.stream().map(FeedScope::of).toList()));
        }
        Element opml = new Element("opml").setAttribute("version", "2.0").addContent(head).addContent(body);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            new XMLOutputter(Format.getPrettyFormat().setEncoding("UTF-8")).output(new Document(opml), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory failed", e);
        }
        return bytes.toByteArray();
    }

    private static Element group(String text, SiteLinks links, String siteTitle, List<FeedScope> scopes) {
        Element group = new Element("outline").setAttribute("text", FeedTitle.isolated(text));
        for (FeedScope scope : scopes) {
            for (FeedFormat format : FeedFormat.values()) {
                String title = FeedTitle.isolated(scope.title(siteTitle) + " (" + format.label() + ")");
                Element outline = new Element("outline")
                        .setAttribute("type", "rss")
                        .setAttribute("text", title)
                        .setAttribute("title", title)
                        .setAttribute("xmlUrl", scope.selfUrl(links, format))
                        .setAttribute("htmlUrl", scope.pageUrl(links))
                        .setAttribute("language", "ar");
                // OPML 2.0's version names RSS versions only (RSS, RSS1, RSS2, scriptingNews): readers
                // tell Atom and JSON Feed by their content, as they must for type="rss" anyway.
                if (format == FeedFormat.RSS) {
                    outline.setAttribute("version", "RSS2");
                }
                group.addContent(outline);
            }
        }
        return group;
    }
}
