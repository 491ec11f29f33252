package org.khulasa.storage;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.statement.Query;
import org.khulasa.article.Article;
import org.khulasa.article.ArticleDraft;
import org.khulasa.article.ArticleQuery;
import org.khulasa.article.ArticleStore;
import org.khulasa.article.Author;
import org.khulasa.article.Category;
import org.khulasa.article.IdempotencyConflictException;
import org.khulasa.article.IdempotencyKey;
import org.khulasa.article.Image;
import org.khulasa.article.RelatedLink;
import org.khulasa.article.RelatedMatcher;
import org.khulasa.article.RelatedMatcher.ArticleText;
import org.khulasa.article.RelatedMatcher.IndexedText;
import org.khulasa.article.StorageUnavailableException;
import org.khulasa.article.UnknownRelatedArticlesException;

/** The article store over Jdbi: all of Khulasa's SQL is in this class and the migrations. */
public final class JdbiArticleStore implements ArticleStore {

    static final Duration IDEMPOTENCY_WINDOW = Duration.ofDays(1);

    private static final String SELECT_ARTICLE = """
            SELECT a.id, a.title, a.summary, a.body, a.published_at, a.updated_at,
                   a.image_url, a.image_type, a.image_caption,
                   c.slug AS category_slug, c.name AS category_name,
                   w.slug AS author_slug, w.name AS author_name
            FROM articles a
            JOIN categories c ON c.id = a.category_id
            JOIN authors w ON w.id = a.author_id
            """;

    /** Lists naming an edited or deleted article that are chosen again in the same write. */
    static final int REFRESHED_LISTS = 50;
    private static final int REINDEX_PAGE = 500;
    private static final int RECOMPUTE_PAGE = 100;

    private static final String ORDER_NEWEST_FIRST = " ORDER BY a.published_at DESC, a.id DESC LIMIT :limit";

    private static final Duration WRITE_QUEUE_TIMEOUT = Duration.ofSeconds(60);

    private final Jdbi jdbi;
    private final AutoCloseable pool;
    private final java.util.concurrent.locks.ReentrantLock writeLock = new java.util.concurrent.locks.ReentrantLock(true);
    private final Clock clock;
    private final RelatedMatcher matcher;
    private final Dialect dialect;
    private final ChangeSignal changes;

    JdbiArticleStore(Jdbi jdbi, AutoCloseable pool, Clock clock, RelatedMatcher matcher, Dialect dialect,
            ChangeSignal changes) {
        this.jdbi = jdbi;
        this.pool = pool;
        this.clock = clock;
        this.matcher = matcher;
        this.dialect = dialect;
        this.changes = changes;
    }

    @Override
    public Created create(ArticleDraft draft, IdempotencyKey key) {
        // Analysing the text and choosing the related list cost more than all the writing: both are
        // done before taking the write lock, so that concurrent editors use every core for them.
        Instant matchedAt = clock.instant();
        IndexedText words = matcher.indexText(
                ArticleText.of(draft, draft.published() != null ? draft.published() : matchedAt));
        List<Long> picks = picksBeforeWriting(draft, words, matchedAt);
        return writing(() -> jdbi.inTransaction(h -> {
            lockWrites(h);
            Instant now = clock.instant();
            if (key.isPresent()) {
                Optional<Created> replay = replay(h, key, now);
                if (replay.isPresent()) {
                    return replay.get();
                }
            }
            checkRelatedExist(h, draft.related(), -1);
            Instant updated = nextChangeTime(h, now);
            // Not `updated`, which may run a few ms ahead of the clock to stay unique.
            Instant published = draft.published() != null ? draft.published() : now;
            long id = h.createUpdate("""
                            INSERT INTO articles (title, summary, body, category_id, author_id, published_at,
                                                  created_at, updated_at, image_url, image_type, image_caption)
                            VALUES (:title, :summary, :body, :category, :author, :published,
                                    :updated, :updated, :imageUrl, :imageType, :imageCaption)
                            """)
                    .bind("category", upsertCategory(h, draft.category()))
                    .bind("author", upsertAuthor(h, draft.author()))
                    .bind("published", published.toEpochMilli())
                    .bind("updated", updated.toEpochMilli())
                    .bindMap(contentOf(draft))
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            insertTags(h, id, draft.tags());
            insertRelated(h, id, draft.related());
            touchScopesOf(h, id);
            try (StoredWordIndex index = dialect.wordIndex(h)) {
                index.replace(id, null, words);
            }
            if (!storePicks(h, id, draft.related().size(), picks, now)) {
                fillRelated(h, id, ArticleText.of(draft, published), words, now);
            }
            if (key.isPresent()) {
                h.createUpdate("DELETE FROM idempotency_keys WHERE created_at < :expired")
                        .bind("expired", now.minus(IDEMPOTENCY_WINDOW).toEpochMilli()).execute();
                h.createUpdate("""
                                INSERT INTO idempotency_keys (token_hash, idem_key, request_hash, article_id, created_at)
                                VALUES (:token, :key, :request, :article, :at)
                                """)
                        .bind("token", key.tokenHash()).bind("key", key.key()).bind("request", key.requestHash())
                        .bind("article", id).bind("at", now.toEpochMilli()).execute();
            }
            return new Created(find(h, id, null).orElseThrow(), false);
        }));
    }

