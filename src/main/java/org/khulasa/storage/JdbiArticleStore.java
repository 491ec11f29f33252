package org.khulasa.storage;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.khulasa.article.Article;
import org.khulasa.article.ArticleDraft;
import org.khulasa.article.ArticleQuery;
import org.khulasa.article.ArticleStamp;
import org.khulasa.article.ArticleStore;
import org.khulasa.article.Author;
import org.khulasa.article.Category;
import org.khulasa.article.IdBlock;
import org.khulasa.article.Tag;
import org.khulasa.article.Changes;
import org.khulasa.article.IdempotencyKey;
import org.khulasa.article.RelatedMatcher;
import org.khulasa.article.RelatedMatcher.ArticleText;
import org.khulasa.article.RelatedMatcher.IndexedText;

/**
 * The article store over Jdbi: the write path (create, update, delete) here, from top to bottom;
 * reads in {@link ArticleReads}, feeds' change times in {@link ChangeStamps}, related lists in
 * {@link RelatedLists}, the word index behind {@link Dialect#wordIndex}.
 */
public final class JdbiArticleStore implements ArticleStore {

    private final Jdbi jdbi;
    private final AutoCloseable pool;
    private final Clock clock;
    private final RelatedMatcher matcher;
    private final Dialect dialect;
    private final ChangeSignal changes;
    private final WriteQueue queue;
    private final ChangeStamps stamps;
    private final RelatedLists lists;
    private final RelatedRecompute recompute;
    private final List<Consumer<Changes>> listeners = new CopyOnWriteArrayList<>();

    JdbiArticleStore(Jdbi jdbi, AutoCloseable pool, Clock clock, RelatedMatcher matcher, Dialect dialect,
            ChangeSignal changes) {
        this.jdbi = jdbi;
        this.pool = pool;
        this.clock = clock;
        this.matcher = matcher;
        this.dialect = dialect;
        this.changes = changes;
        this.queue = new WriteQueue(dialect);
        this.stamps = new ChangeStamps(changes);
        this.lists = new RelatedLists(matcher, dialect);
        this.recompute = new RelatedRecompute(jdbi, queue, clock, matcher, dialect, stamps, lists);
    }

    @Override
    public Created create(ArticleDraft draft, IdempotencyKey key) {
        // Analysing the text and choosing the related list cost more than all the writing: both are
        // done before taking the write lock, so that concurrent editors use every core for them.
        Instant matchedAt = clock.instant();
        IndexedText words = matcher.indexText(
                ArticleText.of(draft, draft.published() != null ? draft.published() : matchedAt));
        List<Long> picks = queue.guarded(() -> jdbi.withHandle(h -> lists.picksBeforeWriting(h, draft, words, matchedAt)));
        return writing(h -> {
            Instant now = clock.instant();
            if (key.isPresent()) {
                Optional<Created> replay = IdempotencyKeys.replay(h, key, now);
                if (replay.isPresent()) {
                    return replay.get();
                }
            }
            RelatedLists.checkExist(h, draft.related(), -1);
            Instant updated = stamps.next(h, now);
            // Not `updated`, which may run a few ms ahead of the clock to stay unique.
            Instant published = draft.published() != null ? draft.published() : now;
            long id = h.createUpdate("""
                            INSERT INTO articles (title, summary, body, category_id, author_id, published_at,
                                                  created_at, updated_at, image_url, image_type, image_caption)
                            VALUES (:title, :summary, :body, :category, :author, :published,
                                    :updated, :updated, :imageUrl, :imageType, :imageCaption)
                            """)
                    .bind("category", Scopes.upsertCategory(h, draft.category()))
                    .bind("author", Scopes.upsertAuthor(h, draft.author()))
                    .bind("published", published.toEpochMilli())
                    .bind("updated", updated.toEpochMilli())
                    .bindMap(contentOf(draft))
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            storeTags(h, id, draft.tags());
            RelatedLists.storeEditorPicks(h, id, draft.related());
            ChangeStamps.touchScopesOf(h, id);
            try (StoredWordIndex index = dialect.wordIndex(h)) {
                index.replace(id, null, words);
            }
            if (!RelatedLists.storePicks(h, id, draft.related().size(), picks, now)) {
                lists.fill(h, id, ArticleText.of(draft, published), words, now);
            }
            if (key.isPresent()) {
                IdempotencyKeys.remember(h, key, id, now);
            }
            return new Created(ArticleReads.find(h, id, null).orElseThrow(), false);
        });
    }

