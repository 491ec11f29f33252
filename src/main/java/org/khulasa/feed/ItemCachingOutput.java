package org.khulasa.feed;

import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.jdom2.Element;
import org.jdom2.Namespace;
import org.jdom2.output.support.AbstractXMLOutputProcessor;
import org.jdom2.output.support.FormatStack;
import org.jdom2.util.NamespaceStack;

/**
 * JDOM's own XML writing, except that an item whose article was written before, in the same
 * format and under the same namespace declarations, is copied from then instead of escaped
 * and written again: after one edit, a feed writes one item's text instead of fifty. An item's
 * element depends only on its article, the format and the namespaces in scope, so the copy is
 * the very text JDOM would write. Writes to a {@link Utf8Text} only, which takes the cached
 * bytes without decoding and encoding them again.
 */
final class ItemCachingOutput extends AbstractXMLOutputProcessor {
    private final FeedFormat format;
    /** The feed's item elements (JDOM elements are equal only to themselves) and their articles' items. */
    private final Map<Element, ItemTextCache.Item> items;

    ItemCachingOutput(FeedFormat format, Map<Element, ItemTextCache.Item> items) {
        this.format = format;
        this.items = items;
    }

    @Override
    protected void printElement(Writer out, FormatStack fstack, NamespaceStack nstack, Element element)
            throws IOException {
        ItemTextCache.Item item = items.get(element);
        if (item == null) {
            super.printElement(out, fstack, nstack, element);
            return;
        }
        String context = context(nstack);
        byte[] xml = item.xml(context);
        if (xml == null) {
            StringWriter own = new StringWriter(8 * 1024);
            super.printElement(own, fstack, nstack, element);
            xml = own.toString().getBytes(StandardCharsets.UTF_8);
            item.keepXml(context, xml);
        }
        ((Utf8Text) out).writeUtf8(xml);
    }

    /** The format and every namespace in scope: an item written elsewhere may declare prefixes itself. */
    private String context(NamespaceStack nstack) {
        StringBuilder context = new StringBuilder(format.name());
        for (Namespace ns : nstack) {
            context.append(' ').append(ns.getPrefix()).append('=').append(ns.getURI());
        }
        return context.toString();
    }
}