    @Override
    public Optional<Article> update(long id, ArticleDraft draft) {
        return writing(() -> jdbi.inTransaction(h -> {
            lockWrites(h);
            Optional<Long> published = h.createQuery("SELECT published_at FROM articles WHERE id = :id")
                    .bind("id", id).mapTo(Long.class).findOne();
            if (published.isEmpty()) {
                return Optional.<Article>empty();
            }
            checkRelatedExist(h, draft.related(), id);
            ArticleText stored = textsOf(h, List.of(id)).get(id);
            IndexedText before = matcher.indexText(stored);
            Instant now = clock.instant();
            Instant updated = nextChangeTime(h, now);
            Instant newPublished = draft.published() != null ? draft.published() : Instant.ofEpochMilli(published.get());
            touchScopesOf(h, id); // the feeds it leaves, if it changes category or author
            h.createUpdate("""
                            UPDATE articles
                            SET title = :title, summary = :summary, body = :body,
                                category_id = :category, author_id = :author, published_at = :published,
                                updated_at = :updated, image_url = :imageUrl, image_type = :imageType,
                                image_caption = :imageCaption
                            WHERE id = :id
                            """)
                    .bind("id", id)
                    .bind("category", upsertCategory(h, draft.category()))
                    .bind("author", upsertAuthor(h, draft.author()))
                    // A full replace without a time keeps the original one: an edit is not news.
                    .bind("published", newPublished.toEpochMilli())
                    .bind("updated", updated.toEpochMilli())
                    .bindMap(contentOf(draft))
                    .execute();
            h.createUpdate("DELETE FROM article_tags WHERE article_id = :id").bind("id", id).execute();
            h.createUpdate("DELETE FROM article_related WHERE article_id = :id").bind("id", id).execute();
            insertTags(h, id, draft.tags());
            insertRelated(h, id, draft.related());
            touchScopesOf(h, id);
            ArticleText text = ArticleText.of(draft, newPublished);
            IndexedText words = matcher.indexText(text);
            try (StoredWordIndex index = dialect.wordIndex(h)) {
                index.replace(id, before, words);
            }
            fillRelated(h, id, text, words, now);
            refreshListsNaming(h, id, listsPicking(h, id), now);
            if (!stored.title().equals(draft.title())) {
                // Lists an editor chose show this title too: their feeds change with it.
                listsChoosing(h, id).forEach(other -> touchScopesOf(h, other));
            }
            return find(h, id, null);
        }));
    }

    @Override
    public boolean delete(long id) {
        return writing(() -> jdbi.inTransaction(h -> {
            lockWrites(h);
            List<Long> naming = h.createQuery("""
                            SELECT DISTINCT article_id FROM article_related WHERE related_id = :id
                            ORDER BY article_id DESC
                            """)
                    .bind("id", id).mapTo(Long.class).list();
            ArticleText gone = textsOf(h, List.of(id)).get(id);
            if (gone == null) {
                return false;
            }
            try (StoredWordIndex index = dialect.wordIndex(h)) {
                index.forget(id, matcher.indexText(gone));
            }
            nextChangeTime(h, clock.instant());
            touchScopesOf(h, id);
            h.createUpdate("DELETE FROM articles WHERE id = :id").bind("id", id).execute();
            refreshListsNaming(h, id, naming, clock.instant());
            return true;
        }));
    }

