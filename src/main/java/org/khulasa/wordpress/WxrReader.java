package org.khulasa.wordpress;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import com.ctc.wstx.stax.WstxInputFactory;

/**
 * Reads a WordPress export (WXR 1.0–1.2, as {@code wp-admin/includes/export.php} writes it) with
 * StAX, one {@code <item>} at a time: memory holds one item, whatever the file's size.
 */
public final class WxrReader {
    private static final String WP = "http://wordpress.org/export/";
    private static final String CONTENT = "http://purl.org/rss/1.0/modules/content/";
    private static final String DC = "http://purl.org/dc/elements/1.1/";

    /** Told of the header's authors and categories (they come first), then of each item. */
    public interface Visitor {
        /** The old site's address ({@code wp:base_blog_url}). */
        default void site(String baseUrl) {
        }

        default void author(WxrItem.Author author) {
        }

        default void category(WxrItem.Category category) {
        }

        void item(WxrItem item);
    }

    private WxrReader() {
    }

    public static void read(InputStream in, Visitor visitor) throws WxrException, IOException {
        XMLStreamReader xml = null;
        try {
            ForbiddenControls clean = new ForbiddenControls(in);
            xml = factory().createXMLStreamReader(clean, "UTF-8");
            readDocument(xml, visitor, clean);
        } catch (XMLStreamException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            int line = e.getLocation() == null ? -1 : e.getLocation().getLineNumber();
            int column = e.getLocation() == null ? -1 : e.getLocation().getColumnNumber();
            throw new WxrException("the XML is broken or breaks off (" + plain(e) + ")", line, column, e);
        } finally {
            if (xml != null) {
                try {
                    xml.close();
                } catch (XMLStreamException ignored) {
                    // the input stream is closed by its owner
                }
            }
        }
    }

