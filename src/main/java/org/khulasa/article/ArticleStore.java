package org.khulasa.article;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Where articles live. One implementation per database family; everything above this interface
 * is the same on SQLite and PostgreSQL.
 */
public interface ArticleStore extends AutoCloseable {

    /**
     * Stores a new article. With an idempotency key already seen, answers with the article that
     * key created instead of storing a second one.
     *
     * @throws UnknownRelatedArticlesException when a related id names no article
     * @throws IdempotencyConflictException when the key was used for another request
     */
    Created create(ArticleDraft draft, IdempotencyKey key);

    /**
     * Full replace, keeping the id; empty when no article has that id. The draft's
     * {@link Change} decides what readers see of it; publishing a draft without a time publishes
     * it now.
     *
     * @throws EditConflictException when the stored revision is not one {@code base} admits
     */
    Optional<Article> update(long id, ArticleDraft draft, Revisions base);

    /** @throws EditConflictException when the stored revision is not one {@code base} admits */
    boolean delete(long id, Revisions base);

    /**
     * The article, whether or not its publication time has come or it is a draft; its related
     * list holds only articles readers see at {@code visibleAt} (null: all of them, drafts too).
     */
    Optional<Article> find(long id, Instant visibleAt);

    /**
     * The automatic related picks an article with {@code text} would get if written now, best
     * first, none of {@code exclude}; {@code self} is the article's id when it exists (0: a new
     * one). Nothing is written: the desk shows these before saving.
     */
    List<RelatedLink> suggestRelated(RelatedMatcher.ArticleText text, long self, java.util.Set<Long> exclude);

    /**
     * Newest first, by publication time then id, with related links, and tags when the query asks
     * for them; drafts only when {@code visibleAt} is null (editors).
     */
    List<Article> list(ArticleQuery query);

    /**
     * The article at {@code query}'s cursor ({@code before} and {@code beforeId}) and those listed
     * before it, nearest first, at most {@code query.limit()}; without tags or related links.
     */
    List<Article> newer(ArticleQuery query);

    /**
     * The articles matching {@code query}, best first, with their related links but no tags; none
     * when it has no words.
     */
    List<Article> search(SearchQuery query);

    /**
     * The blocks of {@code size} consecutive ids that hold an article readers see at
     * {@code visibleAt}, in order, each with the latest change among those articles.
     */
    List<IdBlock> publishedIdBlocks(int size, Instant visibleAt);

    /** The articles readers see at {@code visibleAt} whose ids are {@code fromId} to {@code toId}, by id. */
    List<ArticleStamp> publishedStamps(long fromId, long toId, Instant visibleAt);

    /** At most {@code limit} articles published after {@code after} and by {@code visibleAt}, newest first. */
    List<ArticleStamp> publishedSince(Instant after, Instant visibleAt, int limit);

    /**
     * The category as readers see it at {@code visibleAt}: empty until an article of it is out,
     * and with the name it had then (a name a scheduled article brings waits for that article).
     */
    Optional<Category> category(String slug, Instant visibleAt);

    /** The author as readers see them at {@code visibleAt}, as for {@link #category}. */
    Optional<Author> author(String slug, Instant visibleAt);

    /** The categories readers see at {@code visibleAt}: each holding at least one article out by then. */
    List<Category> categories(Instant visibleAt);

    List<Author> authors(Instant visibleAt);

    /** The tag with that slug as readers see it at {@code visibleAt}: empty until an article with it is out. */
    Optional<Tag> tag(String slug, Instant visibleAt);

    /** The tags of articles readers see at {@code visibleAt}, by slug. */
    List<Tag> tags(Instant visibleAt);

    /** The tags named {@code names}, in that order. */
    List<Tag> tagsNamed(List<String> names);

    /** Every category or author, articles out or not, with the names readers see at {@code now}; by slug. */
    List<Filing> filings(Filing.Kind kind, Instant now);

    /** Renames a category or author at once (readers see it at once if they see it at all); empty when unknown. */
    Optional<Filing> rename(Filing.Kind kind, String slug, String name);

    /** Removes a category or author no article is filed under. */
    Filing.Removal remove(Filing.Kind kind, String slug);

    /**
     * When the last write readers could see was committed, in whole seconds, each such write at
     * least a second after the one before; {@link Instant#EPOCH} before any. A write about
     * scheduled articles alone leaves it where it was.
     */
    Instant lastChange();

    /**
     * The Last-Modified a feed gets from scheduled content that came out by {@code now} without a
     * write: its newest article, published at {@code newest}, or a name one brought; later than
     * the feed's earlier versions had. {@code scopeChange} is the feed's own change time.
     */
    Instant lastComeOut(Instant newest, Instant scopeChange, Instant now);

    /** When the last write that changed anything shown in the category's feed was committed. */
    Instant lastChangeOfCategory(String slug);

    /** When the last write that changed anything shown in the author's feed was committed. */
    Instant lastChangeOfAuthor(String slug);

    /** The earliest publication time after {@code now}: when scheduled content next appears. */
    Optional<Instant> nextScheduledAfter(Instant now);

    /** Id-range queries for archived feeds. */
    ArchiveIndex archive();

    /**
     * Indexes every article's words again and chooses every automatic related pick again (after
     * importing an archive, or upgrading), reporting progress as it goes; editors' picks stay.
     */
    void recomputeRelated(RelatedProgress progress);

    /**
     * Chooses the automatic related picks of the articles imported with ids above {@code after}
     * (their words were indexed as they were written); other articles' lists stay.
     */
    void relateImportedAfter(long after, RelatedProgress progress);

    /**
     * Calls {@code listener} with what a write changed once it commits: this instance's writes on
     * the writer's thread, before the write returns; another server instance's sharing this
     * database on a thread of the store's. Caches drop what it names, and only that.
     */
    void onWrite(Consumer<Changes> listener);

    @Override
    void close();

    /** Told how far a long job has come: {@code done} of {@code total} articles in {@code step}. */
    @FunctionalInterface
    interface RelatedProgress {
        void report(String step, long done, long total);
    }

    /** The result of a create: the stored article, and whether an earlier request created it. */
    record Created(Article article, boolean replayed) {
    }
}
