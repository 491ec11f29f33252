package org.khulasa.web;

import static org.khulasa.article.ArticleRules.MAX_AUTHORS;
import static org.khulasa.article.ArticleRules.MAX_BODY;
import static org.khulasa.article.ArticleRules.MAX_BODY_DEPTH;
import static org.khulasa.article.ArticleRules.MAX_BODY_TAGS;
import static org.khulasa.article.ArticleRules.MAX_NOTE;
import static org.khulasa.article.ArticleRules.MAX_RELATED;
import static org.khulasa.article.ArticleRules.MAX_SUMMARY;
import static org.khulasa.article.ArticleRules.MAX_TAG;
import static org.khulasa.article.ArticleRules.MAX_TAGS;
import static org.khulasa.article.ArticleRules.MAX_TITLE;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.khulasa.article.ArticleContent;
import org.khulasa.article.ArticleDraft;
import org.khulasa.article.ArticleRules;
import org.khulasa.article.Author;
import org.khulasa.article.BodySanitizer;
import org.khulasa.article.Category;
import org.khulasa.article.Change;
import org.khulasa.article.DisplayText;
import org.khulasa.article.Image;
import org.khulasa.article.InvalidArticleException;
import org.khulasa.article.Status;
import org.khulasa.article.XmlText;
import org.khulasa.web.http.Rfc3339;

/**
 * Turns an editor's JSON into an {@link ArticleDraft}, or into the full list of what is wrong,
 * each error naming its field ({@code category.slug}, {@code related[1]}). Unknown fields are
 * ignored, so an article read from the API can be sent back as it is.
 */
public final class ArticleRequest {
    private static final ObjectMapper MAPPER = Json.mapper();

