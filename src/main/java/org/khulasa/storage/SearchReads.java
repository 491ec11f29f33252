package org.khulasa.storage;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.khulasa.article.Article;
import org.khulasa.article.SearchQuery;

/**
 * A reader's search, ranked the same on every dialect: of the newest matches, those holding every
 * word in the title (or tags) first, then those holding some word there, then those holding them
 * in the body only; newest first within each. The matches come from the dialect's
 * {@link WordSearch}, the ranking is plain Java over at most {@link SearchQuery#NEWEST_MATCHES} ids.
 */
final class SearchReads {

    private SearchReads() {
    }

    private record Match(long id, long published) {
    }

    static List<Article> find(Handle h, WordSearch search, SearchQuery query) {
        if (query.words().isEmpty() || query.limit() == 0) {
            return List.of();
        }
        return search.planned(h, () -> ranked(h, search, query));
    }

    private static List<Article> ranked(Handle h, WordSearch search, SearchQuery query) {
        List<Match> matches = h.createQuery(search.newestSql())
                .bind("match", search.everywhere(query.words()))
                .bind("newest", SearchQuery.NEWEST_MATCHES)
                .bind("visibleAt", query.visibleAt().toEpochMilli())
                .map((rs, ctx) -> new Match(rs.getLong(1), rs.getLong(2))).list();
        if (matches.size() <= query.offset()) {
            return List.of();
        }
        List<Long> ids = matches.stream().map(Match::id).toList();
        Set<Long> allInTitle = search.alsoMatching(h, search.allInTitle(query.words()), ids);
        Set<Long> anyInTitle = search.alsoMatching(h, search.anyInTitle(query.words()), ids);
        List<Long> page = matches.stream()
                .sorted(Comparator.comparingInt((Match m) -> -(allInTitle.contains(m.id()) ? 2 : anyInTitle.contains(m.id()) ? 1 : 0))
                        .thenComparing(Comparator.comparingLong(Match::published).reversed())
                        .thenComparing(Comparator.comparingLong(Match::id).reversed()))
                .skip(query.offset()).limit(query.limit()).map(Match::id).toList();
        return inOrder(page, ArticleReads.byIds(h, page, query.visibleAt()));
    }

    private static List<Article> inOrder(List<Long> ids, List<Article> articles) {
        Map<Long, Article> byId = articles.stream().collect(Collectors.toMap(Article::id, Function.identity()));
        return ids.stream().filter(byId::containsKey).map(byId::get).toList();
    }
}
