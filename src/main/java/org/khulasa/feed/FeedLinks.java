package org.khulasa.feed;

import com.rometools.modules.atom.modules.AtomLinkModule;
import com.rometools.modules.atom.modules.AtomLinkModuleImpl;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.feed.synd.SyndLinkImpl;
import com.rometools.rome.feed.synd.impl.ConverterForAtom10;
import java.util.List;

/**
 * Links as the two feed formats hold them: RSS carries them as {@code atom:link} elements of the
 * Atom module ({@link Link}), Atom as its own {@link SyndLink}s. Rome gives the two no common type.
 */
final class FeedLinks {
    /** Rome's own mapping of a link between the two types; it holds no state. */
    private static final ConverterForAtom10 ATOM = new ConverterForAtom10();

    private FeedLinks() {
    }

    /** An {@code atom:link} for an RSS channel or item. */
    static Link rss(String rel, String href, String type, String title) {
        return ATOM.createAtomLink(synd(rel, href, type, title));
    }

    /** A link of an Atom feed or entry. */
    static SyndLink synd(String rel, String href, String type, String title) {
        SyndLink link = new SyndLinkImpl();
        link.setRel(rel);
        link.setHref(href);
        link.setType(type);
        link.setTitle(title);
        return link;
    }

    /** RSS's {@code atom:link} elements, as a Rome module. */
    static AtomLinkModule atomLinks(List<Link> links) {
        AtomLinkModule module = new AtomLinkModuleImpl();
        module.setLinks(links);
        return module;
    }
}