    private final RequestFields fields = new RequestFields();

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
        String title = fields.text(json, "title", "title", true, MAX_TITLE);
        String summary = fields.text(json, "summary", "summary", false, MAX_SUMMARY);
        String body = body(json);
        Category category = fields.named(json.get("category"), "category", Category::new);
        List<Author> authors = authors(json);
        Status status = fields.choice(json, "status", Status.class, Status.PUBLISHED);
        Instant published = published(json);
        List<Long> related = related(json);
        List<String> tags = tags(json);
        Image image = ImageRequest.read(json, fields);
        Change change = fields.choice(json, "change", Change.class, Change.UPDATE);
        String note = fields.text(json, "note", "note", false, MAX_NOTE);
        if (change == Change.CORRECTION && (note == null || note.isBlank())) {
            fields.error("note", "is required with change: correction, saying what was corrected");
        } else if (change != Change.CORRECTION && note != null) {
            fields.error("note", "goes with change: correction only");
        }
        fields.check();
        return new ArticleDraft(new ArticleContent(title, summary, body, category, authors, status, published),
                related, tags, image, change, note);
    }

    private String body(JsonNode json) {
        String raw = fields.text(json, "body", "body", true, Integer.MAX_VALUE);
        if (raw == null) {
            return null;
        }
        // Counted before parsing: deeply nested tags cost the parser far more than their bytes.
        if (raw.chars().filter(c -> c == '<').count() > MAX_BODY_TAGS) {
            fields.error("body", "holds more than " + MAX_BODY_TAGS + " tags");
            return null;
        }
        BodySanitizer.Clean safe = BodySanitizer.clean(raw);
        if (!safe.hasContent()) {
            fields.error("body", "shows nothing once scripts and unsafe markup are removed: no visible text, no image");
            return null;
        }
        if (safe.depth() > MAX_BODY_DEPTH) {
            fields.error("body", "nests elements more than " + MAX_BODY_DEPTH + " deep");
            return null;
        }
        if (safe.html().codePointCount(0, safe.html().length()) > MAX_BODY) {
            fields.error("body", "must be at most " + MAX_BODY + " characters once sanitized (open tags closed)");
            return null;
        }
        return safe.html();
    }

    /** {@code authors} (the editor's order), or the older single {@code author} as a list of one. */
    private List<Author> authors(JsonNode json) {
        JsonNode list = json.get("authors");
        JsonNode single = json.get("author");
        boolean hasList = list != null && !list.isNull();
        if (!hasList) {
            Author author = fields.named(single, "author", Author::new);
            return author == null ? List.of() : List.of(author);
        }
        if (single != null && !single.isNull()) {
            fields.error("author", "send either author or authors, not both");
            return List.of();
        }
        if (!list.isArray() || list.isEmpty()) {
            fields.error("authors", "must be a non-empty array of {\"slug\": \"…\", \"name\": \"…\"}");
            return List.of();
        }
        if (list.size() > MAX_AUTHORS) {
            fields.error("authors", "may name at most " + MAX_AUTHORS + " authors");
            return List.of();
        }
        List<Author> authors = new ArrayList<>();
        Set<String> slugs = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            Author author = fields.named(list.get(i), "authors[" + i + "]", Author::new);
            if (author != null && !slugs.add(author.slug())) {
                fields.error("authors[" + i + "].slug", "repeats author " + author.slug());
            } else if (author != null) {
                authors.add(author);
            }
        }
        return authors;
    }

    private Instant published(JsonNode json) {
        String value = fields.text(json, "published", "published", false, 64);
        if (value == null) {
            return null;
        }
        Optional<Instant> published = Rfc3339.parse(value);
        if (published.isEmpty()) {
            fields.error("published", "must be an RFC 3339 time with an offset, like 2026-10-25T10:00:00+03:00");
            return null;
        }
        if (!ArticleRules.isPublishable(published.get())) {
            fields.error("published", ArticleRules.PUBLISHED_RANGE);
            return null;
        }
        return published.get();
    }

    /**
     * The elements of the array {@code field}, at most {@code max}: none when it is absent or null,
     * and none (with the error noted) when it is no array of {@code what} or holds too many.
     */
    private List<JsonNode> array(JsonNode json, String field, String what, int max, String tooMany) {
        JsonNode node = json.get(field);
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            fields.error(field, "must be an array of " + what + ", not " + RequestFields.kind(node));
            return List.of();
        }
        if (node.size() > max) {
            fields.error(field, tooMany);
            return List.of();
        }
        List<JsonNode> elements = new ArrayList<>(node.size());
        node.forEach(elements::add);
        return elements;
    }

    private List<Long> related(JsonNode json) {
        List<JsonNode> given = array(json, "related", "article ids or {\"id\": …} objects", MAX_RELATED,
                "may list at most " + MAX_RELATED + " articles");
        Set<Long> ids = new LinkedHashSet<>();
        for (int i = 0; i < given.size(); i++) {
            JsonNode id = given.get(i);
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
                fields.error(path, "must be a positive article id, not " + id);
            } else if (!ids.add(id.longValue())) {
                fields.error("related[" + i + "]", "repeats article " + id.longValue());
            }
        }
        return List.copyOf(ids);
    }

    private List<String> tags(JsonNode json) {
        List<JsonNode> given = array(json, "tags", "strings", MAX_TAGS, "may hold at most " + MAX_TAGS + " tags");
        Set<String> tags = new LinkedHashSet<>();
        for (int i = 0; i < given.size(); i++) {
            JsonNode tag = given.get(i);
            String path = "tags[" + i + "]";
            if (!tag.isTextual()) {
                fields.error(path, "must be a string, not " + RequestFields.kind(tag));
                continue;
            }
            String value = XmlText.clean(tag.textValue()).strip();
            if (value.isEmpty()) {
                fields.error(path, "must not be empty");
            } else if (!DisplayText.hasVisible(value)) {
                fields.error(path, RequestFields.NOTHING_VISIBLE);
            } else if (value.codePointCount(0, value.length()) > MAX_TAG) {
                fields.error(path, "must be at most " + MAX_TAG + " characters");
            } else {
                tags.add(DisplayText.balanced(value));
            }
        }
        return List.copyOf(tags);
    }
}
