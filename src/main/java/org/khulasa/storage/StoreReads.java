package org.khulasa.storage;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.HandleCallback;
import org.khulasa.article.Article;
import org.khulasa.article.ArticleQuery;
import org.khulasa.article.ArticleStamp;
import org.khulasa.article.ArticleStore;
import org.khulasa.article.Author;
import org.khulasa.article.Category;
import org.khulasa.article.Filing;
import org.khulasa.article.IdBlock;
import org.khulasa.article.Tag;

/**
 * The store's plain reads, each one query on a pooled handle behind the write queue's guard (a
 * database that can't answer gives {@code StorageUnavailableException}); {@link JdbiArticleStore}
 * adds the write path.
 */
abstract class StoreReads implements ArticleStore {
    final Jdbi jdbi;
    final WriteQueue queue;

    StoreReads(Jdbi jdbi, WriteQueue queue) {
        this.jdbi = jdbi;
        this.queue = queue;
    }

    final <T> T read(HandleCallback<T, RuntimeException> callback) {
        return queue.guarded(() -> jdbi.withHandle(callback));
    }

    @Override
    public Optional<Article> find(long id, Instant visibleAt) {
        return read(h -> ArticleReads.find(h, id, visibleAt));
    }

    @Override
    public List<Article> list(ArticleQuery query) {
        return read(h -> ArticleReads.list(h, query));
    }

    @Override
    public Optional<Tag> tag(String slug, Instant visibleAt) {
        return read(h -> TagSlugs.bySlug(h, slug, visibleAt.toEpochMilli()));
    }

    @Override
    public List<Tag> tags(Instant visibleAt) {
        return read(h -> TagSlugs.inUse(h, visibleAt.toEpochMilli()));
    }

    @Override
    public List<Tag> tagsNamed(List<String> names) {
        return read(h -> TagSlugs.named(h, names));
    }

    @Override
    public List<Article> newer(ArticleQuery query) {
        return read(h -> ArticleReads.newer(h, query));
    }

    @Override
    public List<IdBlock> publishedIdBlocks(int size, Instant visibleAt) {
        return read(h -> SitemapReads.idBlocks(h, size, visibleAt));
    }

    @Override
    public List<ArticleStamp> publishedStamps(long fromId, long toId, Instant visibleAt) {
        return read(h -> SitemapReads.stamps(h, fromId, toId, visibleAt));
    }

    @Override
    public List<ArticleStamp> publishedSince(Instant after, Instant visibleAt, int limit) {
        return read(h -> SitemapReads.since(h, after, visibleAt, limit));
    }

    @Override
    public Optional<Category> category(String slug, Instant visibleAt) {
        return read(h -> Scopes.visible(h, Filing.Kind.CATEGORY, slug, visibleAt, Category::new));
    }

    @Override
    public Optional<Author> author(String slug, Instant visibleAt) {
        return read(h -> Scopes.visible(h, Filing.Kind.AUTHOR, slug, visibleAt, Author::new));
    }

    @Override
    public List<Category> categories(Instant visibleAt) {
        return read(h -> Scopes.allVisible(h, Filing.Kind.CATEGORY, visibleAt, Category::new));
    }

    @Override
    public List<Author> authors(Instant visibleAt) {
        return read(h -> Scopes.allVisible(h, Filing.Kind.AUTHOR, visibleAt, Author::new));
    }

    @Override
    public List<Filing> filings(Filing.Kind kind, Instant now) {
        return read(h -> Scopes.filings(h, kind, now));
    }

    @Override
    public Instant lastChange() {
        return read(ChangeStamps::lastChange);
    }

    @Override
    public Instant lastComeOut(Instant newest, Instant scopeChange, Instant now) {
        return read(h -> ChangeStamps.comeOutStamp(h, newest, scopeChange, now));
    }

    @Override
    public Instant lastChangeOfCategory(String slug) {
        return read(h -> ChangeStamps.lastChangeOfCategory(h, slug));
    }

    @Override
    public Instant lastChangeOfAuthor(String slug) {
        return read(h -> ChangeStamps.lastChangeOfAuthor(h, slug));
    }

    @Override
    public Optional<Instant> nextScheduledAfter(Instant now) {
        return read(h -> ArticleReads.nextScheduledAfter(h, now));
    }
}
