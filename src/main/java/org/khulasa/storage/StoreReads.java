package org.khulasa.storage;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.khulasa.article.Article;
import org.khulasa.article.ArticleQuery;
import org.khulasa.article.ArticleStamp;
import org.khulasa.article.ArticleStore;
import org.khulasa.article.Author;
import org.khulasa.article.Category;
import org.khulasa.article.IdBlock;
import org.khulasa.article.Tag;

/**
 * The read half of the Jdbi article store: each read handed on to the class that holds its SQL,
 * inside the write queue's guard; the write path is {@link JdbiArticleStore}'s.
 */
abstract sealed class StoreReads implements ArticleStore permits JdbiArticleStore {
    final Jdbi jdbi;
    final WriteQueue queue;

    StoreReads(Jdbi jdbi, WriteQueue queue) {
        this.jdbi = jdbi;
        this.queue = queue;
    }

    @Override
    public Optional<Article> find(long id, Instant visibleAt) {
        return queue.guarded(() -> jdbi.withHandle(h -> ArticleReads.find(h, id, visibleAt)));
    }

    @Override
    public List<Article> list(ArticleQuery query) {
        return queue.guarded(() -> jdbi.withHandle(h -> ArticleReads.list(h, query)));
    }

    @Override
    public List<Article> listWithoutTags(ArticleQuery query) {
        return queue.guarded(() -> jdbi.withHandle(h -> ArticleReads.listWithoutTags(h, query)));
    }

    @Override
    public Optional<Tag> tag(String slug) {
        return queue.guarded(() -> jdbi.withHandle(h -> TagSlugs.bySlug(h, slug)));
    }

    @Override
    public List<Tag> tags(Instant visibleAt) {
        return queue.guarded(() -> jdbi.withHandle(h -> TagSlugs.inUse(h, visibleAt.toEpochMilli())));
    }

    @Override
    public List<Tag> tagsNamed(List<String> names) {
        return queue.guarded(() -> jdbi.withHandle(h -> TagSlugs.named(h, names)));
    }

    @Override
    public List<Article> newer(ArticleQuery query) {
        return queue.guarded(() -> jdbi.withHandle(h -> ArticleReads.newer(h, query)));
    }

    @Override
    public List<IdBlock> publishedIdBlocks(int size, Instant visibleAt) {
        return queue.guarded(() -> jdbi.withHandle(h -> SitemapReads.idBlocks(h, size, visibleAt)));
    }

    @Override
    public List<ArticleStamp> publishedStamps(long fromId, long toId, Instant visibleAt) {
        return queue.guarded(() -> jdbi.withHandle(h -> SitemapReads.stamps(h, fromId, toId, visibleAt)));
    }

    @Override
    public List<ArticleStamp> publishedSince(Instant after, Instant visibleAt, int limit) {
        return queue.guarded(() -> jdbi.withHandle(h -> SitemapReads.since(h, after, visibleAt, limit)));
    }

    @Override
    public Optional<Category> category(String slug) {
        return queue.guarded(() -> jdbi.withHandle(h -> Scopes.category(h, slug)));
    }

    @Override
    public Optional<Author> author(String slug) {
        return queue.guarded(() -> jdbi.withHandle(h -> Scopes.author(h, slug)));
    }

    @Override
    public List<Category> categories() {
        return queue.guarded(() -> jdbi.withHandle(Scopes::categories));
    }

    @Override
    public List<Author> authors() {
        return queue.guarded(() -> jdbi.withHandle(Scopes::authors));
    }

    @Override
    public Instant lastChange() {
        return queue.guarded(() -> jdbi.withHandle(ChangeStamps::lastChange));
    }

    @Override
    public Instant lastChangeOfCategory(String slug) {
        return queue.guarded(() -> jdbi.withHandle(h -> ChangeStamps.lastChangeOfCategory(h, slug)));
    }

    @Override
    public Instant lastChangeOfAuthor(String slug) {
        return queue.guarded(() -> jdbi.withHandle(h -> ChangeStamps.lastChangeOfAuthor(h, slug)));
    }

    @Override
    public Optional<Instant> nextScheduledAfter(Instant now) {
        return queue.guarded(() -> jdbi.withHandle(h -> ArticleReads.nextScheduledAfter(h, now)));
    }
}
