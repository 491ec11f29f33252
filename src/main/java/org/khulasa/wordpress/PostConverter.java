package org.khulasa.wordpress;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.khulasa.article.ArticleDraft;
import org.khulasa.article.ArticleRules;
import org.khulasa.article.Author;
import org.khulasa.article.BodySanitizer;
import org.khulasa.article.Category;
import org.khulasa.article.Image;
import org.khulasa.article.ImportedArchive;
import org.khulasa.article.OldAddress;

/**
 * Turns one WordPress item into an article to import, or says why it is left out. Which
 * category, author and slug each gets is decided by {@link SiteMap}.
 */
final class PostConverter {
    private static final DateTimeFormatter WORDPRESS_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

    /** The outcome for one item: an article, or the reason it is left out, or why it is malformed. */
    sealed interface Outcome permits Convert, LeftOut, Malformed {
    }

    record Convert(ImportedArchive.Article article, boolean scheduled, Optional<Long> thumbnail) implements Outcome {
    }

    record LeftOut(String reason) implements Outcome {
    }

    record Malformed(String why) implements Outcome {
    }

    private final SiteMap site;
    private final ImportReport report;

    PostConverter(SiteMap site, ImportReport report) {
        this.site = site;
        this.report = report;
    }

    Outcome convert(WxrItem item, Instant now) {
        String type = item.postType() == null ? "" : item.postType();
        if (!type.equals("post")) {
            return new LeftOut(switch (type) {
                case "page" -> "pages";
                case "attachment" -> "attachments";
                case "nav_menu_item" -> "menu items";
                default -> "items of type " + (type.isEmpty() ? "(none)" : type);
            });
        }
        String status = item.status() == null ? "" : item.status();
        if (!status.equals("publish") && !status.equals("future")) {
            return new LeftOut(switch (status) {
                case "draft", "auto-draft" -> "drafts";
                case "pending" -> "pending posts";
                case "private" -> "private posts";
                case "trash" -> "trashed posts";
                default -> "posts with status " + (status.isEmpty() ? "(none)" : status);
            });
        }
        if (item.password() != null && !item.password().isEmpty()) {
            return new LeftOut("password-protected posts");
        }
        if (item.guid() == null || item.guid().isBlank()) {
            return new Malformed("no <guid>");
        }
        long sourceId;
        try {
            sourceId = Long.parseLong(item.postId() == null ? "" : item.postId().trim());
        } catch (NumberFormatException e) {
            return new Malformed("no readable <wp:post_id>");
        }
        Optional<Instant> published = date(item.postDateGmt())
                .or(() -> {
                    Optional<Instant> fallback = rfc1123(item.pubDate()).or(() -> date(item.postDate()));
                    fallback.ifPresent(t -> report.warn(item, "unreadable post_date_gmt '" + item.postDateGmt()
                            + "'; published at " + t + " instead"));
                    return fallback;
                });
        if (published.isEmpty()) {
            return new Malformed("no readable publication date");
        }
        Instant updated = date(item.postModifiedGmt()).orElseGet(() -> {
            report.warn(item, "unreadable post_modified_gmt '" + item.postModifiedGmt() + "'; updated = published");
            return published.get();
        });
        String title = cap(WordPressText.plain(item.title()), ArticleRules.MAX_TITLE);
        if (title.isEmpty()) {
            return new LeftOut("posts without a title");
        }
        BodySanitizer.Clean shown = WordPressText.shown(item.content());
        if (!shown.hasContent()) {
            return new LeftOut("posts without content");
        }
        String body = shown.html();
        int removed = item.removedControls();
        if (removed > 0) {
            report.warn(item, (removed == 1 ? "1 character" : removed + " characters")
                    + " that XML does not allow (control characters, U+FFFE, U+FFFF) removed from its text");
        }
        String summary = cap(WordPressText.plain(item.excerpt()), ArticleRules.MAX_SUMMARY);
        Category category = site.category(item, report);
        Author author = site.author(item, report);
        List<String> tags = tags(item);
        Optional<Long> thumbnail = number(item.meta().get("_thumbnail_id"));
        ArticleDraft draft = ArticleDraft.published(title, summary.isEmpty() ? null : summary, body, category,
                List.of(author), published.get(), List.of(), tags, null);
        List<String> addresses = new ArrayList<>();
        OldAddress.of(item.link() == null ? "" : item.link()).filter(a -> !a.equals("/")).ifPresent(addresses::add);
        if (site.isOwnUrl(item.guid())) {
            OldAddress.of(item.guid()).filter(a -> !a.equals("/") && !addresses.contains(a)).ifPresent(addresses::add);
        }
        String byId = "?p=" + sourceId;
        if (!addresses.contains(byId)) {
            addresses.add(byId);
        }
        return new Convert(new ImportedArchive.Article(item.guid().strip(), sourceId, draft, updated, addresses),
                published.get().isAfter(now), thumbnail);
    }

