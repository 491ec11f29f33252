package org.khulasa.storage;

import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import org.jdbi.v3.core.Jdbi;
import org.khulasa.article.ArchiveIndex;

/** The id-range queries of archived feeds; scope columns as in {@link JdbiArticleStore#list}. */
final class JdbiArchiveIndex implements ArchiveIndex {
    private static final String SCOPE = """
            FROM articles a
            JOIN categories c ON c.id = a.category_id
            WHERE (CAST(:category AS TEXT) IS NULL OR c.slug = :category)
              AND (CAST(:author AS TEXT) IS NULL OR EXISTS (SELECT 1 FROM article_authors x
                   JOIN authors w ON w.id = x.author_id WHERE x.article_id = a.id AND w.slug = :author))
              AND a.published_at <= :visibleAt AND a.status = 'published'
            """;

    private final Jdbi jdbi;

    JdbiArchiveIndex(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public OptionalLong newestIdBelow(String category, String author, long below, Instant visibleAt) {
        return one("SELECT MAX(a.id) " + SCOPE + " AND a.id < :bound", category, author, below, visibleAt);
    }

    @Override
    public OptionalLong oldestIdAbove(String category, String author, long above, Instant visibleAt) {
        return one("SELECT MIN(a.id) " + SCOPE + " AND a.id > :bound", category, author, above, visibleAt);
    }

    @Override
    public List<Long> idsBetween(String category, String author, long first, long last, Instant visibleAt) {
        return jdbi.withHandle(h -> h.createQuery("SELECT a.id " + SCOPE
                        + " AND a.id BETWEEN :first AND :last ORDER BY a.published_at DESC, a.id DESC")
                .bind("category", category).bind("author", author).bind("visibleAt", visibleAt.toEpochMilli())
                .bind("first", first).bind("last", last)
                .mapTo(Long.class).list());
    }

    @Override
    public long maxId() {
        return jdbi.withHandle(h -> h.createQuery("SELECT COALESCE(MAX(id), 0) FROM articles").mapTo(Long.class).one());
    }

    private OptionalLong one(String sql, String category, String author, long bound, Instant visibleAt) {
        Long id = jdbi.withHandle(h -> h.createQuery(sql)
                .bind("category", category).bind("author", author).bind("visibleAt", visibleAt.toEpochMilli())
                .bind("bound", bound)
                .mapTo(Long.class).findOne().orElse(null));
        return id == null ? OptionalLong.empty() : OptionalLong.of(id);
    }
}
