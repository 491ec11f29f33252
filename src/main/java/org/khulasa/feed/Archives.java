package org.khulasa.feed;

import java.time.Instant;
import java.util.OptionalLong;
import java.util.function.Supplier;
import org.khulasa.article.ArchiveIndex;
import org.khulasa.article.ArticleQuery;

/**
 * Pages of an archived feed (RFC 5005 section 4). Page {@code k} holds the scope's published
 * articles whose ids lie in {@code [k·size + 1, (k + 1)·size]}: ids only grow, so a page no new
 * article can join is closed, and it changes only when one of its own articles is edited,
 * deleted or comes out on schedule. Pages with none of the scope's articles are skipped in the
 * chain, so a small category's history is not a long walk through empty pages.
 */
final class Archives {
    private final Supplier<ArchiveIndex> indexOf;
    private final int size;

    /** {@code index} is asked for on each use, so a store that cannot answer fails requests, not construction. */
    Archives(Supplier<ArchiveIndex> index, int size) {
        this.indexOf = index;
        this.size = size;
    }

    int size() {
        return size;
    }

    long first(long page) {
        return page * size + 1;
    }

    long last(long page) {
        return (page + 1) * size;
    }

    /** The page holding the scope's newest article: the current feed's prev-archive. */
    OptionalLong newest(FeedScope scope, Instant now) {
        return pageOf(indexOf.get().newestIdBelow(category(scope, now), author(scope, now), Long.MAX_VALUE, now));
    }

    OptionalLong before(FeedScope scope, long page, Instant now) {
        return pageOf(indexOf.get().newestIdBelow(category(scope, now), author(scope, now), first(page), now));
    }

    OptionalLong after(FeedScope scope, long page, Instant now) {
        return pageOf(indexOf.get().oldestIdAbove(category(scope, now), author(scope, now), last(page), now));
    }

    java.util.List<Long> ids(FeedScope scope, long page, Instant now) {
        return indexOf.get().idsBetween(category(scope, now), author(scope, now), first(page), last(page), now);
    }

    /** No new article can join: a later id was handed out already. */
    boolean isClosed(long page) {
        return indexOf.get().maxId() > last(page);
    }

    private OptionalLong pageOf(OptionalLong id) {
        return id.isPresent() ? OptionalLong.of((id.getAsLong() - 1) / size) : OptionalLong.empty();
    }

    private static String category(FeedScope scope, Instant now) {
        ArticleQuery query = scope.query(now, 1);
        return query.category();
    }

    private static String author(FeedScope scope, Instant now) {
        return scope.query(now, 1).author();
    }
}
