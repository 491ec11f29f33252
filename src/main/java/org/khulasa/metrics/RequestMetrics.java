package org.khulasa.metrics;

import io.javalin.http.Context;
import io.javalin.http.RequestLogger;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.javalin.router.Endpoint;

/**
 * Counts and times every request Javalin routes, by route pattern ({@code /api/articles/{id}},
 * never the raw path, so the number of series stays fixed) and status. Writes to the editor API
 * are also counted by kind. Feed polls and page views answered from the cache never reach Javalin: {@link CachedAnswers}
 * counts those.
 */
final class RequestMetrics implements RequestLogger {
    private static final String ARTICLES = "/api/articles";
    private static final String ARTICLE = "/api/articles/{id}";

    private final Counter requests;
    private final Histogram durations;
    private final Counter writes;
    private final Histogram writeDurations;

    RequestMetrics(PrometheusRegistry registry) {
        requests = Counter.builder().name("khulasa_http_requests_total")
                .help("Requests Javalin routed, by method, route pattern and status (cached feed polls and page views are in khulasa_feed_polls_total and khulasa_page_views_total)")
                .labelNames("method", "route", "status").withoutExemplars().register(registry);
        durations = Metrics.histogramBuilder("khulasa_http_request_duration_seconds",
                "Time to answer a request Javalin routed, by method and route pattern")
                .labelNames("method", "route").register(registry);
        writes = Counter.builder().name("khulasa_article_writes_total")
                .help("Article writes through the editor API by kind (create, update, delete) and status")
                .labelNames("kind", "status").withoutExemplars().register(registry);
        writeDurations = Metrics.histogramBuilder("khulasa_article_write_duration_seconds",
                "Time to answer an article write, by kind").labelNames("kind").register(registry);
    }

    @Override
    public void handle(Context ctx, Float executionMillis) {
        String method = method(ctx.req().getMethod());
        String route = route(ctx);
        String status = String.valueOf(ctx.statusCode());
        double seconds = executionMillis / 1000.0;
        requests.labelValues(method, route, status).inc();
        durations.labelValues(method, route).observe(seconds);
        String kind = writeKind(method, route);
        if (kind != null) {
            writes.labelValues(kind, status).inc();
            writeDurations.labelValues(kind).observe(seconds);
        }
    }

    /** Jetty passes any method token through: only the ones HTTP defines get a series of their own. */
    private static String method(String raw) {
        return switch (raw) {
            case "GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "CONNECT" -> raw;
            default -> "OTHER";
        };
    }

    /**
     * The matched route's pattern; requests no route matched share one label. A write refused by
     * the editor API's token check (401, 429) was answered before routing, so its route is read
     * from the path.
     */
    private static String route(Context ctx) {
        Endpoint endpoint = ctx.endpoints().matchedHttpEndpoint();
        if (endpoint != null) {
            return endpoint.path;
        }
        String path = ctx.path();
        if (path.equals(ARTICLES) || path.equals(ARTICLES + "/")) {
            return ARTICLES;
        }
        if (path.startsWith(ARTICLES + "/") && path.indexOf('/', ARTICLES.length() + 1) < 0) {
            return ARTICLE;
        }
        return "unmatched";
    }

    private static String writeKind(String method, String route) {
        if (route.equals(ARTICLES) && method.equals("POST")) {
            return "create";
        }
        if (route.equals(ARTICLE)) {
            return switch (method) {
                case "PUT" -> "update";
                case "DELETE" -> "delete";
                default -> null;
            };
        }
        return null;
    }
}