    @Override
    public Optional<Article> update(long id, ArticleDraft draft) {
        return writing(h -> {
            Optional<Long> published = h.createQuery("SELECT published_at FROM articles WHERE id = :id")
                    .bind("id", id).mapTo(Long.class).findOne();
            if (published.isEmpty()) {
                return Optional.<Article>empty();
            }
            RelatedLists.checkExist(h, draft.related(), id);
            ArticleText stored = ArticleReads.textsOf(h, List.of(id)).get(id);
            IndexedText before = matcher.indexText(stored);
            Instant now = clock.instant();
            Instant updated = stamps.next(h, now);
            Instant newPublished = draft.published() != null ? draft.published() : Instant.ofEpochMilli(published.get());
            ChangeStamps.touchScopesOf(h, id); // the feeds it leaves, if it changes category or author
            h.createUpdate("""
                            UPDATE articles
                            SET title = :title, summary = :summary, body = :body,
                                category_id = :category, author_id = :author, published_at = :published,
                                updated_at = :updated, image_url = :imageUrl, image_type = :imageType,
                                image_caption = :imageCaption
                            WHERE id = :id
                            """)
                    .bind("id", id)
                    .bind("category", Scopes.upsertCategory(h, draft.category()))
                    .bind("author", Scopes.upsertAuthor(h, draft.author()))
                    // A full replace without a time keeps the original one: an edit is not news.
                    .bind("published", newPublished.toEpochMilli())
                    .bind("updated", updated.toEpochMilli())
                    .bindMap(contentOf(draft))
                    .execute();
            storeTags(h, id, draft.tags());
            RelatedLists.storeEditorPicks(h, id, draft.related());
            ChangeStamps.touchScopesOf(h, id);
            ArticleText text = ArticleText.of(draft, newPublished);
            IndexedText words = matcher.indexText(text);
            try (StoredWordIndex index = dialect.wordIndex(h)) {
                index.replace(id, before, words);
            }
            lists.fill(h, id, text, words, now);
            lists.refreshListsNaming(h, id, RelatedLists.listsPicking(h, id), now);
            if (!stored.title().equals(draft.title())) {
                // Lists an editor chose show this title too: their feeds change with it.
                RelatedLists.listsChoosing(h, id).forEach(other -> ChangeStamps.touchScopesOf(h, other));
            }
            return ArticleReads.find(h, id, null);
        });
    }

    @Override
    public boolean delete(long id) {
        return writing(h -> {
            List<Long> naming = RelatedLists.listsNaming(h, id);
            ArticleText gone = ArticleReads.textsOf(h, List.of(id)).get(id);
            if (gone == null) {
                return false;
            }
            try (StoredWordIndex index = dialect.wordIndex(h)) {
                index.forget(id, matcher.indexText(gone));
            }
            stamps.next(h, clock.instant());
            ChangeStamps.touchScopesOf(h, id);
            h.createUpdate("DELETE FROM articles WHERE id = :id").bind("id", id).execute();
            lists.refreshListsNaming(h, id, naming, clock.instant());
            return true;
        });
    }

    /**
     * Runs {@code write} in a transaction holding the write lock; once it commits, this
     * instance's listeners hear what it changed (before the caller is answered), the other
     * instances through {@link ChangeSignal}.
     */
    private <T> T writing(HandleCallback<T, RuntimeException> write) {
        List<Changes> changed = new java.util.ArrayList<>(1);
        T result = queue.writing(() -> jdbi.inTransaction(h -> {
            ChangeStamps.lockWrites(h);
            Instant before = ChangeStamps.lastChange(h);
            T written = write.withHandle(h);
            changed.clear(); // a retried transaction reports once
            stamps.announce(h, before).ifPresent(changed::add);
            return written;
        }));
        changed.forEach(this::tell);
        return result;
    }

    private void tell(Changes changed) {
        for (Consumer<Changes> listener : listeners) {
            listener.accept(changed);
        }
    }

    /** Replaces the article's tags with {@code tags}, in the editor's order, each tag created on first use. */
    private static void storeTags(Handle h, long articleId, List<String> tags) {
        h.createUpdate("DELETE FROM article_tags WHERE article_id = :id").bind("id", articleId).execute();
        for (int i = 0; i < tags.size(); i++) {
            long tagId = TagSlugs.upsert(h, tags.get(i));
            h.createUpdate("INSERT INTO article_tags (article_id, position, tag_id) VALUES (:a, :p, :t)")
                    .bind("a", articleId).bind("p", i).bind("t", tagId).execute();
        }
    }

    private static Map<String, Object> contentOf(ArticleDraft draft) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("title", draft.title());
        values.put("summary", draft.summary());
        values.put("body", draft.body());
        values.put("imageUrl", draft.image() == null ? null : draft.image().url());
        values.put("imageType", draft.image() == null ? null : draft.image().type());
        values.put("imageCaption", draft.image() == null ? null : draft.image().caption());
        return values;
    }

    // ---- reads and the rest, handed on -------------------------------------------------------

    @Override
    public Optional<Article> find(long id, Instant visibleAt) {
        return queue.guarded(() -> jdbi.withHandle(h -> ArticleReads.find(h, id, visibleAt)));
    }

    @Override
    public List<org.khulasa.article.RelatedLink> suggestRelated(ArticleText text, long self, java.util.Set<Long> exclude) {
        return queue.guarded(() -> jdbi.withHandle(h -> lists.suggestions(h, text, self, exclude, clock.instant())));
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

    @Override
    public void recomputeRelated(RelatedProgress progress) {
        recompute.recomputeRelated(progress);
    }

    /** Indexes every article's words again, leaving related lists (and so every feed) as they are. */
    public void reindexWords(RelatedProgress progress) {
        recompute.reindexWords(progress);
    }

    /**
     * Writes a consistent copy of the whole database to {@code target} (a new file), where the
     * dialect can (SQLite).
     *
     * @throws IllegalStateException on PostgreSQL, which has its own tools
     */
    public void backupTo(Path target) {
        queue.guarded(() -> {
            jdbi.useHandle(h -> dialect.backup(h, target));
            return null;
        });
    }

    @Override
    public void onWrite(Consumer<Changes> listener) {
        listeners.add(listener);
        changes.subscribe(listener);
    }

    @Override
    public void close() {
        changes.close();
        try {
            pool.close();
        } catch (Exception e) {
            throw new IllegalStateException("closing the database failed", e);
        }
    }
}
