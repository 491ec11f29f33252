package org.khulasa.web;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.PreEncodedHttpField;
import org.khulasa.metrics.CachedAnswers;
import org.khulasa.web.pages.Pages;

/**
 * Serves the reader's pages (home, article, category, author, tag, and their older pages) from
 * the documents' cache, as feeds are served: strong ETags per coding, Last-Modified, 304, gzip
 * compressed once, HEAD. A page is rendered on a miss and kept until a write changes what it
 * shows or scheduled content comes out; a page that does not exist (404) is never kept. Hits
 * usually never get here: {@link CachedFeedHandler} answers them ahead of the routes.
 */
public record PageHandler(Pages pages, FeedCache cache, Clock clock, CachedAnswers views) {
    /** As Jetty wrote pages' type before they were cached (with no space). */
    static final String HTML = "text/html;charset=utf-8";
    private static final List<HttpField> HEADERS = Pages.HEADERS.entrySet().stream()
            .<HttpField>map(e -> new PreEncodedHttpField(e.getKey(), e.getValue())).toList();

    /** The route's handler: {@code which} names the page the request asks for (see {@link Pages}). */
    public Handler page(Function<Context, Optional<Pages.PageRequest>> which) {
        return ctx -> {
            Optional<Pages.PageRequest> request = which.apply(ctx);
            if (request.isEmpty()) {
                pages.notFound(ctx);
                return;
            }
            Instant now = clock.instant();
            try {
                FeedHandler.answerCounted(ctx, cache, views, request.get().key(), HTML, HEADERS, now,
                        () -> request.get().render().apply(now)
                                .map(page -> new FeedCache.Rendered(page.document(), page.changedBy()))
                                .orElseThrow(NoPage::new));
            } catch (NoPage e) {
                pages.notFound(ctx);
            }
        };
    }

    /** Whether {@code path} may name a cached page (its key is the path and the query as sent). */
    static boolean isPage(String path) {
        return path.equals("/") || path.startsWith("/articles/") || path.startsWith("/category/")
                || path.startsWith("/author/") || path.startsWith("/tag/");
    }

    /** No such page at the moment of the request: a 404, and nothing cached. */
    private static final class NoPage extends RuntimeException {
        NoPage() {
            super(null, null, false, false);
        }
    }
}
