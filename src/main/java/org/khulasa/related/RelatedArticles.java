package org.khulasa.related;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.khulasa.article.RelatedIndex;
import org.khulasa.article.RelatedMatcher;

/**
 * Picks related articles the way an editor would: the published articles sharing the most
 * telling words with this one, titles counting more than bodies, then the same category, shared
 * tags and nearness in time.
 *
 * <p>The cost does not grow with the archive: it looks up a fixed number of the article's most
 * weighty terms and, for each, only the {@value #NEWEST_PER_TERM} newest articles holding it. How
 * rare a term is (its idf) is read from the same answer: fewer than that many hits is the exact
 * count; otherwise the id span those hits cover tells how often the term occurs. A related
 * story shares rare words (names, places, numbers), whose lists are short and read whole; only
 * the lists of common words, which weigh little, are cut to their newest part.
 */
public final class RelatedArticles implements RelatedMatcher {

    static final int NEWEST_PER_TERM = 100;
    static final int QUERY_TERMS = 24;
    /** A candidate must share at least this many query terms: one common word is no relation. */
    static final int MIN_SHARED_TERMS = 2;
    private static final int RANKED_BEFORE_BOOSTS = 40;
    private static final double TITLE_WEIGHT = 2.0;
    private static final double TITLE_HIT_FACTOR = 1.5;
    private static final double SAME_CATEGORY_BOOST = 0.25;
    private static final double SHARED_TAG_BOOST = 0.15;
    private static final int SHARED_TAGS_COUNTED = 2;
    private static final double RECENCY_DAYS = 365;

    private final int listSize;

    public RelatedArticles(int listSize) {
        if (listSize < 0) {
            throw new IllegalArgumentException("a related list can't hold " + listSize + " links");
        }
        this.listSize = listSize;
    }

    @Override
    public int listSize() {
        return listSize;
    }

    @Override
    public IndexedText indexText(ArticleText article) {
        Terms terms = Terms.of(article);
        return new IndexedText(String.join(" ", terms.title), String.join(" ", terms.body));
    }

    @Override
    public List<Long> pick(ArticleText article, long self, Set<Long> exclude, int wanted, Instant now,
            RelatedIndex index) {
        if (wanted <= 0) {
            return List.of();
        }
        Terms terms = Terms.of(article);
        long archive = Math.max(1, index.newestId());
        Map<Long, Double> scores = new HashMap<>();
        Map<Long, Integer> shared = new HashMap<>();
        List<QueryTerm> query = terms.queryTerms();
        for (QueryTerm q : query) {
            List<Long> hits = index.newestWith(q.term, false, NEWEST_PER_TERM);
            if (hits.isEmpty()) {
                continue;
            }
            double idf = idf(hits, archive);
            Set<Long> inTitle = q.inTitle ? new HashSet<>(index.newestWith(q.term, true, NEWEST_PER_TERM)) : Set.of();
            for (long id : hits) {
                if (id == self || exclude.contains(id)) {
                    continue;
                }
                double s = q.weight * idf * (inTitle.contains(id) ? TITLE_HIT_FACTOR : 1.0);
                scores.merge(id, s, Double::sum);
                shared.merge(id, 1, Integer::sum);
            }
        }
        // Sharing many of the words counts for more than sharing one weighty word (Lucene's "coord").
        scores.replaceAll((id, s) -> s * shared.get(id) / query.size());
        List<Long> best = scores.keySet().stream()
                .filter(id -> shared.get(id) >= MIN_SHARED_TERMS)
                .sorted(Comparator.comparingDouble((Long id) -> -scores.get(id)).thenComparing(id -> -id))
                .limit(RANKED_BEFORE_BOOSTS)
                .toList();
        if (best.isEmpty()) {
            return List.of();
        }
        Set<String> tags = article.tags().stream().map(ArabicNormalizer::normalize).collect(Collectors.toSet());
        Map<Long, Double> boosted = new LinkedHashMap<>();
        for (RelatedIndex.Candidate c : index.describe(best)) {
            if (c.published().isAfter(now)) {
                continue;
            }
            long sharedTags = c.tags().stream().map(ArabicNormalizer::normalize).filter(tags::contains).count();
            double days = Math.abs(Duration.between(c.published(), article.published()).toHours()) / 24.0;
            double boost = (1 + (c.category().equals(article.category()) ? SAME_CATEGORY_BOOST : 0)
                    + SHARED_TAG_BOOST * Math.min(sharedTags, SHARED_TAGS_COUNTED))
                    / (1 + days / RECENCY_DAYS);
            boosted.put(c.id(), scores.get(c.id()) * boost);
        }
        return boosted.keySet().stream()
                .sorted(Comparator.comparingDouble((Long id) -> -boosted.get(id)).thenComparing(id -> -id))
                .limit(wanted)
                .toList();
    }

    /**
     * BM25's idf. The hits are the newest articles with the term; when the list is cut, the ids
     * it spans estimate the share of the archive holding the term.
     */
    private static double idf(List<Long> hits, long archive) {
        double docs = hits.size();
        if (hits.size() >= NEWEST_PER_TERM) {
            long oldest = hits.get(hits.size() - 1);
            double span = Math.max(1, archive - oldest + 1);
            docs = Math.min(archive, hits.size() * archive / span);
        }
        return Math.log(1 + (archive - docs + 0.5) / (docs + 0.5));
    }

    private record QueryTerm(String term, double weight, boolean inTitle) {
    }

    /** An article's terms: title with tags, and body with summary (HTML stripped). */
    private record Terms(List<String> title, List<String> body) {

        static Terms of(ArticleText article) {
            List<String> title = new ArrayList<>(ArabicTerms.of(article.title()));
            article.tags().forEach(tag -> title.addAll(ArabicTerms.of(tag)));
            List<String> body = new ArrayList<>();
            if (article.summary() != null) {
                body.addAll(ArabicTerms.of(article.summary()));
            }
            body.addAll(ArabicTerms.of(Jsoup.parseBodyFragment(article.body()).text()));
            return new Terms(title, body);
        }

        /**
         * The weightiest terms: title words count double, body words by how often they recur;
         * among equals, the earlier in the text (news puts who, what and where first).
         */
        List<QueryTerm> queryTerms() {
            Set<String> inTitle = new HashSet<>(title);
            Map<String, Integer> bodyCounts = new LinkedHashMap<>();
            body.forEach(t -> bodyCounts.merge(t, 1, Integer::sum));
            Map<String, Integer> firstSeen = new HashMap<>();
            title.forEach(t -> firstSeen.putIfAbsent(t, firstSeen.size()));
            body.forEach(t -> firstSeen.putIfAbsent(t, firstSeen.size()));
            return firstSeen.keySet().stream()
                    .map(t -> {
                        int tf = bodyCounts.getOrDefault(t, 0);
                        double w = (inTitle.contains(t) ? TITLE_WEIGHT : 0) + (tf > 0 ? 1 + Math.log(tf) : 0);
                        return new QueryTerm(t, w, inTitle.contains(t));
                    })
                    .sorted(Comparator.comparingDouble((QueryTerm q) -> -q.weight)
                            .thenComparing(q -> firstSeen.get(q.term)))
                    .limit(QUERY_TERMS)
                    .toList();
        }
    }
}
