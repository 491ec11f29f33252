package org.khulasa.feed;

import java.util.List;
import org.jdom2.Element;
import org.jdom2.Namespace;

/**
 * Writes WebSub hub links and RFC 5005 archive links into a rendered Atom or RSS document:
 * {@code hub}, {@code current}, {@code prev-archive} and {@code next-archive} links (Atom links in
 * both formats, as WebSub and RFC 5005 appendix B do for RSS) and the {@code fh:archive} marker,
 * ahead of the first entry or item.
 */
final class LinkMarkup {
    static final Namespace FH = Namespace.getNamespace("fh", "http://purl.org/syndication/history/1.0");
    private static final Namespace ATOM = Namespace.getNamespace("http://www.w3.org/2005/Atom");
    private static final Namespace ATOM_IN_RSS = Namespace.getNamespace("atom", "http://www.w3.org/2005/Atom");

    private LinkMarkup() {
    }

    /** {@code container} is Atom's feed element or RSS's channel. */
    static void add(Element container, FeedFormat format, DocumentLinks history, String mediaType) {
        boolean atom = format == FeedFormat.ATOM;
        Namespace ns = atom ? ATOM : ATOM_IN_RSS;
        List<Element> children = container.getChildren();
        int at = 0;
        while (at < children.size() && !children.get(at).getName().equals(atom ? "entry" : "item")) {
            at++;
        }
        int index = container.indexOf(at < children.size() ? children.get(at) : null);
        if (index < 0) {
            index = container.getContentSize();
        }
        if (history.archive()) {
            container.addNamespaceDeclaration(FH);
            container.addContent(index++, new Element("archive", FH));
        }
        for (String hub : history.hubs()) {
            container.addContent(index++, new Element("link", ns).setAttribute("rel", "hub").setAttribute("href", hub));
        }
        index = link(container, index, ns, "current", history.current(), mediaType);
        index = link(container, index, ns, "prev-archive", history.prevArchive(), mediaType);
        link(container, index, ns, "next-archive", history.nextArchive(), mediaType);
    }

    private static int link(Element container, int index, Namespace ns, String rel, String href, String mediaType) {
        if (href == null) {
            return index;
        }
        container.addContent(index, new Element("link", ns).setAttribute("rel", rel).setAttribute("type", mediaType)
                .setAttribute("href", href));
        return index + 1;
    }
}
