package org.khulasa.web.pages;

import io.javalin.http.Context;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.khulasa.article.Article;
import org.khulasa.article.ArticleQuery;
import org.khulasa.article.ArticleStore;
import org.khulasa.web.http.ArticleIds;
import org.khulasa.web.http.Rfc3339;

/**
 * Paging a list page back through the whole archive. A page's URL names the last article of the
 * page before it ({@code ?before=2020-10-25T07:00:00Z&before_id=42}), so it lists the same
 * articles whatever is published later, and no tie of publication times skips one.
 */
record Paging(ArticleStore store, int size) {
    static final String BEFORE = "before";
    static final String BEFORE_ID = "before_id";

    /** One page: its articles, and the URLs of the newer and the older page (null at either end). */
    record Page(List<Article> articles, String url, String newer, String older) {
    }

    /** {@code query} from the request's cursor; empty when the cursor is malformed (half or misspelled). */
    static Optional<ArticleQuery> fromRequest(Context ctx, ArticleQuery query) {
        String before = ctx.queryParam(BEFORE);
        String beforeId = ctx.queryParam(BEFORE_ID);
        if (before == null && beforeId == null) {
            return Optional.of(query);
        }
        if (before == null || beforeId == null) {
            return Optional.empty();
        }
        return Rfc3339.parse(before).flatMap(at -> ArticleIds.parse(beforeId).map(id -> query.after(at, id)));
    }

    /** The page of {@code query} at {@code baseUrl} (the list's first page). */
    Page page(ArticleQuery query, String baseUrl) {
        List<Article> found = store.list(query.withLimit(size + 1));
        List<Article> shown = found.size() > size ? found.subList(0, size) : found;
        String older = found.size() > size ? url(baseUrl, shown.get(size - 1)) : null;
        String newer = null;
        if (query.beforeId() != null) {
            List<Article> above = store.newer(query.withLimit(size + 1));
            newer = above.size() > size ? url(baseUrl, above.get(size)) : above.isEmpty() ? null : baseUrl;
        }
        String self = query.beforeId() == null ? baseUrl : baseUrl + query(query.before(), query.beforeId());
        return new Page(shown, self, newer, older);
    }

    private static String url(String baseUrl, Article last) {
        return baseUrl + query(last.content().published(), last.id());
    }

    /** The query of the page after the article published at {@code before} with id {@code beforeId}, as pages link it. */
    static String query(Instant before, long beforeId) {
        return "?" + BEFORE + "=" + before + "&" + BEFORE_ID + "=" + beforeId;
    }
}
