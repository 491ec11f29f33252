package org.khulasa.web;

import static org.khulasa.article.ArticleRules.MAX_CAPTION;
import static org.khulasa.article.ArticleRules.MAX_IMAGE_BYTES;
import static org.khulasa.article.ArticleRules.MAX_IMAGE_SIDE;
import static org.khulasa.article.ArticleRules.MAX_URL;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import org.khulasa.article.Image;

/**
 * The {@code image} of an editor's JSON: url, type (guessed from the URL when absent), and the
 * optional caption, width, height and bytes. The server never fetches the URL to check them.
 */
final class ImageRequest {

    private ImageRequest() {
    }

    static Image read(JsonNode json, RequestFields fields) {
        JsonNode node = json.get("image");
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            fields.error("image", "must be an object with url, type and caption, not " + RequestFields.kind(node));
            return null;
        }
        String url = fields.text(node, "url", "image.url", true, MAX_URL);
        if (url != null && !isHttpUrl(url)) {
            fields.error("image.url", "must be an absolute http or https URL");
            url = null;
        }
        String type = fields.text(node, "type", "image.type", false, 100);
        if (type == null && url != null) {
            type = guessType(url);
        }
        if (type != null && !type.matches("image/[a-z0-9.+-]+")) {
            fields.error("image.type", "must be an image media type like image/jpeg");
            type = null;
        }
        String caption = fields.text(node, "caption", "image.caption", false, MAX_CAPTION);
        Long width = fields.positive(node, "width", "image.width", MAX_IMAGE_SIDE);
        Long height = fields.positive(node, "height", "image.height", MAX_IMAGE_SIDE);
        Long bytes = fields.positive(node, "bytes", "image.bytes", MAX_IMAGE_BYTES);
        return url == null || type == null ? null
                : new Image(url, type, caption, width == null ? null : width.intValue(),
                        height == null ? null : height.intValue(), bytes);
    }

    private static boolean isHttpUrl(String value) {
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static String guessType(String url) {
        String path = url.toLowerCase(Locale.ROOT).replaceAll("[?#].*$", "");
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
}
