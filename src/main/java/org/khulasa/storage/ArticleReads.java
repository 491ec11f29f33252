package org.khulasa.storage;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.khulasa.article.Article;
import org.khulasa.article.ArticleContent;
import org.khulasa.article.ArticleQuery;
import org.khulasa.article.Author;
import org.khulasa.article.Category;
import org.khulasa.article.Correction;
import org.khulasa.article.Image;
import org.khulasa.article.RelatedLink;
import org.khulasa.article.Status;
import org.khulasa.article.RelatedMatcher.ArticleText;

/** Reading stored articles: one, a page of a scope (site, category, author), or what matching reads. */
final class ArticleReads {

    /** Names as readers see them at :namesAt (a scheduled article's new name waits for it). */
    private static final String SELECT_ARTICLE = """
            SELECT a.id, a.revision, a.status, a.title, a.summary, a.body, a.published_at, a.updated_at,
                   a.image_url, a.image_type, a.image_caption, a.image_width, a.image_height, a.image_bytes,
                   c.slug AS category_slug, %s AS category_name
            FROM articles a
            JOIN categories c ON c.id = a.category_id
            """.formatted(Scopes.nameAt("c"));

    /**
     * A page of a scope, newest first: the scope's condition goes before it. The page starts
     * after (:before, :beforeId) in the list's order; :beforeId 0 keeps only times before :before.
     * The range on published_at alone stays, so the (scope, published_at) indexes still serve.
     * Drafts are listed for editors only.
     */
    private static final String PAGE = """
             a.published_at <= :visibleAt AND a.published_at <= :before
             AND (a.published_at < :before OR a.id < :beforeId)
             AND (a.status = 'published' OR :editors)
            ORDER BY a.published_at DESC, a.id DESC LIMIT :limit
            """;

    /**
     * The cursor's article and those just newer, nearest first: where the page before it starts.
     * Drafts are listed for editors only, as in {@link #PAGE}.
     */
    private static final String NEWER = """
             a.published_at <= :visibleAt
              AND (a.published_at > :before OR (a.published_at = :before AND a.id >= :beforeId))
              AND (a.status = 'published' OR :editors)
            ORDER BY a.published_at ASC, a.id ASC LIMIT :limit
            """;

    /** The articles of which the author is one of the bylines. */
    private static final String BY_AUTHOR = " a.id IN (SELECT x.article_id FROM article_authors x"
            + " JOIN authors w ON w.id = x.author_id WHERE w.slug = :author) AND";

    private static final String SITE = SELECT_ARTICLE + " WHERE";
    private static final String CATEGORY = SELECT_ARTICLE + " WHERE c.slug = :category AND";
    private static final String AUTHOR = SELECT_ARTICLE + " WHERE" + BY_AUTHOR;
    private static final String CATEGORY_AND_AUTHOR = SELECT_ARTICLE + " WHERE c.slug = :category AND" + BY_AUTHOR;
    private static final String TAGGED = SELECT_ARTICLE + """
             WHERE EXISTS (SELECT 1 FROM article_tags x JOIN tags t ON t.id = x.tag_id
                           WHERE x.article_id = a.id AND t.slug = :tag) AND""";

    private ArticleReads() {
    }

    /** The article with its tags and related links (only those visible at {@code visibleAt}; null: all). */
    static Optional<Article> find(Handle h, long id, Instant visibleAt) {
        List<Article> found = h.createQuery(SELECT_ARTICLE + " WHERE a.id = :id")
                .bind("id", id).bind("namesAt", millisOrEnd(visibleAt)).map((rs, ctx) -> row(rs)).list();
        return withLinks(h, found, visibleAt, tagsOf(h, ids(found))).stream().findFirst();
    }

    /** A page of articles with their related links, and their tags if the query wants them. */
    static List<Article> list(Handle h, ArticleQuery query) {
        List<Article> bare = scoped(h, query, PAGE);
        return withLinks(h, bare, query.visibleAt(), query.withTags() ? tagsOf(h, ids(bare)) : Map.of());
    }

    /** The articles with ids {@code ids}, in no particular order, with their related links but no tags. */
    static List<Article> byIds(Handle h, List<Long> ids, Instant visibleAt) {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<Article> bare = h.createQuery(SELECT_ARTICLE + " WHERE a.id IN (<ids>)")
                .bindList("ids", ids).bind("namesAt", millisOrEnd(visibleAt)).map((rs, ctx) -> row(rs)).list();
        return withLinks(h, bare, visibleAt, Map.of());
    }