    /** The article with its featured image, once the attachment is known. */
    static ImportedArchive.Article withImage(ImportedArchive.Article a, ImportedArchive.Attachment attachment) {
        Optional<Image> image = imageOf(attachment);
        if (image.isEmpty()) {
            return a;
        }
        ArticleDraft d = a.draft();
        return new ImportedArchive.Article(a.guid(), a.sourceId(),
                new ArticleDraft(d.content(), d.related(), d.tags(), image.get(), d.change(), d.note()),
                a.updated(), a.oldAddresses());
    }

    /** The image an attachment shows, captioned by its caption or else its alt text; none without a web address. */
    static Optional<Image> imageOf(ImportedArchive.Attachment image) {
        String caption = image.caption() != null && !image.caption().isBlank() ? image.caption() : image.alt();
        caption = caption == null || caption.isBlank() ? null : cap(WordPressText.plain(caption), ArticleRules.MAX_CAPTION);
        if (!image.url().matches("https?://\\S+") || image.url().length() > ArticleRules.MAX_URL) {
            return Optional.empty();
        }
        return Optional.of(new Image(image.url(), typeOf(image.url()), caption, null, null, null));
    }

    private List<String> tags(WxrItem item) {
        Set<String> tags = new LinkedHashSet<>();
        for (WxrItem.Term t : item.terms()) {
            if (t.domain().equals("post_tag") && tags.size() < ArticleRules.MAX_TAGS) {
                String tag = cap(WordPressText.plain(t.name()), ArticleRules.MAX_TAG);
                if (!tag.isEmpty() && tags.add(tag) && !t.nicename().isBlank()) {
                    site.tag(t.nicename().strip(), tag);
                }
            }
        }
        return List.copyOf(tags);
    }

    private static String typeOf(String url) {
        String path = url.toLowerCase(Locale.ROOT).replaceAll("[?#].*", "");
        if (path.endsWith(".png")) {
            return "image/png";
        }
        if (path.endsWith(".webp")) {
            return "image/webp";
        }
        if (path.endsWith(".gif")) {
            return "image/gif";
        }
        return "image/jpeg";
    }

    /** WordPress's {@code 2024-03-10 06:30:00}; its "no date" is {@code 0000-00-00 00:00:00}. */
    static Optional<Instant> date(String s) {
        if (s == null || s.isBlank() || s.startsWith("0000")) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDateTime.parse(s.strip(), WORDPRESS_DATE).toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static Optional<Instant> rfc1123(String s) {
        if (s == null || s.isBlank() || s.contains("-0001")) {
            return Optional.empty();
        }
        try {
            return Optional.of(ZonedDateTime.parse(s.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static Optional<Long> number(String s) {
        try {
            return s == null ? Optional.empty() : Optional.of(Long.parseLong(s.strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** At most {@code max} chars, never cutting a surrogate pair in two. */
    static String cap(String s, int max) {
        if (s.length() <= max) {
            return s;
        }
        int end = Character.isHighSurrogate(s.charAt(max - 1)) ? max - 1 : max;
        return s.substring(0, end).strip();
    }
}
