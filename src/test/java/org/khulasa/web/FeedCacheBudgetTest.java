package org.khulasa.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.khulasa.article.Changes;
import org.khulasa.feed.FeedFormat;
import org.khulasa.feed.FeedPath;
import org.khulasa.feed.FeedScope;
import org.khulasa.feed.RenderedFeed;

/**
 * The feed cache holds at most its budget of bytes however many distinct feeds are asked for, as a
 * crawler asking for every author's feed would; and a write drops only the entries it changed.
 */
class FeedCacheBudgetTest {
    private static final long BUDGET = 1024 * 1024;
    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

    @Test
    void a_hundred_thousand_distinct_feeds_one_after_another_stay_within_the_budget() {
        FeedCache cache = new FeedCache(BUDGET);
        AtomicInteger renders = new AtomicInteger();
        long largest = 0;
        for (int i = 0; i < 100_000; i++) {
            String slug = "author-" + i;
            String path = FeedPath.of(FeedScope.Kind.AUTHOR, slug, i % 2 == 0 ? FeedFormat.RSS : FeedFormat.ATOM).cacheKey();
            int n = i;
            cache.get(path, changed -> FeedScope.changedBy(FeedScope.Kind.AUTHOR, slug, changed), "application/rss+xml",
                    NOW, () -> {
                        renders.incrementAndGet();
                        return new RenderedFeed(feedOf(n), NOW, Optional.empty());
                    });
            if (i % 1_000 == 999) {
                long held = cache.weightedBytes();
                largest = Math.max(largest, held);
                assertTrue(held <= BUDGET, "after " + (i + 1) + " feeds the cache holds " + held + " bytes");
            }
        }
        assertEquals(100_000, renders.get());
        assertTrue(largest > BUDGET / 2, "the budget is used, not left empty: at most " + largest + " bytes held");
    }

    @Test
    void a_write_drops_the_entries_it_changed_and_keeps_the_others() {
        FeedCache cache = new FeedCache(BUDGET);
        FeedCache.Entry economy = entry(cache, FeedScope.Kind.CATEGORY, "economy");
        FeedCache.Entry rana = entry(cache, FeedScope.Kind.AUTHOR, "rana");
        entry(cache, FeedScope.Kind.CATEGORY, "sports");
        entry(cache, FeedScope.Kind.SITE, null);

        cache.drop(Changes.of(Set.of("sports"), Set.of("omar")));

        assertSame(economy, cache.peek(path(FeedScope.Kind.CATEGORY, "economy"), NOW));
        assertSame(rana, cache.peek(path(FeedScope.Kind.AUTHOR, "rana"), NOW));
        assertEquals(null, cache.peek(path(FeedScope.Kind.CATEGORY, "sports"), NOW));
        assertEquals(null, cache.peek(path(FeedScope.Kind.SITE, null), NOW));

        cache.drop(Changes.EVERYTHING);
        assertEquals(null, cache.peek(path(FeedScope.Kind.CATEGORY, "economy"), NOW));
    }

    private static FeedCache.Entry entry(FeedCache cache, FeedScope.Kind kind, String slug) {
        return cache.get(path(kind, slug), changed -> FeedScope.changedBy(kind, slug, changed), "application/atom+xml",
                NOW, () -> new RenderedFeed(feedOf(slug == null ? 0 : slug.length()), NOW, Optional.empty()));
    }

    private static String path(FeedScope.Kind kind, String slug) {
        return FeedPath.of(kind, slug, FeedFormat.ATOM).cacheKey();
    }

    /** A few KB of feed, different for each {@code n}. */
    private static byte[] feedOf(int n) {
        StringBuilder xml = new StringBuilder("<rss><channel>");
        for (int item = 0; item < 20; item++) {
            xml.append("<item><title>خبر ").append(n).append('-').append(item).append("</title></item>");
        }
        return xml.append("</channel></rss>").toString().getBytes(StandardCharsets.UTF_8);
    }
}
