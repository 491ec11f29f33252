package org.khulasa.wordpress;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.parser.Parser;
import org.khulasa.article.BodySanitizer;
import org.khulasa.article.DisplayText;
import org.khulasa.article.XmlText;

/**
 * What WordPress does to a post's raw {@code post_content} when it shows it, and then Khulasa's
 * sanitizer: block-editor comments go, shortcodes are expanded ({@code [caption]} → figure,
 * {@code [embed]} and bare media URLs → links, any other leaves no trace), and paragraphs are
 * made the way {@code wpautop} makes them (blank line → paragraph, single newline → {@code <br>}).
 */
public final class WordPressText {
    private static final Pattern BLOCK_COMMENT = Pattern.compile("<!--\\s*/?wp:.*?-->", Pattern.DOTALL);
    /** {@code [name attrs]} or {@code [name attrs]inner[/name]}; {@code [[name]]} is WordPress's escape. */
    private static final Pattern SHORTCODE = Pattern.compile(
            "(?<!\\[)\\[([a-zA-Z][\\w-]*)((?:\\s[^\\]]*)?)/?\\](?:(.*?)\\[/\\1\\])?", Pattern.DOTALL);
    private static final Pattern ESCAPED_SHORTCODE = Pattern.compile("\\[(\\[[a-zA-Z][^\\]]*\\])\\]");
    private static final Pattern BARE_URL = Pattern.compile("(?m)^[ \\t]*(https?://[^\\s<>\"]+)[ \\t]*$");
    private static final Pattern URL = Pattern.compile("https?://[^\\s<>\"]+");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern PARAGRAPH_BREAK = Pattern.compile("\n\\s*\n");
    private static final Pattern LINE_BREAK = Pattern.compile("\\s*\n\\s*");
    private static final Pattern IMG = Pattern.compile("<img\\b[^>]*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern LINKED_IMG = Pattern.compile("<a\\b[^>]*>\\s*<img\\b[^>]*>\\s*</a>", Pattern.CASE_INSENSITIVE);
    private static final String BLOCKS = "table|thead|tfoot|caption|col|colgroup|tbody|tr|td|th|div|dl|dd|dt|ul|ol|li|pre"
            + "|form|map|area|blockquote|address|math|style|p|h[1-6]|hr|fieldset|legend|section|article|aside|hgroup"
            + "|header|footer|nav|figure|figcaption|details|menu|summary";
    private static final Pattern BLOCK_OPEN = Pattern.compile("(<(?:" + BLOCKS + ")[\\s/>])", Pattern.CASE_INSENSITIVE);
    private static final Pattern BLOCK_CLOSE = Pattern.compile("(</(?:" + BLOCKS + ")>)", Pattern.CASE_INSENSITIVE);
    private static final Pattern STARTS_WITH_BLOCK = Pattern.compile("^</?(?:" + BLOCKS + ")[\\s/>]", Pattern.CASE_INSENSITIVE);

    private WordPressText() {
    }

    /**
     * The body as WordPress would show it, sanitized, with whether it shows anything (as the
     * editor API measures a body).
     */
    static BodySanitizer.Clean shown(String raw) {
        String text = raw == null ? "" : raw.replace("\r\n", "\n").replace('\r', '\n');
        // Each rule only where its text can be: most posts have no comment, shortcode or bare link.
        if (text.contains("<!--")) {
            text = BLOCK_COMMENT.matcher(text).replaceAll("");
        }
        if (text.indexOf('[') >= 0) {
            text = shortcodes(text);
        }
        if (text.contains("http")) {
            text = BARE_URL.matcher(text).replaceAll(m -> Matcher.quoteReplacement(link(m.group(1))));
        }
        if (text.contains("[[")) {
            text = ESCAPED_SHORTCODE.matcher(text).replaceAll(m -> Matcher.quoteReplacement(m.group(1)));
        }
        return BodySanitizer.clean(XmlText.clean(autop(text)));
    }

    /** Plain text of a title, excerpt or name: tags gone, entities decoded, spaces collapsed. */
    public static String plain(String html) {
        if (html == null) {
            return "";
        }
        String text = html.indexOf('<') >= 0 ? Jsoup.parse(html).text() : Parser.unescapeEntities(html, false);
        String clean = XmlText.clean(SPACES.matcher(text).replaceAll(" ").strip());
        // As the editor API keeps them: bidi controls balanced, nothing but invisible marks is nothing.
        return DisplayText.hasVisible(clean) ? DisplayText.balanced(clean) : "";
    }

    private static String shortcodes(String text) {
        Matcher m = SHORTCODE.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (m.find()) {
            String replacement = switch (m.group(1).toLowerCase(java.util.Locale.ROOT)) {
                case "caption", "wp_caption" -> caption(m.group(3) == null ? "" : m.group(3));
                case "embed" -> m.group(3) == null ? "" : "\n\n" + link(m.group(3).strip()) + "\n\n";
                // [gallery], [audio], [video], [playlist] and every plugin's own: nothing to show them with.
                default -> "";
            };
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** {@code [caption]<img …> text[/caption]} (the image possibly linked) → a figure with its caption. */
    private static String caption(String inner) {
        Matcher image = LINKED_IMG.matcher(inner);
        if (!image.find()) {
            image = IMG.matcher(inner);
            if (!image.find()) {
                return inner;
            }
        }
        String caption = (inner.substring(0, image.start()) + inner.substring(image.end())).strip();
        return "\n\n<figure>" + image.group() + (caption.isEmpty() ? "" : "<figcaption>" + caption + "</figcaption>")
                + "</figure>\n\n";
    }

    private static String link(String url) {
        if (!URL.matcher(url).matches()) {
            return "";
        }
        String escaped = url.replace("&", "&amp;");
        return "<p><a href=\"" + escaped + "\">" + escaped + "</a></p>";
    }

    /** {@code wpautop}, its main rules: blocks stand alone, other text becomes paragraphs with {@code <br>}. */
    static String autop(String text) {
        if (text.isBlank()) {
            return "";
        }
        String spaced = text;
        // Plain paragraphs, with no tag at all, are most posts of the classic editor: no block to set apart.
        if (text.indexOf('<') >= 0) {
            spaced = BLOCK_OPEN.matcher(spaced).replaceAll("\n\n$1");
            spaced = BLOCK_CLOSE.matcher(spaced).replaceAll("$1\n\n");
        }
        StringBuilder out = new StringBuilder(spaced.length() + 64);
        for (String chunk : PARAGRAPH_BREAK.split(spaced)) {
            String c = chunk.strip();
            if (c.isEmpty()) {
                continue;
            }
            if (c.charAt(0) == '<' && STARTS_WITH_BLOCK.matcher(c).find()) {
                out.append(c).append('\n');
            } else {
                out.append("<p>").append(c.indexOf('\n') < 0 ? c : LINE_BREAK.matcher(c).replaceAll("<br>\n"))
                        .append("</p>\n");
            }
        }
        return out.toString();
    }
}
