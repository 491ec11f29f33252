package org.khulasa.storage;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.khulasa.article.ArticleDraft;
import org.khulasa.article.Author;
import org.khulasa.article.Category;
import org.khulasa.article.ImportedArchive;

/** The imported archive's tables (migration 008) and the bulk write of imported articles. */
public final class JdbiImportedArchive implements ImportedArchive {
    private final Jdbi jdbi;
    private final Clock clock;
    private final ChangeStamps stamps;

    JdbiImportedArchive(Jdbi jdbi, Clock clock, ChangeSignal changes) {
        this.jdbi = jdbi;
        this.clock = clock;
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
    public Set<String> write(Batch batch) {
        return jdbi.inTransaction(h -> {
            ChangeStamps.lockWrites(h);
            for (SlugChoice s : batch.slugs()) {
                h.createUpdate("""
                                INSERT INTO imported_slugs (kind, old_slug, slug) VALUES (:kind, :old, :slug)
                                ON CONFLICT (kind, old_slug) DO NOTHING
                                """)
                        .bind("kind", s.kind()).bind("old", s.oldSlug()).bind("slug", s.slug()).execute();
            }
            BatchScopes scopes = new BatchScopes(h);
            Set<String> added = new HashSet<>();
            int inserted = 0;
            for (Article article : batch.articles()) {
                Optional<Long> known = article.guid() == null ? Optional.empty()
                        : h.createQuery("SELECT COALESCE(article_id, 0) FROM imported_articles WHERE guid = :guid")
                                .bind("guid", article.guid()).mapTo(Long.class).findOne();
                long id;
                if (known.isPresent()) {
                    id = known.get();
                } else {
                    id = insert(h, article, scopes);
                    inserted++;
                    if (article.guid() != null) {
                        added.add(article.guid());
                    }
                }
                if (id > 0) {
                    for (String address : article.oldAddresses()) {
                        h.createUpdate("""
                                        INSERT INTO old_addresses (old_address, article_id, status) VALUES (:address, :id, 301)
                                        ON CONFLICT (old_address) DO NOTHING
                                        """)
                                .bind("address", address).bind("id", id).execute();
                    }
                }
            }
            for (Address a : batch.addresses()) {
                h.createUpdate("""
                                INSERT INTO old_addresses (old_address, target, status) VALUES (:address, :target, :status)
                                ON CONFLICT (old_address) DO NOTHING
                                """)
                        .bind("address", a.oldAddress()).bind("target", a.target()).bind("status", a.status()).execute();
            }
            if (inserted > 0) {
                // Now, not the imported times: a scheduled post's may lie years ahead, and feeds'
                // Last-Modified comes from here.
                scopes.touch(stamps.next(h, clock.instant()).toEpochMilli());
                h.createUpdate("UPDATE import_state SET related_pending = 1 WHERE id = 1").execute();
            }
            return added;
        });
    }

    private static long insert(Handle h, Article article, BatchScopes scopes) {
        ArticleDraft d = article.draft();
        long updated = article.updated().toEpochMilli();
        // Two articles never share an updated time (Atom readers rely on it): a millisecond more where they would.
        while (h.createQuery("SELECT COUNT(*) FROM articles WHERE updated_at = :at").bind("at", updated)
                .mapTo(Integer.class).one() > 0) {
            updated++;
        }
        // The editor's write path fills the row (status, revision 1, image size), its bylines and tags.
        List<Long> authors = d.authors().stream().map(scopes::author).toList();
        long id = ArticleRows.insert(h, d, scopes.category(d.category()), authors.get(0), d.published(),
                Instant.ofEpochMilli(updated));
        ArticleBylines.replace(h, id, authors);
        ArticleRows.storeTags(h, id, d.tags());
        if (article.guid() != null) {
            h.createUpdate("INSERT INTO imported_articles (guid, source_id, article_id) VALUES (:guid, :source, :id)")
                    .bind("guid", article.guid()).bind("source", article.sourceId()).bind("id", id).execute();
        }
        return id;
    }

    @Override
    public void rememberAttachments(List<Attachment> attachments) {
        jdbi.useTransaction(h -> {
            for (Attachment a : attachments) {
                h.createUpdate("""
                                INSERT INTO imported_attachments (source_id, url, caption, alt) VALUES (:id, :url, :caption, :alt)
                                ON CONFLICT (source_id) DO UPDATE SET url = excluded.url, caption = excluded.caption, alt = excluded.alt
                                """)
                        .bind("id", a.sourceId()).bind("url", a.url()).bind("caption", a.caption()).bind("alt", a.alt())
                        .execute();
            }
        });
    }

    @Override
    public Map<Long, Attachment> attachments(Collection<Long> sourceIds) {
        if (sourceIds.isEmpty()) {
            return Map.of();
        }
        return jdbi.withHandle(h -> h.createQuery(
                        "SELECT source_id, url, caption, alt FROM imported_attachments WHERE source_id IN (<ids>)")
                .bindList("ids", List.copyOf(sourceIds))
                .reduceRows(new HashMap<Long, Attachment>(), (map, row) -> {
                    Attachment a = new Attachment(row.getColumn(1, Long.class), row.getColumn(2, String.class),
                            row.getColumn(3, String.class), row.getColumn(4, String.class));
                    map.put(a.sourceId(), a);
                    return map;
                }));
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

    /** Categories and authors of one batch: looked up (or created) once each, then marked changed together. */
    private static final class BatchScopes {
        private final Handle h;
        private final Map<String, Long> ids = new HashMap<>();
        private final Set<Long> categories = new HashSet<>();
        private final Set<Long> authors = new HashSet<>();

        BatchScopes(Handle h) {
            this.h = h;
        }

        long category(Category category) {
            long id = ids.computeIfAbsent("categories/" + category.slug(), k -> Scopes.upsertCategory(h, category, true));
            categories.add(id);
            return id;
        }

        long author(Author author) {
            long id = ids.computeIfAbsent("authors/" + author.slug(), k -> Scopes.upsertAuthors(h, List.of(author), true).get(0));
            authors.add(id);
            return id;
        }

        void touch(long at) {
            if (!categories.isEmpty()) {
                h.createUpdate("UPDATE categories SET changed_at = :at WHERE id IN (<ids>)")
                        .bind("at", at).bindList("ids", List.copyOf(categories)).execute();
            }
            if (!authors.isEmpty()) {
                h.createUpdate("UPDATE authors SET changed_at = :at WHERE id IN (<ids>)")
                        .bind("at", at).bindList("ids", List.copyOf(authors)).execute();
            }
        }
    }
}
