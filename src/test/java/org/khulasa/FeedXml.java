package org.khulasa;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.namespace.NamespaceContext;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathExpressionException;
import javax.xml.xpath.XPathFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * A feed read by the JDK's own XML parser and XPath, independently of Rome. Prefixes: {@code a}
 * Atom, {@code dc} Dublin Core, {@code content} RSS content module, {@code media} Media RSS.
 */
public final class FeedXml {
    private static final Map<String, String> NAMESPACES = Map.of(
            "a", "http://www.w3.org/2005/Atom",
            "dc", "http://purl.org/dc/elements/1.1/",
            "content", "http://purl.org/rss/1.0/modules/content/",
            "media", "http://search.yahoo.com/mrss/",
            "xml", XMLConstants.XML_NS_URI);

    public final Document doc;
    private final XPath xpath;

    private FeedXml(Document doc) {
        this.doc = doc;
        this.xpath = XPathFactory.newInstance().newXPath();
        xpath.setNamespaceContext(new NamespaceContext() {
            @Override
            public String getNamespaceURI(String prefix) {
                return NAMESPACES.getOrDefault(prefix, XMLConstants.NULL_NS_URI);
            }

            @Override
            public String getPrefix(String uri) {
                return null;
            }

            @Override
            public Iterator<String> getPrefixes(String uri) {
                return List.<String>of().iterator();
            }
        });
    }

    /** A title as every feed carries it: inside a right-to-left isolate, U+2067 … U+2069. */
    public static String isolated(String title) {
        return "\u2067" + title + "\u2069";
    }

    /** The title inside a feed title's isolate; fails when the title is not wrapped in one. */
    public static String unisolated(String shown) {
        if (shown.length() < 2 || shown.charAt(0) != '\u2067' || shown.charAt(shown.length() - 1) != '\u2069') {
            throw new AssertionError("not in a right-to-left isolate: " + shown);
        }
        return shown.substring(1, shown.length() - 1);
    }

    public static FeedXml parse(byte[] bytes) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return new FeedXml(factory.newDocumentBuilder().parse(new ByteArrayInputStream(bytes)));
        } catch (Exception e) {
            throw new AssertionError("not well-formed XML: " + e.getMessage(), e);
        }
    }

    public String text(String expression) {
        return text(doc, expression);
    }

    public String text(Node context, String expression) {
        try {
            return xpath.evaluate(expression, context);
        } catch (XPathExpressionException e) {
            throw new IllegalArgumentException(expression, e);
        }
    }

    public List<Node> nodes(String expression) {
        return nodes(doc, expression);
    }

    public List<Node> nodes(Node context, String expression) {
        try {
            NodeList list = (NodeList) xpath.evaluate(expression, context, XPathConstants.NODESET);
            List<Node> out = new ArrayList<>(list.getLength());
            for (int i = 0; i < list.getLength(); i++) {
                out.add(list.item(i));
            }
            return out;
        } catch (XPathExpressionException e) {
            throw new IllegalArgumentException(expression, e);
        }
    }
}
