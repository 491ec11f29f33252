package org.khulasa.web.pages;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.khulasa.web.http.Sha256;

/**
 * The site's one stylesheet, read once from the classpath. Pages link it with a hash of its
 * content in the query, so browsers may keep it for a year and still see a new one at once.
 */
final class Stylesheet {
    static final String PATH = "/assets/site.css";

    private final byte[] css;
    private final String href;

    Stylesheet() {
        try (InputStream in = Stylesheet.class.getResourceAsStream(PATH)) {
            if (in == null) {
                throw new IllegalStateException(PATH + " is missing from the classpath");
            }
            this.css = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.href = PATH + "?v=" + Sha256.hexPrefix(css, 6);
    }

    /** The URL pages link to. */
    String href() {
        return href;
    }

    void serve(Context ctx) {
        ctx.contentType("text/css; charset=utf-8")
                .header("Cache-Control", "public, max-age=31536000, immutable")
                .header("Vary", "Accept-Encoding") // Javalin may gzip it
                .header("X-Content-Type-Options", "nosniff")
                .result(css);
    }
}