    @Override
    public Optional<Article> find(long id, Instant visibleAt) {
        return guarded(() -> jdbi.withHandle(h -> find(h, id, visibleAt)));
    }

    @Override
    public List<Article> list(ArticleQuery query) {
        return guarded(() -> jdbi.withHandle(h -> {
            StringBuilder sql = new StringBuilder(SELECT_ARTICLE).append(" WHERE 1 = 1");
            if (query.category() != null) {
                sql.append(" AND c.slug = :category");
            }
            if (query.author() != null) {
                sql.append(" AND w.slug = :author");
            }
            if (query.visibleAt() != null) {
                sql.append(" AND a.published_at <= :visibleAt");
            }
            if (query.before() != null) {
                sql.append(" AND a.published_at < :before");
            }
            Query q = h.createQuery(sql.append(ORDER_NEWEST_FIRST).toString())
                    .bind("category", query.category())
                    .bind("author", query.author())
                    .bind("visibleAt", millis(query.visibleAt()))
                    .bind("before", millis(query.before()))
                    .bind("limit", query.limit());
            return complete(h, q.map((rs, ctx) -> row(rs)).list(), query.visibleAt());
        }));
    }

    @Override
    public Optional<Category> category(String slug) {
        return guarded(() -> jdbi.withHandle(h -> h.createQuery("SELECT slug, name FROM categories WHERE slug = :slug")
                .bind("slug", slug).map((rs, ctx) -> new Category(rs.getString("slug"), rs.getString("name")))
                .findOne()));
    }

    @Override
    public Optional<Author> author(String slug) {
        return guarded(() -> jdbi.withHandle(h -> h.createQuery("SELECT slug, name FROM authors WHERE slug = :slug")
                .bind("slug", slug).map((rs, ctx) -> new Author(rs.getString("slug"), rs.getString("name")))
                .findOne()));
    }

    @Override
    public List<Category> categories() {
        return guarded(() -> jdbi.withHandle(h -> h.createQuery("SELECT slug, name FROM categories ORDER BY slug")
                .map((rs, ctx) -> new Category(rs.getString("slug"), rs.getString("name"))).list()));
    }

    @Override
    public List<Author> authors() {
        return guarded(() -> jdbi.withHandle(h -> h.createQuery("SELECT slug, name FROM authors ORDER BY slug")
                .map((rs, ctx) -> new Author(rs.getString("slug"), rs.getString("name"))).list()));
    }

    @Override
    public Instant lastChange() {
        return guarded(() -> jdbi.withHandle(h -> Instant.ofEpochMilli(lastChangeMillis(h))));
    }

    @Override
    public Instant lastChangeOfCategory(String slug) {
        return guarded(() -> jdbi.withHandle(h -> h.createQuery("SELECT changed_at FROM categories WHERE slug = :slug")
                .bind("slug", slug).mapTo(Long.class).findOne().map(Instant::ofEpochMilli).orElse(Instant.EPOCH)));
    }

    @Override
    public Instant lastChangeOfAuthor(String slug) {
        return guarded(() -> jdbi.withHandle(h -> h.createQuery("SELECT changed_at FROM authors WHERE slug = :slug")
                .bind("slug", slug).mapTo(Long.class).findOne().map(Instant::ofEpochMilli).orElse(Instant.EPOCH)));
    }

    @Override
    public Optional<Instant> nextScheduledAfter(Instant now) {
        return guarded(() -> jdbi.withHandle(h -> h.createQuery(
                        "SELECT MIN(published_at) FROM articles WHERE published_at > :now")
                .bind("now", now.toEpochMilli()).mapTo(Long.class).findOne().map(Instant::ofEpochMilli)));
    }

