package org.khulasa.web;

import static org.khulasa.article.ArticleRules.MAX_BODY;
import static org.khulasa.article.ArticleRules.MAX_BODY_DEPTH;
import static org.khulasa.article.ArticleRules.MAX_BODY_TAGS;
import static org.khulasa.article.ArticleRules.MAX_CAPTION;
import static org.khulasa.article.ArticleRules.MAX_NAME;
import static org.khulasa.article.ArticleRules.MAX_RELATED;
import static org.khulasa.article.ArticleRules.MAX_SUMMARY;
import static org.khulasa.article.ArticleRules.MAX_TAG;
import static org.khulasa.article.ArticleRules.MAX_TAGS;
import static org.khulasa.article.ArticleRules.MAX_TITLE;
import static org.khulasa.article.ArticleRules.MAX_URL;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
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
import org.khulasa.article.DisplayText;
import org.khulasa.article.FieldError;
import org.khulasa.article.Image;
import org.khulasa.article.InvalidArticleException;
import org.khulasa.article.Slug;
import org.khulasa.article.XmlText;
import org.khulasa.web.http.Rfc3339;

/**
 * Turns an editor's JSON into an {@link ArticleDraft}, or into the full list of what is wrong,
 * each error naming its field ({@code category.slug}, {@code related[1]}). Unknown fields are
 * ignored, so an article read from the API can be sent back as it is.
 */
public final class ArticleRequest {
    private static final ObjectMapper MAPPER = Json.mapper();

    private static final String NOTHING_VISIBLE =
            "shows nothing: it holds only spaces and invisible characters (such as U+200F, U+200B, U+2060)";

    /** Image file extensions and the one type each means. */
    private static final java.util.Map<String, String> IMAGE_TYPES = java.util.Map.of(
            "jpg", "image/jpeg", "jpeg", "image/jpeg", "png", "image/png", "gif", "image/gif",
            "webp", "image/webp", "avif", "image/avif", "svg", "image/svg+xml");

    private final List<FieldError> errors = new ArrayList<>();

    private ArticleRequest() {
    }

    static ArticleDraft parse(JsonNode json) {
        return new ArticleRequest().read(json);
    }

    /** A post's JSON read from elsewhere than a request (the sample newsroom), exactly as the API reads it. */
    public static ArticleDraft parse(InputStream json) throws IOException {
        return parse(MAPPER.readTree(json));
    }

    private ArticleDraft read(JsonNode json) {
        if (json == null || !json.isObject()) {
            throw new InvalidArticleException("", "the body must be a JSON object");
        }
        String title = text(json, "title", true, MAX_TITLE);
        String summary = text(json, "summary", false, MAX_SUMMARY);
        String body = body(json);
        Category category = named(json, "category", Category::new);
        Author author = named(json, "author", Author::new);
        Instant published = published(json);
        List<Long> related = related(json);
        List<String> tags = tags(json);
        Image image = image(json);
        if (!errors.isEmpty()) {
            throw new InvalidArticleException(errors);
        }
        return new ArticleDraft(title, summary, body, category, author, published, related, tags, image);
    }

    private String text(JsonNode parent, String field, boolean required, int max) {
        return text(parent, field, field, required, max);
    }

