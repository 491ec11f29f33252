package org.khulasa;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;

/**
 * Finds what in parsed HTML a browser would run or let restyle the page: script-capable
 * elements, event handlers, style, and URLs with any scheme but http, https and mailto.
 */
public final class ActiveContent {
    private static final Set<String> ACTIVE_TAGS = Set.of("script", "style", "iframe", "frame", "frameset", "object",
            "embed", "applet", "base", "link", "meta", "form", "button", "input", "textarea", "select", "svg", "math",
            "template", "audio", "video", "source", "portal", "xml", "import", "noscript", "xmp", "title");
    private static final Set<String> URL_ATTRIBUTES = Set.of("href", "src", "cite", "action", "formaction", "poster",
            "data", "background", "srcset", "xlink:href", "dynsrc", "lowsrc", "longdesc", "codebase", "ping");
    private static final Set<String> ACTIVE_ATTRIBUTES = Set.of("style", "srcdoc", "formaction", "action", "background",
            "dynsrc", "lowsrc", "xmlns", "http-equiv");
    private static final Set<String> SAFE_SCHEMES = Set.of("http", "https", "mailto");

    private ActiveContent() {
    }

    /** Everything active under {@code root} (itself excluded), described for an assertion message. */
    public static List<String> in(Element root) {
        return in(root, Set.of());
    }

    /** As {@link #in(Element)}, allowing the named tags (a page's own head: {@code meta}, {@code link}, {@code title}). */
    public static List<String> in(Element root, Set<String> allowedTags) {
        List<String> found = new ArrayList<>();
        for (Element e : root.getAllElements()) {
            if (e != root && ACTIVE_TAGS.contains(e.normalName()) && !allowedTags.contains(e.normalName())) {
                found.add("<" + e.normalName() + ">");
            }
            for (Attribute a : e.attributes()) {
                String name = a.getKey().toLowerCase(Locale.ROOT);
                if (name.startsWith("on") || ACTIVE_ATTRIBUTES.contains(name)) {
                    found.add(name + "= on <" + e.normalName() + ">");
                }
                if (URL_ATTRIBUTES.contains(name) && !safeUrl(a.getValue())) {
                    found.add(name + "=\"" + a.getValue() + "\" on <" + e.normalName() + ">");
                }
            }
        }
        return found;
    }

    /** Browsers drop control characters and whitespace inside a scheme; so does this check. */
    static boolean safeUrl(String value) {
        String squeezed = value.replaceAll("[\\x00-\\x20\\x7F]", "").toLowerCase(Locale.ROOT);
        int colon = squeezed.indexOf(':');
        if (colon < 0) {
            return true;
        }
        String before = squeezed.substring(0, colon);
        if (before.contains("/") || before.contains("?") || before.contains("#")) {
            return true; // a relative URL with a colon further on
        }
        return SAFE_SCHEMES.contains(before);
    }
}
