package org.khulasa.web;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import org.khulasa.metrics.Metrics;

/**
 * {@code GET /metrics} with {@code Authorization: Bearer KHULASA_METRICS_TOKEN}: the Prometheus
 * text format, which every Prometheus scrapes. The token is checked as editor tokens are (a
 * digest, compared in constant time); it is a token of its own, so a scraper can't write.
 *
 * <pre>curl -H "Authorization: Bearer $KHULASA_METRICS_TOKEN" http://localhost:8080/metrics</pre>
 */
public final class MetricsEndpoint implements Handler {
    private final Metrics metrics;
    private final EditorTokens token;

    public MetricsEndpoint(Metrics metrics, String token) {
        this.metrics = metrics;
        this.token = new EditorTokens(List.of(token));
    }

    @Override
    public void handle(Context ctx) throws IOException {
        String header = ctx.header("Authorization");
        boolean bearer = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7);
        if (!bearer || token.match(header.substring(7).strip()).isEmpty()) {
            ctx.header("WWW-Authenticate", "Bearer");
            throw ProblemException.of(401, "Unauthorized",
                    "send the metrics token as 'Authorization: Bearer KHULASA_METRICS_TOKEN'");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(32 * 1024);
        metrics.writeTextFormat(out);
        ctx.contentType(Metrics.TEXT_FORMAT).header("Cache-Control", "no-store").result(out.toByteArray());
    }
}