    /** A string field, XML-illegal characters removed and bidi controls closed, otherwise exactly as sent. */
    private String text(JsonNode parent, String field, String path, boolean required, int max) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            if (required) {
                errors.add(new FieldError(path, "is required"));
            }
            return null;
        }
        if (!node.isTextual()) {
            errors.add(new FieldError(path, "must be a string, not " + kind(node)));
            return null;
        }
        String value = XmlText.clean(node.textValue());
        if (required && value.isBlank()) {
            errors.add(new FieldError(path, "must not be empty"));
            return null;
        }
        if (!value.isBlank() && !DisplayText.hasVisible(value)) {
            errors.add(new FieldError(path, NOTHING_VISIBLE));
            return null;
        }
        if (value.codePointCount(0, value.length()) > max) {
            errors.add(new FieldError(path, "must be at most " + max + " characters"));
            return null;
        }
        return value.isEmpty() ? null : DisplayText.balanced(value);
    }

    private String body(JsonNode json) {
        String raw = text(json, "body", true, Integer.MAX_VALUE);
        if (raw == null) {
            return null;
        }
        // Counted before parsing: deeply nested tags cost the parser far more than their bytes.
        if (raw.chars().filter(c -> c == '<').count() > MAX_BODY_TAGS) {
            errors.add(new FieldError("body", "holds more than " + MAX_BODY_TAGS + " tags"));
            return null;
        }
        BodySanitizer.Clean safe = BodySanitizer.clean(raw);
        if (!safe.hasContent()) {
            errors.add(new FieldError("body", "shows nothing once scripts and unsafe markup are removed: no visible text, no image"));
            return null;
        }
        if (safe.depth() > MAX_BODY_DEPTH) {
            errors.add(new FieldError("body", "nests elements more than " + MAX_BODY_DEPTH + " deep"));
            return null;
        }
        if (safe.html().codePointCount(0, safe.html().length()) > MAX_BODY) {
            errors.add(new FieldError("body", "must be at most " + MAX_BODY + " characters once sanitized (open tags closed)"));
            return null;
        }
        return safe.html();
    }

    private interface Named<T> {
        T of(String slug, String name);
    }

    private <T> T named(JsonNode json, String field, Named<T> factory) {
        JsonNode node = json.get(field);
        if (node == null || node.isNull()) {
            errors.add(new FieldError(field, "is required: {\"slug\": \"…\", \"name\": \"…\"}"));
            return null;
        }
        if (!node.isObject()) {
            errors.add(new FieldError(field, "must be an object with slug and name, not " + kind(node)));
            return null;
        }
        String slug = text(node, "slug", field + ".slug", true, 64);
        // Checked as sent: cleaning would turn "politics\u0000" into a valid slug.
        if (slug != null && !Slug.isValid(node.get("slug").textValue())) {
            errors.add(new FieldError(field + ".slug",
                    "must be 1-64 lowercase ASCII letters, digits or hyphens, like nizar-samir"));
            slug = null;
        }
        String name = text(node, "name", field + ".name", true, MAX_NAME);
        return slug == null || name == null ? null : factory.of(slug, name);
    }

    private Instant published(JsonNode json) {
        String value = text(json, "published", false, 64);
        if (value == null) {
            return null;
        }
        Optional<Instant> published = Rfc3339.parse(value);
        if (published.isEmpty()) {
            errors.add(new FieldError("published",
                    "must be an RFC 3339 time with an offset, like 2026-10-25T10:00:00+03:00"));
            return null;
        }
        if (!ArticleRules.isPublishable(published.get())) {
            errors.add(new FieldError("published", ArticleRules.PUBLISHED_RANGE));
            return null;
        }
        return published.get();
    }

    private List<Long> related(JsonNode json) {
        JsonNode node = json.get("related");
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            errors.add(new FieldError("related", "must be an array of article ids or {\"id\": …} objects, not " + kind(node)));
            return List.of();
        }
        if (node.size() > MAX_RELATED) {
            errors.add(new FieldError("related", "may list at most " + MAX_RELATED + " articles"));
            return List.of();
        }
        Set<Long> ids = new LinkedHashSet<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode id = node.get(i);
            String path = "related[" + i + "]";
            // As GET shows the list: {"id", "title", "url", "chosen"}. Links Khulasa chose are
            // chosen again at this write, so only the editor's become picks.
            if (id.isObject()) {
                if (id.path("chosen").asText("").equals("auto")) {
                    continue;
                }
                id = id.path("id");
                path += ".id";
            }
            if (!id.isIntegralNumber() || !id.canConvertToLong() || id.longValue() < 1) {
                errors.add(new FieldError(path, "must be a positive article id, not " + id));
            } else if (!ids.add(id.longValue())) {
                errors.add(new FieldError("related[" + i + "]", "repeats article " + id.longValue()));
            }
        }
        return List.copyOf(ids);
    }

    private List<String> tags(JsonNode json) {
        JsonNode node = json.get("tags");
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            errors.add(new FieldError("tags", "must be an array of strings, not " + kind(node)));
            return List.of();
        }
        if (node.size() > MAX_TAGS) {
            errors.add(new FieldError("tags", "may hold at most " + MAX_TAGS + " tags"));
            return List.of();
        }
        Set<String> tags = new LinkedHashSet<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode tag = node.get(i);
            String path = "tags[" + i + "]";
            if (!tag.isTextual()) {
                errors.add(new FieldError(path, "must be a string, not " + kind(tag)));
                continue;
            }
            String value = XmlText.clean(tag.textValue()).strip();
            if (value.isEmpty()) {
                errors.add(new FieldError(path, "must not be empty"));
            } else if (!DisplayText.hasVisible(value)) {
                errors.add(new FieldError(path, NOTHING_VISIBLE));
            } else if (value.codePointCount(0, value.length()) > MAX_TAG) {
                errors.add(new FieldError(path, "must be at most " + MAX_TAG + " characters"));
            } else {
                tags.add(DisplayText.balanced(value));
            }
        }
        return List.copyOf(tags);
    }

    private Image image(JsonNode json) {
        JsonNode node = json.get("image");
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            errors.add(new FieldError("image", "must be an object with url, type and caption, not " + kind(node)));
            return null;
        }
        String url = text(node, "url", "image.url", true, MAX_URL);
        if (url != null && !isHttpUrl(url)) {
            errors.add(new FieldError("image.url",
                    "must be an absolute http or https URL with a host, a valid port and no user name or password"));
            url = null;
        }
        String type = text(node, "type", "image.type", false, 100);
        String named = url == null ? null : typeNamedBy(url);
        if (type == null && url != null) {
            type = named != null ? named : "image/jpeg";
        }
        if (type != null && !type.matches("image/[a-z0-9.+-]+")) {
            errors.add(new FieldError("image.type", "must be an image media type like image/jpeg"));
            type = null;
        } else if (type != null && named != null && !named.equals(type)) {
            // Readers trust the declared type: an .svg sent as image/jpeg would slip past their checks.
            errors.add(new FieldError("image.type", "is " + type + " but the URL names a " + named + " file"));
            type = null;
        }
        String caption = text(node, "caption", "image.caption", false, MAX_CAPTION);
        return url == null || type == null ? null : new Image(url, type, caption);
    }

    /**
     * http or https with a host; no user info, which makes {@code https://trusted@evil/} look like
     * trusted; a port, if any, from 1 to 65535.
     */
    private static boolean isHttpUrl(String value) {
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null
                    && uri.getRawUserInfo() == null && (uri.getPort() == -1 || (uri.getPort() >= 1 && uri.getPort() <= 65535));
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /** The image type the URL's file extension names, or null when it names none (a CDN address). */
    private static String typeNamedBy(String url) {
        String path = URI.create(url).getPath();
        String lower = path == null ? "" : path.toLowerCase(Locale.ROOT);
        String extension = lower.substring(lower.lastIndexOf('.') + 1);
        return lower.contains(".") ? IMAGE_TYPES.get(extension) : null;
    }

    private static String kind(JsonNode node) {
        return switch (node.getNodeType()) {
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case STRING -> "a string";
            default -> node.getNodeType().name().toLowerCase(Locale.ROOT);
        };
    }
}