    /**
     * Up to {@code query.limit()} articles of the query's list from its cursor's article back
     * towards the newest, nearest first, without tags or related links: where the page before begins.
     */
    static List<Article> newer(Handle h, ArticleQuery query) {
        return scoped(h, query, NEWER);
    }

    private static List<Article> scoped(Handle h, ArticleQuery query, String order) {
        String scope = query.tag() != null ? TAGGED : query.category() == null
                ? (query.author() == null ? SITE : AUTHOR)
                : (query.author() == null ? CATEGORY : CATEGORY_AND_AUTHOR);
        var statement = h.createQuery(scope + order)
                .bind("visibleAt", millisOrEnd(query.visibleAt()))
                .bind("namesAt", millisOrEnd(query.visibleAt()))
                .bind("editors", query.visibleAt() == null)
                .bind("before", millisOrEnd(query.before()))
                .bind("beforeId", query.beforeId() == null ? 0L : query.beforeId())
                .bind("limit", query.limit());
        if (query.tag() != null) {
            statement.bind("tag", query.tag());
        }
        if (query.category() != null) {
            statement.bind("category", query.category());
        }
        if (query.author() != null) {
            statement.bind("author", query.author());
        }
        return statement.map((rs, ctx) -> row(rs)).list();
    }

    /** Adds {@code tags} and the related links to bare rows, one query for the whole page. */
    private static List<Article> withLinks(Handle h, List<Article> bare, Instant visibleAt,
            Map<Long, List<String>> tags) {
        if (bare.isEmpty()) {
            return bare;
        }
        Map<Long, List<Author>> bylines = ArticleBylines.of(h, ids(bare), millisOrEnd(visibleAt));
        Map<Long, List<Correction>> corrections = ArticleCorrections.of(h, ids(bare));
        Map<Long, List<RelatedLink>> related = new LinkedHashMap<>();
        // Only related articles that readers can already see: a scheduled one joins the list on
        // time, a draft once published.
        h.createQuery("""
                        SELECT r.article_id, a.id, a.title, r.chosen_by FROM article_related r JOIN articles a ON a.id = r.related_id
                        WHERE r.article_id IN (<ids>) AND a.published_at <= :visibleAt
                              AND (a.status = 'published' OR :editors)
                        ORDER BY r.article_id, r.position
                        """)
                .bindList("ids", ids(bare))
                .bind("visibleAt", millisOrEnd(visibleAt))
                .bind("editors", visibleAt == null)
                .map((rs, ctx) -> Map.entry(rs.getLong(1), new RelatedLink(rs.getLong(2), rs.getString(3), "editor".equals(rs.getString(4)))))
                .forEach(e -> related.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        return bare.stream().map(a -> new Article(a.id(), a.revision(),
                a.content().withAuthors(bylines.getOrDefault(a.id(), List.of())), a.updated(),
                related.getOrDefault(a.id(), List.of()), tags.getOrDefault(a.id(), List.of()), a.image(),
                corrections.getOrDefault(a.id(), List.of()))).toList();
    }

    /** The tags of each article, in the editor's order. */
    private static Map<Long, List<String>> tagsOf(Handle h, List<Long> ids) {
        Map<Long, List<String>> tags = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return tags;
        }
        InList.query(h, """
                        SELECT x.article_id, t.name FROM article_tags x JOIN tags t ON t.id = x.tag_id
                        WHERE x.article_id IN (%s) ORDER BY x.article_id, x.position
                        """, ids, "reading tags",
                rs -> tags.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2)));
        return tags;
    }

    /** Each article's revision, by id: every write of an article moves it. */
    static Map<Long, Long> revisionsOf(Handle h, List<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<Long, Long> revisions = new HashMap<>();
        InList.query(h, "SELECT id, revision FROM articles WHERE id IN (%s)", ids, "reading revisions",
                rs -> revisions.put(rs.getLong(1), rs.getLong(2)));
        return revisions;
    }

    /** What matching reads of stored articles, by id. */
    static Map<Long, ArticleText> textsOf(Handle h, List<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<Long, List<String>> tags = tagsOf(h, ids);
        Map<Long, ArticleText> texts = new LinkedHashMap<>();
        InList.query(h, """
                        SELECT a.id, a.title, a.summary, a.body, c.slug, a.published_at
                        FROM articles a JOIN categories c ON c.id = a.category_id
                        WHERE a.id IN (%s) ORDER BY a.id
                        """, ids, "reading article texts", rs -> {
                    long id = rs.getLong(1);
                    texts.put(id, new ArticleText(rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            tags.getOrDefault(id, List.of()), Instant.ofEpochMilli(rs.getLong(6))));
                });
        return texts;
    }

    /** Those of {@code ids} that readers see at {@code now}: published, and out. */
    static List<Long> outAmong(Handle h, Collection<Long> ids, Instant now) {
        List<Long> out = new ArrayList<>();
        if (!ids.isEmpty()) {
            InList.query(h, "SELECT id FROM articles WHERE id IN (%s) AND status = 'published' AND published_at <= "
                    + now.toEpochMilli(), List.copyOf(ids), "reading which articles are out", rs -> out.add(rs.getLong(1)));
        }
        return out;
    }

    /** The earliest publication time after {@code now}: when scheduled content (articles, names) next appears. */
    static Optional<Instant> nextScheduledAfter(Handle h, Instant now) {
        Optional<Instant> article = h.createQuery(
                        "SELECT MIN(published_at) FROM articles WHERE published_at > :now AND status = 'published'")
                .bind("now", now.toEpochMilli()).mapTo(Long.class).findOne().map(Instant::ofEpochMilli);
        Optional<Instant> name = Scopes.nextPendingNameAfter(h, now);
        return article.isEmpty() ? name : name.filter(n -> n.isBefore(article.get())).or(() -> article);
    }

    /** The latest publication time at or before {@code now}: when the newest article readers see came out. */
    static Optional<Instant> lastPublicationUpTo(Handle h, Instant now) {
        return h.createQuery("SELECT MAX(published_at) FROM articles WHERE published_at <= :now AND status = 'published'")
                .bind("now", now.toEpochMilli()).mapTo(Long.class).findOne().map(Instant::ofEpochMilli);
    }

    static long count(Handle h) {
        return h.createQuery("SELECT COUNT(*) FROM articles").mapTo(Long.class).one();
    }

    private static List<Long> ids(List<Article> articles) {
        return articles.stream().map(Article::id).toList();
    }

    /** No bound (null) as the end of time, so every page query binds the same parameters. */
    private static long millisOrEnd(Instant instant) {
        return instant == null ? Long.MAX_VALUE : instant.toEpochMilli();
    }

    private static Article row(ResultSet rs) throws SQLException {
        String imageUrl = rs.getString("image_url");
        return new Article(
                rs.getLong("id"),
                rs.getLong("revision"),
                // Bylines are read for the whole page at once (ArticleBylines).
                new ArticleContent(rs.getString("title"), rs.getString("summary"), rs.getString("body"),
                        new Category(rs.getString("category_slug"), rs.getString("category_name")),
                        List.of(), status(rs.getString("status")), Instant.ofEpochMilli(rs.getLong("published_at"))),
                Instant.ofEpochMilli(rs.getLong("updated_at")),
                List.of(),
                List.of(),
                imageUrl == null ? null
                        : new Image(imageUrl, rs.getString("image_type"), rs.getString("image_caption"),
                                intOrNull(rs, "image_width"), intOrNull(rs, "image_height"),
                                longOrNull(rs, "image_bytes")),
                List.of());
    }

    /** What an edit needs to know of the stored article before changing it. */
    record Stored(Instant published, Instant updated, Status status, long revision) {
    }

    static Optional<Stored> stored(Handle h, long id) {
        return h.createQuery("SELECT published_at, updated_at, status, revision FROM articles WHERE id = :id")
                .bind("id", id)
                .map((rs, ctx) -> new Stored(Instant.ofEpochMilli(rs.getLong(1)), Instant.ofEpochMilli(rs.getLong(2)),
                        status(rs.getString(3)), rs.getLong(4)))
                .findOne();
    }

    private static Status status(String stored) {
        return stored.equals("draft") ? Status.DRAFT : Status.PUBLISHED;
    }

    private static Long longOrNull(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    private static Integer intOrNull(ResultSet rs, String column) throws SQLException {
        Long value = longOrNull(rs, column);
        return value == null ? null : Math.toIntExact(value);
    }
}
