package org.khulasa.web.desk;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The desk's scripts and stylesheet, read once from {@code /desk/} on the classpath and served
 * as they are: no build step. Modules import each other by plain relative names, which carry no
 * version, so browsers are told to check every file again each time (they are small).
 */
final class DeskAssets {
    static final String ROUTE = "/desk/assets/{file}";
    private static final Map<String, String> TYPES = Map.of(
            "desk.css", "text/css; charset=utf-8",
            "editor.js", "text/javascript; charset=utf-8",
            "richtext.js", "text/javascript; charset=utf-8",
            "bylines.js", "text/javascript; charset=utf-8",
            "timezone.js", "text/javascript; charset=utf-8",
            "messages.js", "text/javascript; charset=utf-8");

    private final Map<String, byte[]> files;

    DeskAssets() {
        this.files = TYPES.keySet().stream().collect(java.util.stream.Collectors.toUnmodifiableMap(f -> f, DeskAssets::read));
    }

    static String href(String file) {
        return "/desk/assets/" + file;
    }

    void serve(Context ctx) {
        String file = ctx.pathParam("file");
        byte[] bytes = files.get(file);
        if (bytes == null) {
            ctx.status(404).contentType("text/plain; charset=utf-8").result("no such desk file");
            return;
        }
        ctx.contentType(TYPES.get(file))
                .header("Cache-Control", "private, no-cache")
                .header("X-Content-Type-Options", "nosniff")
                .result(bytes);
    }

    private static byte[] read(String file) {
        try (InputStream in = DeskAssets.class.getResourceAsStream("/desk/" + file)) {
            if (in == null) {
                throw new IllegalStateException("/desk/" + file + " is missing from the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
