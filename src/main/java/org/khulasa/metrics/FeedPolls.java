package org.khulasa.metrics;

import io.prometheus.metrics.core.datapoints.CounterDataPoint;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.function.LongSupplier;

/**
 * Feed polls by how they were answered. The counters are bound to their label once, here, and
 * keep no exemplars, so counting a cached answer is one striped add: the poll path stays as cheap
 * as it was (bench/README.md). A miss also records how long the render took.
 */
public final class FeedPolls {
    private final CounterDataPoint cacheHit;
    private final CounterDataPoint notModified;
    private final CounterDataPoint miss;
    private final Histogram renders;
    private final PrometheusRegistry registry;

    FeedPolls(PrometheusRegistry registry) {
        this.registry = registry;
        Counter polls = Counter.builder().name("khulasa_feed_polls_total")
                .help("Feed and OPML requests by result: cache_hit (200 from memory), not_modified (304), miss (rendered)")
                .labelNames("result").withoutExemplars().register(registry);
        cacheHit = polls.labelValues("cache_hit");
        notModified = polls.labelValues("not_modified");
        miss = polls.labelValues("miss");
        renders = Metrics.histogramBuilder("khulasa_feed_render_duration_seconds",
                "Time to render, compress and hash a feed on a cache miss").register(registry);
    }

    /** A poll answered from memory: 304 when the poller's copy is current, else 200 with the body. */
    public void answeredFromCache(boolean notModified) {
        (notModified ? this.notModified : cacheHit).inc();
    }

    /** Reports the bytes the documents' cache (feeds and pages) holds, as its entries weigh them. */
    public void watchCache(LongSupplier bytes) {
        GaugeWithCallback.builder().name("khulasa_cache_bytes")
                .help("Bytes of rendered feeds and pages held in memory, as their entries weigh them (within KHULASA_CACHE_MB)")
                .callback(cb -> cb.call(bytes.getAsLong())).register(registry);
    }

    /** A poll that rendered the feed first, taking {@code nanos}. */
    public void rendered(long nanos) {
        miss.inc();
        renders.observe(nanos / 1e9);
    }
}
