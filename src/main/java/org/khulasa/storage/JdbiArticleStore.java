package org.khulasa.storage;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.khulasa.article.ArchiveIndex;
import org.khulasa.article.Article;
import org.khulasa.article.ArticleDraft;
import org.khulasa.article.ArticleQuery;
import org.khulasa.article.ArticleStamp;
import org.khulasa.article.ArticleStore;
import org.khulasa.article.Author;
import org.khulasa.article.Category;
import org.khulasa.article.Change;
import org.khulasa.article.EditConflictException;
import org.khulasa.article.Filing;
import org.khulasa.article.IdBlock;
import org.khulasa.article.Tag;
import org.khulasa.article.Changes;
import org.khulasa.article.IdempotencyKey;
import org.khulasa.article.RelatedMatcher;
import org.khulasa.article.SearchQuery;
import org.khulasa.article.RelatedMatcher.ArticleText;
import org.khulasa.article.RelatedMatcher.IndexedText;
import org.khulasa.article.Revisions;
import org.khulasa.article.Status;
import org.khulasa.web.EndedSessions;
import org.khulasa.websub.WebSubStore;

/**
 * The article store over Jdbi: the write path (create, update, delete) here, from top to bottom;
 * reads in {@link StoreReads} and {@link ArticleReads}, feeds' change times in {@link ChangeStamps}, related lists in
 * {@link RelatedLists}, the word index behind {@link Dialect#wordIndex}.
 */
public final class JdbiArticleStore extends StoreReads {
    private final AutoCloseable pool;
    private final Clock clock;
    private final RelatedMatcher matcher;
    private final Dialect dialect;
    private final ChangeSignal changes;
    private final ChangeStamps stamps;
    private final RelatedLists lists;
    private final RelatedRecompute recompute;
    private final JdbiArchiveIndex archive;
    private final JdbiWebSubStore webSub;
    private final JdbiEndedSessions endedSessions;
    private final Writes writes;

    JdbiArticleStore(Jdbi jdbi, AutoCloseable pool, Clock clock, RelatedMatcher matcher, Dialect dialect,
            ChangeSignal changes) {
        super(jdbi, new WriteQueue(dialect));
        this.pool = pool;
        this.clock = clock;
        this.matcher = matcher;
        this.dialect = dialect;
        this.changes = changes;
        this.stamps = new ChangeStamps(changes);
        this.writes = new Writes(jdbi, queue, clock, stamps);
        this.lists = new RelatedLists(matcher, dialect);
        this.recompute = new RelatedRecompute(jdbi, queue, clock, matcher, dialect, stamps, lists);
        this.archive = new JdbiArchiveIndex(jdbi);
        this.webSub = new JdbiWebSubStore(jdbi);
        this.endedSessions = new JdbiEndedSessions(jdbi, clock);
    }

    /** The WebSub hub's subscriptions and deliveries, in the same database. */
    public WebSubStore webSub() {
        return webSub;
    }

    /** The desk sessions signed out before they expire, in the same database. */
    public EndedSessions endedSessions() {
        return endedSessions;
    }

    @Override
    public ArchiveIndex archive() {
        return archive;
    }

