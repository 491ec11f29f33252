package org.khulasa.web.desk;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.khulasa.article.Article;
import org.khulasa.article.ArticleQuery;
import org.khulasa.article.ArticleStore;
import org.khulasa.related.ArabicNormalizer;
import org.khulasa.related.ArabicTerms;

/**
 * The desk's article list: every article, scheduled ones and drafts included, newest first,
 * optionally of one category, author or status and whose title holds the words searched for,
 * spelled as related matching spells them («المباراة» finds «مباراه»). Titles are compared in Java
 * while reading the archive newest first, at most {@link #SCANNED} articles deep: editors look for
 * recent work.
 */
final class DeskSearch {
    static final int PAGE_SIZE = 20;
    static final int SCANNED = 5_000;
    private static final int BATCH = 100;

    /** One page of results, and whether another follows. */
    record Page(List<Article> articles, boolean hasNext) {
    }

    private final ArticleStore store;

    DeskSearch(ArticleStore store) {
        this.store = store;
    }

    /**
     * Page {@code page} (from 0) of the articles matching; {@code q}, {@code category},
     * {@code author} and {@code status} may be null; {@code now} tells scheduled from published.
     */
    Page find(String q, String category, String author, DeskStatus status, Instant now, int page, int size) {
        Predicate<String> wanted = titleMatcher(q);
        int skip = page * size;
        List<Article> found = new ArrayList<>();
        ArticleQuery query = new ArticleQuery(category, author, null, null, BATCH).withoutTags();
        for (int scanned = 0; scanned < SCANNED; scanned += BATCH) {
            List<Article> batch = store.list(query);
            for (Article a : batch) {
                if (wanted.test(a.content().title()) && (status == null || DeskStatus.of(a, now) == status)) {
                    if (skip > 0) {
                        skip--;
                    } else if (found.size() == size) {
                        return new Page(found, true);
                    } else {
                        found.add(a);
                    }
                }
            }
            if (batch.size() < BATCH) {
                break;
            }
            // After the last one by time and id: articles sharing a time are neither skipped nor repeated.
            Article last = batch.get(batch.size() - 1);
            query = query.after(last.content().published(), last.id());
        }
        return new Page(found, false);
    }

    /**
     * Every term of {@code q} must occur in the normalised title; a query of stop words only
     * («في») is looked for as it is, normalised.
     */
    static Predicate<String> titleMatcher(String q) {
        if (q == null || q.isBlank()) {
            return title -> true;
        }
        List<String> terms = ArabicTerms.of(q);
        List<String> needles = terms.isEmpty() ? List.of(ArabicNormalizer.normalize(q.strip())) : terms;
        return title -> {
            String normalized = ArabicNormalizer.normalize(title);
            return needles.stream().allMatch(normalized::contains);
        };
    }
}