    private static void readDocument(XMLStreamReader xml, Visitor visitor, ForbiddenControls clean)
            throws XMLStreamException, WxrException {
        xml.nextTag();
        if (!xml.getLocalName().equals("rss")) {
            throw notWxr(xml, "the root element is <" + xml.getLocalName() + ">, not <rss>");
        }
        boolean wxr = false;
        while (xml.hasNext()) {
            if (xml.next() != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            String name = xml.getLocalName();
            String ns = xml.getNamespaceURI() == null ? "" : xml.getNamespaceURI();
            if (ns.startsWith(WP) && name.equals("wxr_version")) {
                wxr = true;
                text(xml);
            } else if (ns.startsWith(WP) && name.equals("base_blog_url")) {
                visitor.site(text(xml));
            } else if (ns.startsWith(WP) && name.equals("author")) {
                Map<String, String> fields = fields(xml);
                visitor.author(new WxrItem.Author(number(fields.get("author_id")), fields.getOrDefault("author_login", ""),
                        fields.getOrDefault("author_display_name", "")));
            } else if (ns.startsWith(WP) && name.equals("category")) {
                Map<String, String> fields = fields(xml);
                visitor.category(new WxrItem.Category(number(fields.get("term_id")),
                        fields.getOrDefault("category_nicename", ""), fields.getOrDefault("category_parent", ""),
                        fields.getOrDefault("cat_name", "")));
            } else if (ns.isEmpty() && name.equals("item")) {
                if (!wxr) {
                    throw notWxr(xml, "an <item> before any <wp:wxr_version>: this RSS file is not a WordPress export");
                }
                visitor.item(item(xml, clean));
            } else if (!ns.isEmpty() || !(name.equals("channel") || name.equals("rss"))) {
                skip(xml);
            }
        }
        if (!wxr) {
            throw notWxr(xml, "no <wp:wxr_version>: this RSS file is not a WordPress export");
        }
    }

    private static WxrItem item(XMLStreamReader xml, ForbiddenControls clean) throws XMLStreamException {
        int line = xml.getLocation().getLineNumber();
        Map<String, String> f = new HashMap<>();
        List<WxrItem.Term> terms = new ArrayList<>();
        Map<String, String> meta = new HashMap<>();
        int comments = 0;
        while (xml.nextTag() == XMLStreamConstants.START_ELEMENT) {
            String name = xml.getLocalName();
            String ns = xml.getNamespaceURI() == null ? "" : xml.getNamespaceURI();
            if (ns.isEmpty() && name.equals("category")) {
                String domain = attribute(xml, "domain");
                String nicename = attribute(xml, "nicename");
                terms.add(new WxrItem.Term(domain, nicename, text(xml)));
            } else if (ns.startsWith(WP) && name.equals("postmeta")) {
                Map<String, String> m = fields(xml);
                meta.put(m.getOrDefault("meta_key", ""), m.getOrDefault("meta_value", ""));
            } else if (ns.startsWith(WP) && name.equals("comment")) {
                comments++;
                skip(xml);
            } else if (ns.equals(CONTENT) && name.equals("encoded")) {
                f.put("content", text(xml));
            } else if (ns.startsWith(WP) && ns.endsWith("/excerpt/") && name.equals("encoded")) {
                f.put("excerpt", text(xml));
            } else if (ns.equals(DC) && name.equals("creator")) {
                f.put("creator", text(xml));
            } else if (ns.isEmpty() || ns.startsWith(WP)) {
                f.put(name, text(xml));
            } else {
                skip(xml);
            }
        }
        return new WxrItem(line, f.get("post_id"), f.get("title"), f.get("link"), f.get("guid"), f.get("creator"),
                f.get("content"), f.get("excerpt"), f.get("post_date_gmt"), f.get("post_date"), f.get("pubDate"),
                f.get("post_modified_gmt"), f.get("post_name"), f.get("status"), f.get("post_type"),
                f.get("post_password"), f.get("attachment_url"), terms, meta, comments,
                clean.removedOn(line, xml.getLocation().getLineNumber()));
    }

    /** The text children of the element at the cursor, by local name (a flat record like wp:author). */
    private static Map<String, String> fields(XMLStreamReader xml) throws XMLStreamException {
        Map<String, String> fields = new HashMap<>();
        while (xml.nextTag() == XMLStreamConstants.START_ELEMENT) {
            String name = xml.getLocalName();
            fields.put(name, text(xml));
        }
        return fields;
    }

    /** The element's text (CDATA included), skipping any element nested in it; leaves the cursor on its end. */
    private static String text(XMLStreamReader xml) throws XMLStreamException {
        StringBuilder text = new StringBuilder();
        toEnd(xml, text);
        return text.toString();
    }

    private static void skip(XMLStreamReader xml) throws XMLStreamException {
        toEnd(xml, null);
    }

    /** Moves the cursor to the end of the element it is in, adding its own text to {@code text} unless null. */
    private static void toEnd(XMLStreamReader xml, StringBuilder text) throws XMLStreamException {
        int depth = 1;
        while (depth > 0) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            } else if (text != null && depth == 1 && (event == XMLStreamConstants.CHARACTERS
                    || event == XMLStreamConstants.CDATA || event == XMLStreamConstants.SPACE)) {
                text.append(xml.getTextCharacters(), xml.getTextStart(), xml.getTextLength());
            }
        }
    }

    private static String attribute(XMLStreamReader xml, String name) {
        String value = xml.getAttributeValue(null, name);
        return value == null ? "" : value;
    }

    private static long number(String s) {
        try {
            return s == null ? 0 : Long.parseLong(s.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static WxrException notWxr(XMLStreamReader xml, String why) {
        return new WxrException("not a WordPress export (WXR): " + why,
                xml.getLocation().getLineNumber(), xml.getLocation().getColumnNumber(), null);
    }

    /** The parser's message without the location it appends (we print our own). */
    private static String plain(XMLStreamException e) {
        String m = e.getMessage() == null ? "" : e.getMessage();
        int at = m.indexOf("\n at [row,col");
        return at >= 0 ? m.substring(0, at) : m;
    }

    /**
     * Woodstox rather than the JDK's own StAX parser: it reads an export faster, and with DTDs off
     * no entity can expand (it counts no predefined one, {@code &amp;} and the like, against a limit).
     */
    private static XMLInputFactory factory() {
        XMLInputFactory f = new WstxInputFactory();
        f.setProperty(XMLInputFactory.IS_COALESCING, true);
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        return f;
    }
}
