package org.khulasa.metrics;

import io.prometheus.metrics.core.datapoints.CounterDataPoint;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.function.LongSupplier;

/**
 * Requests for one kind of cached document (feed polls, page views) by how they were answered.
 * The counters are bound to their label once, here, and keep no exemplars, so counting a cached
 * answer is one striped add: the cached path stays as cheap as it was (bench/README.md). A miss
 * also records how long the render took. Cached answers never reach Javalin's router, so these
 * are the only count of them.
 */
public final class CachedAnswers {
    private final CounterDataPoint cacheHit;
    private final CounterDataPoint notModified;
    private final CounterDataPoint miss;
    private final Histogram renders;
    private final PrometheusRegistry registry;

    private CachedAnswers(PrometheusRegistry registry, String counter, String what, String histogram, String rendering) {
        this.registry = registry;
        Counter answers = Counter.builder().name(counter)
                .help(what + " by result: cache_hit (200 from memory), not_modified (304), miss (rendered)")
                .labelNames("result").withoutExemplars().register(registry);
        cacheHit = answers.labelValues("cache_hit");
        notModified = answers.labelValues("not_modified");
        miss = answers.labelValues("miss");
        renders = Metrics.histogramBuilder(histogram, "Time to render, compress and hash " + rendering + " on a cache miss")
                .register(registry);
    }

    /** The counts of every kind of cached document, registered in {@code registry}. */
    static ByKind byKind(PrometheusRegistry registry) {
        return new ByKind(
                new CachedAnswers(registry, "khulasa_feed_polls_total", "Feed and OPML requests",
                        "khulasa_feed_render_duration_seconds", "a feed"),
                new CachedAnswers(registry, "khulasa_page_views_total", "Views of the reader's cached pages",
                        "khulasa_page_render_duration_seconds", "a page"),
                new CachedAnswers(registry, "khulasa_sitemap_requests_total", "Sitemap and robots.txt requests",
                        "khulasa_sitemap_render_duration_seconds", "a sitemap"));
    }

    /**
     * The counts of each kind of cached document: feed polls (feeds, OPML), views of the reader's
     * pages, and crawlers' reads of sitemaps and robots.txt. The one handler that answers feeds and
     * pages from memory picks between those two by kind.
     */
    public record ByKind(CachedAnswers feedPolls, CachedAnswers pageViews, CachedAnswers sitemapRequests) {
        public CachedAnswers of(boolean page) {
            return page ? pageViews : feedPolls;
        }
    }

    /** An answer from memory: 304 when the client's copy is current, else 200 with the body. */
    public void answeredFromCache(boolean notModified) {
        (notModified ? this.notModified : cacheHit).inc();
    }

    /** Reports the bytes the documents' cache (feeds and pages) holds, as its entries weigh them. */
    public void watchCache(LongSupplier bytes) {
        GaugeWithCallback.builder().name("khulasa_cache_bytes")
                .help("Bytes of rendered feeds and pages held in memory, as their entries weigh them (within KHULASA_CACHE_MB)")
                .callback(cb -> cb.call(bytes.getAsLong())).register(registry);
    }

    /** An answer that rendered the document first, taking {@code nanos}. */
    public void rendered(long nanos) {
        miss.inc();
        renders.observe(nanos / 1e9);
    }
}
