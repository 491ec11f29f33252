package org.khulasa.storage;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.khulasa.article.ArticleDraft;
import org.khulasa.article.Image;
import org.khulasa.article.ImportedArchive;
import org.khulasa.article.RelatedMatcher;
import org.khulasa.article.RelatedMatcher.ArticleText;
import org.khulasa.article.RelatedMatcher.IndexedText;

/** The imported archive's tables (migrations 008 and 012) and the bulk write of imported articles. */
public final class JdbiImportedArchive implements ImportedArchive {
    private final Jdbi jdbi;
    private final Clock clock;
    private final ChangeStamps stamps;
    private final Dialect dialect;
    private final RelatedMatcher matcher;
    /** Tag ids by name, remembered from one batch to the next (the most recently used only). */
    private final Map<String, Long> knownTags = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
            return size() > 50_000;
        }
    };

    /**
     * Terms of the words indexed by this import's batches and not yet in the term counts, with
     * how many new articles hold each: adding them once for many batches, rather than in every
     * batch, spares rewriting the same counts a hundred times. Until they are added, related lists
     * chosen by others undercount these words a little; a run that stops before adding them leaves
     * its related lists pending, and the next run indexes and counts the whole archive again.
     * Bounded: added early when it holds {@value #UNCOUNTED_TERMS} terms.
     */
    private final Map<String, Integer> uncounted = new HashMap<>();
    private static final int UNCOUNTED_TERMS = 250_000;

    JdbiImportedArchive(Jdbi jdbi, Clock clock, ChangeSignal changes, Dialect dialect, RelatedMatcher matcher) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.dialect = dialect;
        this.matcher = matcher;
        this.stamps = new ChangeStamps(changes);
    }

    @Override
    public Map<Long, String> feedIds(Collection<Long> articleIds) {
        if (articleIds.isEmpty()) {
            return Map.of();
        }
        return jdbi.withHandle(h -> h.createQuery("SELECT article_id, guid FROM imported_articles WHERE article_id IN (<ids>)")
                .bindList("ids", List.copyOf(articleIds))
                .reduceRows(new HashMap<Long, String>(), (map, row) -> {
                    map.put(row.getColumn(1, Long.class), row.getColumn(2, String.class));
                    return map;
                }));
    }

    @Override
    public Optional<Redirect> redirect(String oldAddress, Instant now) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT o.status, o.target, o.article_id FROM old_addresses o
                        LEFT JOIN articles a ON a.id = o.article_id
                        WHERE o.old_address = :address AND (o.article_id IS NULL OR a.published_at <= :now)
                        """)
                .bind("address", oldAddress).bind("now", now.toEpochMilli())
                .map((rs, ctx) -> {
                    long article = rs.getLong(3);
                    String target = rs.wasNull() ? rs.getString(2) : "/articles/" + article;
                    return new Redirect(rs.getInt(1), target);
                })
                .findFirst());
    }

    @Override
    public Map<Integer, IndexedText> wordsOf(List<Article> articles) {
        // On every core, as the write path does before its lock; a guid once imported stays known.
        Map<Integer, IndexedText> texts = new ConcurrentHashMap<>();
        Set<String> imported = importedGuids(articles);
        IntStream.range(0, articles.size()).parallel()
                .filter(i -> articles.get(i).guid() == null || !imported.contains(articles.get(i).guid()))
                .forEach(i -> texts.put(i, words(articles.get(i))));
        return texts;
    }

    @Override
    public Set<String> write(Batch batch) {
        // The words of the posts not imported before are analysed before the write lock is taken.
        Map<Integer, IndexedText> texts = new HashMap<>(batch.words()
                .orElseGet(() -> batch.indexWords() ? wordsOf(batch.articles()) : Map.of()));
        Map<String, Long> tags = new HashMap<>();
        Set<String> written = bulk(h -> {
            ChangeStamps.lockWrites(h);
            ImportedImages.remember(h, batch.attachments());
            for (SlugChoice s : batch.slugs()) {
                h.createUpdate("""
                                INSERT INTO imported_slugs (kind, old_slug, slug) VALUES (:kind, :old, :slug)
                                ON CONFLICT (kind, old_slug) DO NOTHING
                                """)
                        .bind("kind", s.kind()).bind("old", s.oldSlug()).bind("slug", s.slug()).execute();
            }
            Instant now = clock.instant();
            ChangeStamps.Before before = ChangeStamps.before(h, now);
            ImportScopes scopes = new ImportScopes(h, now);
            Map<String, Long> added = new LinkedHashMap<>();
            Map<Long, Long> owed = new HashMap<>();
            Map<Long, IndexedText> words = new LinkedHashMap<>();
            try (ImportRows rows = new ImportRows(h, knownTags)) {
                for (int i = 0; i < batch.articles().size(); i++) {
                    Article article = batch.articles().get(i);
                    Optional<Long> known = article.guid() == null ? Optional.empty()
                            : Optional.ofNullable(added.get(article.guid())).or(() -> rows.known(article.guid()));
                    long id = known.isPresent() ? known.get() : insert(rows, article, scopes);
                    if (known.isEmpty() && article.guid() != null) {
                        added.put(article.guid(), id);
                        Long image = batch.imagesOwed().get(article.guid());
                        if (image != null) {
                            owed.put(id, image);
                        }
                    }
                    if (known.isEmpty() && batch.indexWords()) {
                        words.put(id, texts.computeIfAbsent(i, k -> words(article)));
                    }
                    if (id > 0) {
                        article.oldAddresses().forEach(address -> rows.oldAddress(address, id));
                    }
                }
                rows.flush();
                tags.putAll(rows.tags());
            }
            ImportedImages.owe(h, owed);
            if (!words.isEmpty()) {
                try (StoredWordIndex index = dialect.wordIndex(h)) {
                    TermCounts.tally(index.insertUncounted(words), uncounted);
                    if (uncounted.size() >= UNCOUNTED_TERMS) {
                        index.addCounts(uncounted);
                        uncounted.clear();
                    }
                }
            }
            ImportedAddresses.add(h, batch.addresses(), batch.tagAddresses());
            if (scopes.used()) {
                // Now, not the imported times: a scheduled post's may lie years ahead.
                stamps.next(h, now);
                // Feeds' Last-Modified moves only when an imported article is out: the embargo holds.
                if (scopes.anyOut()) {
                    ChangeStamps.feedsChanged(h, now);
                    scopes.touch();
                }
                stamps.announce(h, before, clock.instant());
                h.createUpdate("UPDATE import_state SET related_pending = 1 WHERE id = 1").execute();
            }
            return added.keySet();
        });
        knownTags.putAll(tags);
        return written;
    }

    private IndexedText words(Article article) {
        return matcher.indexText(ArticleText.of(article.draft(), article.draft().content().published()));
    }

    /** Which of the guids of {@code articles} an earlier batch or run imported. */
    private Set<String> importedGuids(List<Article> articles) {
        List<String> guids = articles.stream().map(Article::guid).filter(Objects::nonNull).toList();
        if (guids.isEmpty()) {
            return Set.of();
        }
        Set<String> imported = new HashSet<>();
        jdbi.useHandle(h -> InList.query(h, "SELECT guid FROM imported_articles WHERE guid IN (%s)", guids,
                "reading imported guids", rs -> imported.add(rs.getString(1))));
        return imported;
    }

    private static long insert(ImportRows rows, Article article, ImportScopes scopes) {
        ArticleDraft d = article.draft();
        long updated = article.updated().toEpochMilli();
        // Two articles never share an updated time (Atom readers rely on it): a millisecond more where they would.
        while (rows.updatedTaken(updated)) {
            updated++;
        }
        // The editor's write path fills the row (status, revision 1, image size), its bylines and tags.
        List<Long> authors = d.content().authors().stream().map(a -> scopes.author(a, d.content().published())).toList();
        long id = rows.article(d, scopes.category(d.content().category(), d.content().published()), authors.get(0),
                d.content().published().toEpochMilli(), updated);
        rows.bylinesAndTags(id, authors, d.tags());
        if (article.guid() != null) {
            rows.imported(article.guid(), article.sourceId(), id);
        }
        return id;
    }

    private <T> T bulk(HandleCallback<T, RuntimeException> work) {
        return LazyCommits.inTransaction(jdbi, dialect, work);
    }

    @Override
    public void countIndexedWords() {
        if (uncounted.isEmpty()) {
            return;
        }
        bulk(h -> {
            ChangeStamps.lockWrites(h);
            try (StoredWordIndex index = dialect.wordIndex(h)) {
                index.addCounts(uncounted);
            }
            return null;
        });
        uncounted.clear();
    }

    @Override
    public void settle() {
        LazyCommits.settle(jdbi, dialect);
    }

    @Override
    public Map<Long, Attachment> attachments(Collection<Long> sourceIds) {
        return sourceIds.isEmpty() ? Map.of() : jdbi.withHandle(h -> ImportedImages.known(h, sourceIds));
    }

    @Override
    public Map<Long, Attachment> owedImages(int limit) {
        return jdbi.withHandle(h -> ImportedImages.owedAndKnown(h, limit));
    }

    @Override
    public int giveImages(Map<Long, Optional<Image>> images, long newestBefore) {
        return images.isEmpty() ? 0 : bulk(h -> ImportedImages.give(h, images, newestBefore, stamps, clock));
    }

    @Override
    public long imagesOwed() {
        return jdbi.withHandle(ImportedImages::owedCount);
    }

    @Override
    public Map<String, String> slugs(String kind) {
        return jdbi.withHandle(h -> h.createQuery("SELECT old_slug, slug FROM imported_slugs WHERE kind = :kind")
                .bind("kind", kind)
                .reduceRows(new HashMap<String, String>(), (map, row) -> {
                    map.put(row.getColumn(1, String.class), row.getColumn(2, String.class));
                    return map;
                }));
    }

    @Override
    public boolean relatedPending() {
        return jdbi.withHandle(h -> h.createQuery("SELECT related_pending FROM import_state WHERE id = 1")
                .mapTo(Integer.class).one() != 0);
    }

    @Override
    public void relatedChosen() {
        jdbi.useHandle(h -> h.createUpdate("UPDATE import_state SET related_pending = 0 WHERE id = 1").execute());
    }

    @Override
    public long newestArticleId() {
        return jdbi.withHandle(h -> h.createQuery("SELECT COALESCE(MAX(id), 0) FROM articles").mapTo(Long.class).one());
    }
}
