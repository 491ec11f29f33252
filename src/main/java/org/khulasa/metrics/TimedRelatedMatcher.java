package org.khulasa.metrics;

import io.prometheus.metrics.core.metrics.Histogram;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.khulasa.article.RelatedMatcher;
import org.khulasa.article.WordIndex;

/** A {@link RelatedMatcher} whose picks are timed; everything else is passed through. */
final class TimedRelatedMatcher implements RelatedMatcher {
    private final RelatedMatcher matcher;
    private final Histogram picks;

    TimedRelatedMatcher(RelatedMatcher matcher, Histogram picks) {
        this.matcher = matcher;
        this.picks = picks;
    }

    @Override
    public int listSize() {
        return matcher.listSize();
    }

    @Override
    public IndexedText indexText(ArticleText article) {
        return matcher.indexText(article);
    }

    @Override
    public List<Long> pick(ArticleText article, IndexedText words, long self, Set<Long> exclude, int wanted,
            Instant now, WordIndex index) {
        long start = System.nanoTime();
        try {
            return matcher.pick(article, words, self, exclude, wanted, now, index);
        } finally {
            picks.observe((System.nanoTime() - start) / 1e9);
        }
    }
}
