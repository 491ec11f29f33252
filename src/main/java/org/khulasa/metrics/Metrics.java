package org.khulasa.metrics;

import com.zaxxer.hikari.HikariPoolMXBean;
import io.javalin.http.RequestLogger;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.instrumentation.jvm.JvmBufferPoolMetrics;
import io.prometheus.metrics.instrumentation.jvm.JvmClassLoadingMetrics;
import io.prometheus.metrics.instrumentation.jvm.JvmGarbageCollectorMetrics;
import io.prometheus.metrics.instrumentation.jvm.JvmMemoryMetrics;
import io.prometheus.metrics.instrumentation.jvm.JvmRuntimeInfoMetric;
import io.prometheus.metrics.instrumentation.jvm.JvmThreadsMetrics;
import io.prometheus.metrics.instrumentation.jvm.ProcessMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.util.function.BiConsumer;
import org.khulasa.article.RelatedMatcher;

/**
 * What an operator watches, in the Prometheus text format at {@code /metrics}: requests by route
 * and status, feed polls by result, writes, related matching, the database pool, WebSub
 * deliveries, JVM memory and GC. One registry per server (not the client's global one), so tests running several servers in
 * one JVM each see their own numbers. Metric names and labels are listed in the README.
 */
public final class Metrics {
    /** Seconds; from a cached answer's fraction of a millisecond to a write kept waiting 5 s. */
    static final double[] LATENCY_BUCKETS = {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};

    /** The media type of the Prometheus text format, version 0.0.4. */
    public static final String TEXT_FORMAT = PrometheusTextFormatWriter.CONTENT_TYPE;
    private static final PrometheusTextFormatWriter TEXT = PrometheusTextFormatWriter.create();

    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final CachedAnswers.ByKind cachedAnswers;
    private final RequestMetrics requests;
    private final Histogram relatedMatching;
    private final Counter webSubDeliveries;

    public Metrics() {
        // The JVM's own metrics, except the allocation counters: those add a GC listener per
        // registry that is never removed, and tests start many servers in one JVM.
        JvmMemoryMetrics.builder().register(registry);
        JvmGarbageCollectorMetrics.builder().register(registry);
        JvmThreadsMetrics.builder().register(registry);
        JvmBufferPoolMetrics.builder().register(registry);
        JvmClassLoadingMetrics.builder().register(registry);
        JvmRuntimeInfoMetric.builder().register(registry);
        ProcessMetrics.builder().register(registry);
        cachedAnswers = CachedAnswers.byKind(registry);
        requests = new RequestMetrics(registry);
        relatedMatching = histogram("khulasa_related_match_duration_seconds",
                "Time to choose the automatic related articles of one article, at each write");
        webSubDeliveries = Counter.builder().name("khulasa_websub_deliveries_total")
                .help("WebSub deliveries by kind (content to a subscriber, publish ping to an external hub) and outcome")
                .labelNames("kind", "outcome").withoutExemplars().register(registry);
    }

    /** Counts WebSub deliveries: {@code (kind, outcome)}, outcome delivered, retry or dropped. */
    public BiConsumer<String, String> webSubDeliveries() {
        return (kind, outcome) -> webSubDeliveries.labelValues(kind, outcome).inc();
    }

    static Histogram.Builder histogramBuilder(String name, String help) {
        return Histogram.builder().name(name).help(help)
                .classicOnly().classicUpperBounds(LATENCY_BUCKETS).withoutExemplars();
    }

    private Histogram histogram(String name, String help) {
        return histogramBuilder(name, help).register(registry);
    }

    /**
     * Counts feed polls and views of the reader's pages; the Jetty handler answering cached feeds
     * and pages counts every answer it gives.
     */
    public CachedAnswers.ByKind cachedAnswers() {
        return cachedAnswers;
    }

    /** Counts every request Javalin routes (and the writes among them), with its time. */
    public RequestLogger requestLogger() {
        return requests;
    }

    /** {@code matcher}, its {@code pick} timed. */
    public RelatedMatcher timed(RelatedMatcher matcher) {
        return new TimedRelatedMatcher(matcher, relatedMatching);
    }

    /** Reports the pool's connections in use, idle, and the threads waiting for one. */
    public void watchPool(HikariPoolMXBean pool) {
        GaugeWithCallback.builder().name("khulasa_db_pool_connections")
                .help("Database pool connections by state; 'pending' counts threads waiting for one")
                .labelNames("state")
                .callback(cb -> {
                    cb.call(pool.getActiveConnections(), "active");
                    cb.call(pool.getIdleConnections(), "idle");
                    cb.call(pool.getTotalConnections(), "total");
                    cb.call(pool.getThreadsAwaitingConnection(), "pending");
                })
                .register(registry);
    }

    /** Every metric, now, in the Prometheus text format ({@link #TEXT_FORMAT}). */
    public void writeTextFormat(OutputStream out) throws IOException {
        TEXT.write(out, registry.scrape());
    }
}
