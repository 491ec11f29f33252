package org.khulasa.web;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.khulasa.article.DisplayText;
import org.khulasa.article.FieldError;
import org.khulasa.article.InvalidArticleException;
import org.khulasa.article.Slug;
import org.khulasa.article.XmlText;

/**
 * Reads fields of an editor's JSON, collecting every error with its path ({@code image.width},
 * {@code authors[1].slug}) instead of stopping at the first, so one answer lists them all.
 */
final class RequestFields {
    static final String NOTHING_VISIBLE =
            "shows nothing: it holds only spaces and invisible characters (such as U+200F, U+200B, U+2060)";

    private final List<FieldError> errors = new ArrayList<>();

    void error(String path, String message) {
        errors.add(new FieldError(path, message));
    }

    /** Throws the errors collected so far, if any. */
    void check() {
        if (!errors.isEmpty()) {
            throw new InvalidArticleException(errors);
        }
    }

    /**
     * A string field, XML-illegal characters removed and bidi controls closed, otherwise exactly as
     * sent; null when absent or empty.
     */
    String text(JsonNode parent, String field, String path, boolean required, int max) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            if (required) {
                error(path, "is required");
            }
            return null;
        }
        if (!node.isTextual()) {
            error(path, "must be a string, not " + kind(node));
            return null;
        }
        String value = XmlText.clean(node.textValue());
        if (required && value.isBlank()) {
            error(path, "must not be empty");
            return null;
        }
        if (!value.isBlank() && !DisplayText.hasVisible(value)) {
            error(path, NOTHING_VISIBLE);
            return null;
        }
        if (value.codePointCount(0, value.length()) > max) {
            error(path, "must be at most " + max + " characters");
            return null;
        }
        return value.isEmpty() ? null : DisplayText.balanced(value);
    }

    /** A whole number from 1 to {@code max}, or null when absent. */
    Long positive(JsonNode parent, String field, String path, long max) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isIntegralNumber() || !node.canConvertToLong() || node.longValue() < 1 || node.longValue() > max) {
            error(path, "must be a whole number from 1 to " + max + ", not " + node);
            return null;
        }
        return node.longValue();
    }

    interface Named<T> {
        T of(String slug, String name);
    }

    /** {@code {"slug", "name"}} at {@code node}; null (with errors) when either is wrong. */
    <T> T named(JsonNode node, String path, Named<T> factory) {
        if (node == null || node.isNull()) {
            error(path, "is required: {\"slug\": \"…\", \"name\": \"…\"}");
            return null;
        }
        if (!node.isObject()) {
            error(path, "must be an object with slug and name, not " + kind(node));
            return null;
        }
        String slug = text(node, "slug", path + ".slug", true, 64);
        // Checked as sent: cleaning would turn "politics\u0000" into a valid slug.
        if (slug != null && !Slug.isValid(node.get("slug").textValue())) {
            error(path + ".slug", "must be 1-64 lowercase ASCII letters, digits or hyphens, like nizar-samir");
            slug = null;
        }
        String name = text(node, "name", path + ".name", true, org.khulasa.article.ArticleRules.MAX_NAME);
        return slug == null || name == null ? null : factory.of(slug, name);
    }

    /** One of {@code names} (lowercase, as sent), or {@code fallback} when absent. */
    <E extends Enum<E>> E choice(JsonNode parent, String field, Class<E> type, E fallback) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            return fallback;
        }
        List<String> names = new ArrayList<>();
        for (E value : type.getEnumConstants()) {
            String name = value.name().toLowerCase(Locale.ROOT);
            if (node.isTextual() && node.textValue().equals(name)) {
                return value;
            }
            names.add(name);
        }
        error(field, "must be one of " + String.join(", ", names) + ", not " + node);
        return null;
    }

    static String kind(JsonNode node) {
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
