package org.khulasa.wordpress;

import java.util.List;
import java.util.Map;

/**
 * One {@code <item>} of a WordPress export as written there (text still raw, dates as WordPress
 * writes them), with the line it starts on and how many control characters XML forbids were
 * removed from it ({@link ForbiddenControls}), for the report.
 */
public record WxrItem(
        int line,
        String postId,
        String title,
        String link,
        String guid,
        String creator,
        String content,
        String excerpt,
        String postDateGmt,
        String postDate,
        String pubDate,
        String postModifiedGmt,
        String postName,
        String status,
        String postType,
        String password,
        String attachmentUrl,
        List<Term> terms,
        Map<String, String> meta,
        int comments,
        int removedControls) {

    public WxrItem {
        terms = List.copyOf(terms);
        meta = Map.copyOf(meta);
    }

    /** A {@code <category domain="…" nicename="…">name</category>} of the item. */
    public record Term(String domain, String nicename, String name) {
    }

    /** A category of the header: {@code nicename} as WordPress writes it (often percent-encoded). */
    public record Category(long termId, String nicename, String parent, String name) {
    }

    /** An author of the header; {@code id} 0 when the export gives none. */
    public record Author(long id, String login, String displayName) {
    }
}