    @Override
    public Created create(ArticleDraft draft, IdempotencyKey key) {
        // Analysing the text and choosing the related list cost more than all the writing: both are
        // done before taking the write lock, so that concurrent editors use every core for them.
        Instant matchedAt = clock.instant();
        IndexedText words = matcher.indexText(ArticleText.of(draft, draft.content().publishedOr(matchedAt)));
        List<Long> picks = queue.guarded(() -> jdbi.withHandle(h -> lists.picksBeforeWriting(h, draft, words, matchedAt)));
        return writes.run(h -> {
            Instant now = clock.instant();
            if (key.isPresent()) {
                Optional<Created> replay = IdempotencyKeys.replay(h, key, now);
                if (replay.isPresent()) {
                    return replay.get();
                }
            }
            RelatedLists.checkExist(h, draft.related(), -1);
            boolean visible = draft.content().status() == Status.PUBLISHED;
            // A draft changes nothing readers see: no change time, no feed marked as changed.
            Instant updated = visible ? stamps.next(h, now) : now;
            // Not `updated`, which may run a few ms ahead of the clock to stay unique.
            Instant published = draft.content().publishedOr(now);
            // Embargo: a scheduled article changes nothing public (no feed's time, no name) until it is out.
            boolean seen = visible && !published.isAfter(now);
            if (seen) {
                ChangeStamps.feedsChanged(h, now);
            }
            List<Long> authors = Scopes.upsertAuthors(h, draft.content().authors(), now, published, visible);
            long category = Scopes.upsertCategory(h, draft.content().category(), now, published, visible);
            long id = ArticleRows.insert(h, draft, category, authors.get(0), published, updated);
            ArticleBylines.replace(h, id, authors);
            ArticleRows.storeTags(h, id, draft.tags());
            RelatedLists.storeEditorPicks(h, id, draft.related());
            if (seen) {
                ChangeStamps.touchScopesOf(h, id);
            }
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
    public Optional<Article> update(long id, ArticleDraft draft, Revisions base) {
        return writes.run(h -> {
            Optional<ArticleReads.Stored> found = ArticleReads.stored(h, id);
            if (found.isEmpty()) {
                return Optional.<Article>empty();
            }
            ArticleReads.Stored before = found.get();
            if (!base.admits(before.revision())) {
                throw new EditConflictException(ArticleReads.find(h, id, null).orElseThrow());
            }
            RelatedLists.checkExist(h, draft.related(), id);
            ArticleText stored = ArticleReads.textsOf(h, List.of(id)).get(id);
            IndexedText beforeWords = matcher.indexText(stored);
            Instant now = clock.instant();
            boolean wasPublic = before.status() == Status.PUBLISHED;
            boolean isPublic = draft.content().status() == Status.PUBLISHED;
            // Saving a draft changes nothing readers see: no change time, no feed marked as changed.
            boolean visible = wasPublic || isPublic;
            Instant changed = visible ? stamps.next(h, now) : now;
            // A full replace without a time keeps the original one (an edit is not news), but
            // publishing a draft publishes it now.
            Instant newPublished = draft.content().publishedOr(isPublic && !wasPublic ? now : before.published());
            // A minor fix keeps the time readers were told of, so they don't see the item as new again.
            Instant updated = wasPublic && isPublic && draft.change() == Change.MINOR ? before.updated() : changed;
            // Readers see the change if they saw the article before it or see it after: else it is embargoed.
            boolean seen = (wasPublic && !before.published().isAfter(now)) || (isPublic && !newPublished.isAfter(now));
            if (seen) {
                ChangeStamps.feedsChanged(h, now);
                ChangeStamps.touchScopesOf(h, id); // the feeds it leaves, if it changes category or authors
            }
            List<Long> authors = Scopes.upsertAuthors(h, draft.content().authors(), now, newPublished, isPublic);
            long category = Scopes.upsertCategory(h, draft.content().category(), now, newPublished, isPublic);
            ArticleRows.update(h, id, draft, category, authors.get(0), newPublished, updated);
            ArticleBylines.replace(h, id, authors);
            ArticleRows.storeTags(h, id, draft.tags());
            RelatedLists.storeEditorPicks(h, id, draft.related());
            if (draft.change() == Change.CORRECTION) {
                ArticleCorrections.add(h, id, changed, draft.note());
            }
            ArticleText text = ArticleText.of(draft, newPublished);
            IndexedText words = matcher.indexText(text);
            try (StoredWordIndex index = dialect.wordIndex(h)) {
                index.replace(id, beforeWords, words);
            }
            lists.fill(h, id, text, words, now);
            if (visible) {
                lists.refreshListsNaming(h, id, RelatedLists.listsPicking(h, id), now);
            }
            if (seen) {
                ChangeStamps.touchScopesOf(h, id);
                if (!stored.title().equals(draft.content().title())) {
                    // Lists an editor chose show this title too: their feeds change with it.
                    RelatedLists.listsChoosing(h, id).forEach(other -> ChangeStamps.touchScopesOf(h, other));
                }
            }
            return ArticleReads.find(h, id, null);
        });
    }

    @Override
    public boolean delete(long id, Revisions base) {
        return writes.run(h -> {
            Optional<ArticleReads.Stored> found = ArticleReads.stored(h, id);
            if (found.isEmpty()) {
                return false;
            }
            if (!base.admits(found.get().revision())) {
                throw new EditConflictException(ArticleReads.find(h, id, null).orElseThrow());
            }
            // A draft leaves without a trace readers could see.
            boolean visible = found.get().status() == Status.PUBLISHED;
            List<Long> naming = RelatedLists.listsNaming(h, id);
            ArticleText gone = ArticleReads.textsOf(h, List.of(id)).get(id);
            try (StoredWordIndex index = dialect.wordIndex(h)) {
                index.forget(id, matcher.indexText(gone));
            }
            Instant now = clock.instant();
            // A scheduled article leaves unseen, unless lists readers see named it (an editor's pick).
            boolean seen = visible && (!gone.published().isAfter(now) || !naming.isEmpty());
            if (visible) {
                stamps.next(h, now);
            }
            if (seen) {
                ChangeStamps.feedsChanged(h, now);
                ChangeStamps.touchScopesOf(h, id);
            }
            h.createUpdate("DELETE FROM articles WHERE id = :id").bind("id", id).execute();
            if (visible) {
                lists.refreshListsNaming(h, id, naming, now);
            }
            return true;
        });
    }

    // ---- reads and the rest, handed on -------------------------------------------------------

    @Override
    public List<Article> search(SearchQuery query) {
        return read(h -> SearchReads.find(h, dialect.wordSearch(), query));
    }

    @Override
    public List<org.khulasa.article.RelatedLink> suggestRelated(ArticleText text, long self, java.util.Set<Long> exclude) {
        return queue.guarded(() -> jdbi.withHandle(h -> lists.suggestions(h, text, self, exclude, clock.instant())));
    }

    @Override
    public Optional<Filing> rename(Filing.Kind kind, String slug, String name) {
        return writes.run(h -> {
            Instant now = clock.instant();
            stamps.next(h, now);
            return Scopes.rename(h, kind, slug, name, now);
        });
    }

    @Override
    public Filing.Removal remove(Filing.Kind kind, String slug) {
        return writes.run(h -> {
            return Scopes.remove(h, kind, slug);
        });
    }

    @Override
    public void recomputeRelated(RelatedProgress progress) {
        recompute.recomputeRelated(progress);
    }

    @Override
    public void relateImportedAfter(long after, RelatedProgress progress) {
        recompute.relateImportedAfter(after, progress);
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
        writes.listen(listener);
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
