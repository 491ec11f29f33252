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
import org.khulasa.article.WordIndex;
import org.khulasa.article.RelatedMatcher;

/**
 * Picks related articles the way an editor would: the published articles sharing the most
 * telling words with this one, titles counting more than bodies, then the same category, shared
 * tags and nearness in time.
 *
 * <p>An article's terms are weighed by where they stand (title and tags count double; body words
 * by how often they recur) and by how rare they are in the archive (BM25's idf, from the index's
 * term counts). The {@value #QUERY_TERMS} weightiest are searched, and for each only the
 * {@value #NEWEST_PER_TERM} newest articles holding it are read, so the cost does not grow with
 * the archive. A related story shares rare words (names, places, figures), whose lists are short
 * and read whole; only the lists of common words, which weigh little, are cut to their newest part.
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
    /** A match scoring under this share of the best one is a filler, not a sure relation. */
    private static final double STRONG_SHARE = 0.3;

    /** Each matching thread's scores, cleared for every article ({@link CandidateScores}). */
    private static final ThreadLocal<CandidateScores> SCORES =
            ThreadLocal.withInitial(() -> new CandidateScores(QUERY_TERMS * NEWEST_PER_TERM));

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
    public List<Long> pick(ArticleText article, IndexedText words, long self, Set<Long> exclude, int wanted,
            Instant now, WordIndex index) {
        if (wanted <= 0) {
            return List.of();
        }
        List<QueryTerm> query = Terms.of(words).query(index);
        CandidateScores matches = holdersScored(query, self, exclude, index);
        // Sharing many of the words counts for more than sharing one weighty word (Lucene's "coord").
        List<Scored> ranked = new ArrayList<>(matches.size());
        matches.forEach((id, score, shared) -> {
            if (shared >= MIN_SHARED_TERMS) {
                ranked.add(new Scored(id, score * shared / query.size()));
            }
        });
        ranked.sort(Comparator.comparingDouble((Scored s) -> -s.score).thenComparingLong(s -> -s.id));
        Map<Long, Double> scores = new LinkedHashMap<>();
        ranked.stream().limit(RANKED_BEFORE_BOOSTS).forEach(s -> scores.put(s.id, s.score));
        List<Long> best = List.copyOf(scores.keySet());
        if (best.isEmpty()) {
            return List.of();
        }
        Set<String> tags = article.tags().stream().map(ArabicNormalizer::normalize).collect(Collectors.toSet());
        Map<Long, Double> boosted = new LinkedHashMap<>();
        Set<Long> sameCategory = new HashSet<>();
        for (WordIndex.Candidate c : index.describe(best)) {
            if (c.published().isAfter(now)) {
                continue;
            }
            int sharedTags = 0; // a loop, not a stream: this runs for every candidate of every article
            for (String tag : c.tags()) {
                if (tags.contains(ArabicNormalizer.normalize(tag))) {
                    sharedTags++;
                }
            }
            double days = Math.abs(Duration.between(c.published(), article.published()).toHours()) / 24.0;
            double boost = (1 + (c.category().equals(article.category()) ? SAME_CATEGORY_BOOST : 0)
                    + SHARED_TAG_BOOST * Math.min(sharedTags, SHARED_TAGS_COUNTED))
                    / (1 + days / RECENCY_DAYS);
            boosted.put(c.id(), scores.get(c.id()) * boost);
            if (c.category().equals(article.category())) {
                sameCategory.add(c.id());
            }
        }
        // Articles far behind the best match share a word or two, not a story. When they must fill
        // the list, one from the same section makes more sense to a reader than a slightly closer
        // one from elsewhere.
        double strong = boosted.values().stream().mapToDouble(Double::doubleValue).max().orElse(0) * STRONG_SHARE;
        Comparator<Long> order = Comparator.comparing((Long id) -> boosted.get(id) < strong)
                .thenComparing(id -> boosted.get(id) < strong && !sameCategory.contains(id))
                .thenComparingDouble(id -> -boosted.get(id))
                .thenComparing(id -> -id);
        return boosted.keySet().stream().sorted(order).limit(wanted).toList();
    }

    /** Every article holding a query term, but {@code self} and {@code exclude}, scored by the terms it holds. */
    private static CandidateScores holdersScored(List<QueryTerm> query, long self, Set<Long> exclude, WordIndex index) {
        CandidateScores matches = SCORES.get();
        matches.clear();
        for (QueryTerm q : query) {
            score(q, index.holders(q.term, q.inTitle, NEWEST_PER_TERM), self, exclude, matches);
        }
        return matches;
    }

    /**
     * Adds one term's holders to {@code matches}. A loop of a few hundred turns per article in a
     * method of its own, so that the JIT compiles it once, as a call, rather than compiling the
     * article's whole matching while it runs and then again.
     */
    private static void score(QueryTerm q, WordIndex.Holders hits, long self, Set<Long> exclude, CandidateScores matches) {
        long[] ids = hits.ids();
        for (int i = 0; i < ids.length; i++) {
            long id = ids[i];
            if (id == self || (!exclude.isEmpty() && exclude.contains(id))) {
                continue;
            }
            matches.add(id, q.weight * (q.inTitle && hits.titled(i) ? TITLE_HIT_FACTOR : 1.0));
        }
    }

    /** BM25's idf: how telling it is that an article holds a word {@code docs} articles of {@code archive} hold. */
    private static double idf(long docs, long archive) {
        return Math.log(1 + (archive - docs + 0.5) / (docs + 0.5));
    }

    /** A candidate and its score before the boosts. */
    private record Scored(long id, double score) {
    }

    /** A searched term and its weight: where it stands in the article times how rare it is. */
    private record QueryTerm(String term, double weight, boolean inTitle, int order) {
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

        /** The terms back from their indexed form (terms hold no spaces), without analysing the text again. */
        static Terms of(IndexedText words) {
            return new Terms(split(words.title()), split(words.body()));
        }

        private static List<String> split(String joined) {
            return joined.isEmpty() ? List.of() : List.of(joined.split(" "));
        }

        /**
         * The weightiest terms that some other article holds: title words count double, body
         * words by how often they recur, times their rarity; among equals, the earlier in the
         * text (news puts who, what and where first).
         */
        List<QueryTerm> query(WordIndex index) {
            Map<String, Seen> seen = new HashMap<>(2 * (title.size() + body.size()));
            title.forEach(t -> seen.computeIfAbsent(t, k -> new Seen(seen.size())).inTitle = true);
            body.forEach(t -> seen.computeIfAbsent(t, k -> new Seen(seen.size())).inBody++);
            Map<String, Long> docs = index.articlesWith(seen.keySet());
            long archive = Math.max(1, index.newestId());
            List<QueryTerm> weighed = new ArrayList<>();
            seen.forEach((t, s) -> {
                long holders = docs.getOrDefault(t, 0L);
                if (holders >= 2) { // 1: only this article
                    double w = (s.inTitle ? TITLE_WEIGHT : 0) + (s.inBody > 0 ? 1 + Math.log(s.inBody) : 0);
                    weighed.add(new QueryTerm(t, w * idf(holders, archive), s.inTitle, s.order));
                }
            });
            weighed.sort(Comparator.comparingDouble((QueryTerm q) -> -q.weight).thenComparingInt(q -> q.order));
            return weighed.size() > QUERY_TERMS ? weighed.subList(0, QUERY_TERMS) : weighed;
        }

        /** Where a term was first seen in the article, whether in its title, and how often in its body. */
        private static final class Seen {
            private final int order;
            private boolean inTitle;
            private int inBody;

            Seen(int order) {
                this.order = order;
            }
        }
    }
}
