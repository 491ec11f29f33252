package org.khulasa.web;

import static org.khulasa.article.ArticleRules.MAX_CAPTION;
import static org.khulasa.article.ArticleRules.MAX_IMAGE_BYTES;
import static org.khulasa.article.ArticleRules.MAX_IMAGE_SIDE;
import static org.khulasa.article.ArticleRules.MAX_URL;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Map;
import org.khulasa.article.Image;

/**
 * The {@code image} of an editor's JSON: url, type (guessed from the URL when absent), and the
 * optional caption, width, height and bytes. The server never fetches the URL to check them.
 */
final class ImageRequest {
    /** Image file extensions and the one type each means. */
    private static final Map<String, String> IMAGE_TYPES = Map.of(
            "jpg", "image/jpeg", "jpeg", "image/jpeg", "png", "image/png", "gif", "image/gif",
            "webp", "image/webp", "avif", "image/avif", "svg", "image/svg+xml");

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
            fields.error("image.url",
                    "must be an absolute http or https URL with a host, a valid port and no user name or password");
            url = null;
        }
        String type = fields.text(node, "type", "image.type", false, 100);
        String named = url == null ? null : typeNamedBy(url);
        if (type == null && url != null) {
            type = named != null ? named : "image/jpeg";
        }
        if (type != null && !type.matches("image/[a-z0-9.+-]+")) {
            fields.error("image.type", "must be an image media type like image/jpeg");
            type = null;
        } else if (type != null && named != null && !named.equals(type)) {
            // Readers trust the declared type: an .svg sent as image/jpeg would slip past their checks.
            fields.error("image.type", "is " + type + " but the URL names a " + named + " file");
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
}