    @Override
    public void recomputeRelated(RelatedProgress progress) {
        // First every article's words, so that the lists of the second pass see the whole archive.
        reindexWords(progress);
        guarded(() -> {
            long total = jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM articles").mapTo(Long.class).one());
            progress.report("choosing related articles", 0, total);
            forEachPage(RECOMPUTE_PAGE, (h, page) -> {
                lockWrites(h);
                Instant now = clock.instant();
                textsOf(h, page).forEach((id, text) -> fillRelated(h, id, text, matcher.indexText(text), now));
                nextChangeTime(h, now);
                page.forEach(id -> touchScopesOf(h, id));
            }, done -> progress.report("choosing related articles", done, total));
            return null;
        });
    }

    /**
     * Indexes every article's words and counts them again, leaving related lists (and so every
     * feed) as they are. Each page takes the write lock, so counting and writes don't interleave.
     */
    public void reindexWords(RelatedProgress progress) {
        guarded(() -> {
            long total = jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM articles").mapTo(Long.class).one());
            jdbi.useTransaction(h -> {
                lockWrites(h);
                try (StoredWordIndex index = dialect.wordIndex(h)) {
                    index.forgetAllCounts();
                }
            });
            progress.report("indexing words", 0, total);
            forEachPage(REINDEX_PAGE, (h, page) -> {
                lockWrites(h);
                try (StoredWordIndex index = dialect.wordIndex(h)) {
                    textsOf(h, page).forEach((id, text) -> index.replace(id, null, matcher.indexText(text)));
                }
            }, done -> progress.report("indexing words", done, total));
            progress.report("compacting the word index", 0, 1);
            jdbi.useTransaction(h -> {
                try (StoredWordIndex index = dialect.wordIndex(h)) {
                    index.compact();
                }
            });
            progress.report("compacting the word index", 1, 1);
            return null;
        });
    }

    @Override
    public void onWriteElsewhere(Runnable listener) {
        changes.subscribe(listener);
    }

    /**
     * The automatic picks {@code id} would get now, without storing them: what the write path
     * computes, for measuring it.
     */
    public List<Long> suggestRelated(long id) {
        return guarded(() -> jdbi.withHandle(h -> {
            ArticleText text = textsOf(h, List.of(id)).get(id);
            if (text == null) {
                return List.<Long>of();
            }
            List<Long> editor = editorPicks(h, id);
            try (StoredWordIndex index = dialect.wordIndex(h)) {
                return matcher.pick(text, matcher.indexText(text), id, Set.copyOf(editor),
                        matcher.listSize() - editor.size(), clock.instant(), index);
            }
        }));
    }

    /**
     * Writes a consistent copy of the whole database to {@code target} (a new file) with SQLite's
     * {@code VACUUM INTO}: it reads one snapshot, so writers carry on meanwhile and the copy is
     * compact and ready to open. Restore by stopping the server and putting the copy in its place.
     */
    public void backupTo(Path target) {
        if (!(dialect instanceof SqliteDialect)) {
            throw new IllegalStateException("--backup copies SQLite databases; back PostgreSQL up with its own tools (pg_dump)");
        }
        guarded(() -> jdbi.withHandle(h -> h.createUpdate("VACUUM INTO :target")
                .bind("target", target.toAbsolutePath().toString()).execute()));
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

    // ---- reading ------------------------------------------------------------------------------

    private Optional<Article> find(Handle h, long id, Instant visibleAt) {
        List<Article> found = h.createQuery(SELECT_ARTICLE + " WHERE a.id = :id")
                .bind("id", id).map((rs, ctx) -> row(rs)).list();
        return complete(h, found, visibleAt).stream().findFirst();
    }

    /** Adds tags and related links to bare rows, two queries for the whole page. */
    private List<Article> complete(Handle h, List<Article> bare, Instant visibleAt) {
        if (bare.isEmpty()) {
            return bare;
        }
        List<Long> ids = bare.stream().map(Article::id).toList();
        Map<Long, List<String>> tags = tagsOf(h, ids);
        Map<Long, List<RelatedLink>> related = new LinkedHashMap<>();
        // Only related articles that readers can already see: a scheduled one joins the list on time.
        h.createQuery("""
                        SELECT r.article_id, a.id, a.title FROM article_related r JOIN articles a ON a.id = r.related_id
                        WHERE r.article_id IN (<ids>) AND a.published_at <= :visibleAt
                        ORDER BY r.article_id, r.position
                        """)
                .bindList("ids", ids)
                .bind("visibleAt", visibleAt == null ? Long.MAX_VALUE : visibleAt.toEpochMilli())
                .map((rs, ctx) -> Map.entry(rs.getLong(1), new RelatedLink(rs.getLong(2), rs.getString(3))))
                .forEach(e -> related.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        return bare.stream().map(a -> new Article(a.id(), a.title(), a.summary(), a.body(), a.category(), a.author(),
                a.published(), a.updated(), related.getOrDefault(a.id(), List.of()),
                tags.getOrDefault(a.id(), List.of()), a.image())).toList();
    }

    private static Article row(ResultSet rs) throws SQLException {
        String imageUrl = rs.getString("image_url");
        return new Article(
                rs.getLong("id"),
                rs.getString("title"),
                rs.getString("summary"),
                rs.getString("body"),
                new Category(rs.getString("category_slug"), rs.getString("category_name")),
                new Author(rs.getString("author_slug"), rs.getString("author_name")),
                Instant.ofEpochMilli(rs.getLong("published_at")),
                Instant.ofEpochMilli(rs.getLong("updated_at")),
                List.of(),
                List.of(),
                imageUrl == null ? null
                        : new Image(imageUrl, rs.getString("image_type"), rs.getString("image_caption")));
    }

    // ---- writing ------------------------------------------------------------------------------

    private Optional<Created> replay(Handle h, IdempotencyKey key, Instant now) {
        Optional<Map<String, Object>> seen = h.createQuery("""
                        SELECT request_hash, article_id FROM idempotency_keys
                        WHERE token_hash = :token AND idem_key = :key AND created_at >= :since
                        """)
                .bind("token", key.tokenHash()).bind("key", key.key())
                .bind("since", now.minus(IDEMPOTENCY_WINDOW).toEpochMilli())
                .mapToMap().findOne();
        if (seen.isEmpty()) {
            return Optional.empty();
        }
        if (!key.requestHash().equals(seen.get().get("request_hash"))) {
            throw new IdempotencyConflictException("this Idempotency-Key was already used for a different request");
        }
        long articleId = ((Number) seen.get().get("article_id")).longValue();
        Article article = find(h, articleId, null).orElseThrow(() -> new IdempotencyConflictException(
                "this Idempotency-Key created article " + articleId + ", which has since been deleted"));
        return Optional.of(new Created(article, true));
    }

    private static void checkRelatedExist(Handle h, List<Long> related, long self) {
        if (related.isEmpty()) {
            return;
        }
        Set<Long> existing = new HashSet<>(h.createQuery("SELECT id FROM articles WHERE id IN (<ids>)")
                .bindList("ids", related).mapTo(Long.class).list());
        existing.remove(self);
        Set<Long> unknown = new HashSet<>(related);
        unknown.removeAll(existing);
        if (!unknown.isEmpty()) {
            throw new UnknownRelatedArticlesException(related, unknown);
        }
    }

    /**
     * Every write begins here, so writes run one at a time across every instance sharing the
     * database: the row lock on {@code site_state} is held until commit (PostgreSQL), and SQLite's
     * IMMEDIATE transactions already hold the file's write lock. Each write then reads the latest
     * committed state: the idempotency key a concurrent retry stored, the previous update time.
     */
    private static void lockWrites(Handle h) {
        h.createUpdate("UPDATE site_state SET last_change_at = last_change_at WHERE id = 1").execute();
    }

    /**
     * The time stamped on this write: now, but always after the previous write, so no two
     * articles ever share an {@code updated} value (Atom readers and validators rely on it).
     * The other instances hear of the write when it commits.
     */
    private Instant nextChangeTime(Handle h, Instant now) {
        long next = Math.max(now.toEpochMilli(), lastChangeMillis(h) + 1);
        h.createUpdate("UPDATE site_state SET last_change_at = :at WHERE id = 1").bind("at", next).execute();
        changes.announce(h);
        return Instant.ofEpochMilli(next);
    }

    private static long lastChangeMillis(Handle h) {
        return h.createQuery("SELECT last_change_at FROM site_state WHERE id = 1").mapTo(Long.class).one();
    }

    /**
     * The category's id, created on first use. A new name shows in every feed with its articles,
     * so renaming it also marks the author feeds that show them as changed by this write.
     */
    private static long upsertCategory(Handle h, Category category) {
        return upsertScope(h, "categories", category.slug(), category.name(), """
                UPDATE authors SET changed_at = (SELECT last_change_at FROM site_state WHERE id = 1)
                WHERE id IN (SELECT DISTINCT author_id FROM articles WHERE category_id = :id)
                """);
    }

    /** The author's id, created on first use; renaming marks the category feeds showing their articles. */
    private static long upsertAuthor(Handle h, Author author) {
        return upsertScope(h, "authors", author.slug(), author.name(), """
                UPDATE categories SET changed_at = (SELECT last_change_at FROM site_state WHERE id = 1)
                WHERE id IN (SELECT DISTINCT category_id FROM articles WHERE author_id = :id)
                """);
    }

    /** {@code table} is a fixed name from this class; {@code touchOthers} runs with :id when the name changes. */
    private static long upsertScope(Handle h, String table, String slug, String name, String touchOthers) {
        Optional<Map.Entry<Long, String>> existing = h.createQuery("SELECT id, name FROM " + table + " WHERE slug = :slug")
                .bind("slug", slug)
                .map((rs, ctx) -> Map.entry(rs.getLong(1), rs.getString(2)))
                .findOne();
        if (existing.isEmpty()) {
            return h.createQuery("INSERT INTO " + table + " (slug, name) VALUES (:slug, :name) RETURNING id")
                    .bind("slug", slug).bind("name", name).mapTo(Long.class).one();
        }
        long id = existing.get().getKey();
        if (!existing.get().getValue().equals(name)) {
            h.createUpdate("UPDATE " + table + " SET name = :name WHERE id = :id").bind("name", name).bind("id", id).execute();
            h.createUpdate(touchOthers).bind("id", id).execute();
        }
        return id;
    }

    private static void insertTags(Handle h, long articleId, List<String> tags) {
        for (int i = 0; i < tags.size(); i++) {
            long tagId = h.createQuery("""
                            INSERT INTO tags (name) VALUES (:name)
                            ON CONFLICT (name) DO UPDATE SET name = excluded.name
                            RETURNING id
                            """)
                    .bind("name", tags.get(i)).mapTo(Long.class).one();
            h.createUpdate("INSERT INTO article_tags (article_id, position, tag_id) VALUES (:a, :p, :t)")
                    .bind("a", articleId).bind("p", i).bind("t", tagId).execute();
        }
    }

    private static void insertRelated(Handle h, long articleId, List<Long> related) {
        for (int i = 0; i < related.size(); i++) {
            h.createUpdate("""
                            INSERT INTO article_related (article_id, position, related_id, chosen_by)
                            VALUES (:a, :p, :r, 'editor')
                            """)
                    .bind("a", articleId).bind("p", i).bind("r", related.get(i)).execute();
        }
    }

    // ---- related lists ------------------------------------------------------------------------

    /**
     * The automatic picks of a new article, chosen before it is written: from the index as the
     * article will find it once written ({@link PendingWordIndex}), read outside any
     * transaction, so they are the picks made right after the write unless another article is
     * written meanwhile. That race costs little: an article written concurrently may be missing
     * from the list (as it would be had it come a moment later), and a pick deleted or moved to
     * the future meanwhile is caught by {@link #storePicks}.
     */
    private List<Long> picksBeforeWriting(ArticleDraft draft, IndexedText words, Instant now) {
        int wanted = matcher.listSize() - draft.related().size();
        if (wanted <= 0) {
            return List.of();
        }
        ArticleText text = ArticleText.of(draft, draft.published() != null ? draft.published() : now);
        return guarded(() -> jdbi.withHandle(h -> {
            try (StoredWordIndex index = dialect.wordIndex(h)) {
                // Not written yet, so no id: 0 is none.
                return matcher.pick(text, words, 0, Set.copyOf(draft.related()), wanted, now,
                        new PendingWordIndex(index, words));
            }
        }));
    }

    /**
     * Stores picks chosen before the write after {@code editorPicks} links of the editor's, if
     * every one is still a published article other than {@code id}; false (nothing stored) if not,
     * when the list must be chosen again.
     */
    private static boolean storePicks(Handle h, long id, int editorPicks, List<Long> picks, Instant now) {
        if (!picks.isEmpty()) {
            int valid = h.createQuery("""
                            SELECT COUNT(*) FROM articles WHERE id IN (<picks>) AND id <> :id AND published_at <= :now
                            """)
                    .bindList("picks", picks).bind("id", id).bind("now", now.toEpochMilli())
                    .mapTo(Integer.class).one();
            if (valid != picks.size()) {
                return false;
            }
        }
        int position = editorPicks;
        for (long pick : picks) {
            h.createUpdate("""
                            INSERT INTO article_related (article_id, position, related_id, chosen_by)
                            VALUES (:a, :p, :r, 'auto')
                            """)
                    .bind("a", id).bind("p", position++).bind("r", pick).execute();
        }
        return true;
    }

    /** Replaces the automatic part of {@code id}'s related list, after the editor's picks. */
    private void fillRelated(Handle h, long id, ArticleText text, IndexedText words, Instant now) {
        h.createUpdate("DELETE FROM article_related WHERE article_id = :id AND chosen_by = 'auto'")
                .bind("id", id).execute();
        List<Long> editor = editorPicks(h, id);
        int wanted = matcher.listSize() - editor.size();
        if (wanted <= 0) {
            return;
        }
        int position = h.createQuery("SELECT COALESCE(MAX(position), -1) + 1 FROM article_related WHERE article_id = :id")
                .bind("id", id).mapTo(Integer.class).one();
        List<Long> picks;
        try (StoredWordIndex index = dialect.wordIndex(h)) {
            picks = matcher.pick(text, words, id, Set.copyOf(editor), wanted, now, index);
        }
        for (long pick : picks) {
            h.createUpdate("""
                            INSERT INTO article_related (article_id, position, related_id, chosen_by)
                            VALUES (:a, :p, :r, 'auto')
                            """)
                    .bind("a", id).bind("p", position++).bind("r", pick).execute();
        }
    }

    private static List<Long> editorPicks(Handle h, long id) {
        return h.createQuery("""
                        SELECT related_id FROM article_related WHERE article_id = :id AND chosen_by = 'editor'
                        ORDER BY position
                        """)
                .bind("id", id).mapTo(Long.class).list();
    }

    /** The articles whose automatic picks include {@code id}, newest first. */
    private static List<Long> listsPicking(Handle h, long id) {
        return h.createQuery("""
                        SELECT article_id FROM article_related WHERE related_id = :id AND chosen_by = 'auto'
                        ORDER BY article_id DESC
                        """)
                .bind("id", id).mapTo(Long.class).list();
    }

    /** The articles whose editor-chosen related links include {@code id}. */
    private static List<Long> listsChoosing(Handle h, long id) {
        return h.createQuery("""
                        SELECT article_id FROM article_related WHERE related_id = :id AND chosen_by = 'editor'
                        """)
                .bind("id", id).mapTo(Long.class).list();
    }

    /**
     * After {@code id} was edited or deleted, the lists that named it are chosen again, so an
     * article that no longer matches (or moved to the future, or is gone) leaves them and another
     * takes its place. The newest {@value #REFRESHED_LISTS} are redone in this write; older ones
     * only lose the automatic link, until the next full recompute.
     */
    private void refreshListsNaming(Handle h, long id, List<Long> lists, Instant now) {
        List<Long> others = lists.stream().filter(other -> other != id).toList();
        List<Long> redone = others.subList(0, Math.min(others.size(), REFRESHED_LISTS));
        List<Long> trimmed = others.subList(redone.size(), others.size());
        if (!trimmed.isEmpty()) {
            h.createUpdate("""
                            DELETE FROM article_related
                            WHERE related_id = :id AND chosen_by = 'auto' AND article_id IN (<lists>)
                            """)
                    .bind("id", id).bindList("lists", trimmed).execute();
        }
        textsOf(h, redone).forEach((other, text) -> fillRelated(h, other, text, matcher.indexText(text), now));
        others.forEach(other -> touchScopesOf(h, other));
    }

    /**
     * Marks the category and author feeds showing article {@code id} as changed by the current
     * write (stamped by {@link #nextChangeTime} first).
     */
    private static void touchScopesOf(Handle h, long id) {
        h.createUpdate("""
                        UPDATE categories SET changed_at = (SELECT last_change_at FROM site_state WHERE id = 1)
                        WHERE id = (SELECT category_id FROM articles WHERE id = :id)
                        """).bind("id", id).execute();
        h.createUpdate("""
                        UPDATE authors SET changed_at = (SELECT last_change_at FROM site_state WHERE id = 1)
                        WHERE id = (SELECT author_id FROM articles WHERE id = :id)
                        """).bind("id", id).execute();
    }

    /** The tags of each article, in the editor's order. */
    private static Map<Long, List<String>> tagsOf(Handle h, List<Long> ids) {
        Map<Long, List<String>> tags = new LinkedHashMap<>();
        h.createQuery("""
                        SELECT x.article_id, t.name FROM article_tags x JOIN tags t ON t.id = x.tag_id
                        WHERE x.article_id IN (<ids>) ORDER BY x.article_id, x.position
                        """)
                .bindList("ids", ids)
                .map((rs, ctx) -> Map.entry(rs.getLong(1), rs.getString(2)))
                .forEach(e -> tags.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        return tags;
    }

    /** What matching reads of stored articles, by id. */
    private static Map<Long, ArticleText> textsOf(Handle h, List<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<Long, List<String>> tags = tagsOf(h, ids);
        Map<Long, ArticleText> texts = new LinkedHashMap<>();
        h.createQuery("""
                        SELECT a.id, a.title, a.summary, a.body, c.slug, a.published_at
                        FROM articles a JOIN categories c ON c.id = a.category_id
                        WHERE a.id IN (<ids>) ORDER BY a.id
                        """)
                .bindList("ids", ids)
                .map((rs, ctx) -> Map.entry(rs.getLong(1), new ArticleText(rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), tags.getOrDefault(rs.getLong(1), List.of()),
                        Instant.ofEpochMilli(rs.getLong(6)))))
                .forEach(e -> texts.put(e.getKey(), e.getValue()));
        return texts;
    }

    /** Runs {@code work} over all article ids in pages, one transaction per page. */
    private void forEachPage(int size, java.util.function.BiConsumer<Handle, List<Long>> work,
            java.util.function.LongConsumer done) {
        long after = 0;
        long count = 0;
        while (true) {
            long from = after;
            List<Long> page = jdbi.withHandle(h -> h.createQuery(
                            "SELECT id FROM articles WHERE id > :after ORDER BY id LIMIT :size")
                    .bind("after", from).bind("size", size).mapTo(Long.class).list());
            if (page.isEmpty()) {
                return;
            }
            writing(() -> jdbi.inTransaction(h -> {
                work.accept(h, page);
                return null;
            }));
            after = page.get(page.size() - 1);
            count += page.size();
            done.accept(count);
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

    private static Long millis(Instant instant) {
        return instant == null ? null : instant.toEpochMilli();
    }

    // ---- failures -----------------------------------------------------------------------------

    /**
     * Runs a write transaction once this process's earlier writers are done, first come first
     * served. SQLite takes one writer at a time and makes the others poll its lock with growing
     * sleeps, which is not fair: under a burst an unlucky writer starved past the busy timeout
     * (SQLITE_BUSY, a 503) while later ones got through.
     */
    private <T> T writing(Supplier<T> work) {
        try {
            if (!writeLock.tryLock(WRITE_QUEUE_TIMEOUT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS)) {
                throw new StorageUnavailableException("writes queued for over " + WRITE_QUEUE_TIMEOUT.toSeconds() + " s", null);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StorageUnavailableException("interrupted while waiting to write", e);
        }
        try {
            return guarded(work);
        } finally {
            writeLock.unlock();
        }
    }

    private <T> T guarded(Supplier<T> work) {
        try {
            return work.get();
        } catch (JdbiException e) {
            throw unavailableOr(e);
        }
    }

    /** A full disk, a lock held too long or a lost connection is the server's trouble, not the editor's: 503, retry. */
    private RuntimeException unavailableOr(JdbiException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                Optional<String> cause = dialect.transientCause(sql);
                if (cause.isPresent()) {
                    return new StorageUnavailableException("the database can't take this now: " + cause.get(), e);
                }
            }
        }
        return e;
    }
}
