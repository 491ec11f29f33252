package org.khulasa.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.khulasa.TestDatabase;
import org.khulasa.article.Article;
import org.khulasa.article.ArticleDraft;
import org.khulasa.article.Author;
import org.khulasa.article.Category;
import org.khulasa.article.IdempotencyConflictException;
import org.khulasa.article.IdempotencyKey;
import org.khulasa.article.RelatedLink;

/** A database written before article ids were kept from reuse (migrations 1 to 4) keeps every id and link when upgraded. */
class ArticleIdsUpgradeTest {

    private static final IdempotencyKey DELETED_KEY = new IdempotencyKey("token", "cms-deleted", "request");

    @TempDir
    Path data;

    @Test
    void upgrading_keeps_ids_tags_and_links_and_never_gives_a_remembered_id_again() {
        String url = TestDatabase.urlFor(data);
        Dialect dialect = Dialect.of(url);
        long first;
        long second;
        long deleted;
        try (HikariDataSource pool = dialect.pool(url)) {
            Jdbi jdbi = Jdbi.create(pool);
            Migrations.applyUpTo(jdbi, dialect, 4);
            try (Handle h = jdbi.open()) {
                long category = insert(h, "INSERT INTO categories (slug, name) VALUES ('c', 'قسم') RETURNING id");
                long author = insert(h, "INSERT INTO authors (slug, name) VALUES ('a', 'كاتب') RETURNING id");
                first = article(h, "الأول", category, author);
                second = article(h, "الثاني", category, author);
                deleted = article(h, "المحذوف", category, author);
                long tag = insert(h, "INSERT INTO tags (name) VALUES ('وسم') RETURNING id");
                h.execute("INSERT INTO article_tags (article_id, position, tag_id) VALUES (?, 0, ?)", first, tag);
                h.execute("INSERT INTO article_related (article_id, position, related_id, chosen_by) VALUES (?, 0, ?, 'editor')",
                        second, first);
                h.execute("INSERT INTO idempotency_keys (token_hash, idem_key, request_hash, article_id, created_at)"
                        + " VALUES (?, ?, ?, ?, ?)", DELETED_KEY.tokenHash(), DELETED_KEY.key(),
                        DELETED_KEY.requestHash(), deleted, System.currentTimeMillis());
                // The newest article deleted before the upgrade: only its idempotency key remembers its id.
                h.execute("DELETE FROM articles WHERE id = ?", deleted);
            }
        }

        try (JdbiArticleStore store = Database.open(url, Clock.systemUTC())) {
            Article one = store.find(first, null).orElseThrow();
            Article two = store.find(second, null).orElseThrow();
            assertEquals("الأول", one.content().title());
            assertEquals(List.of("وسم"), one.tags());
            assertEquals(List.of(new RelatedLink(first, "الأول", true)), two.related());

            long next = store.create(draft("الجديد"), IdempotencyKey.NONE).article().id();
            assertTrue(next > deleted, "the new article got id " + next + ", a deleted one's");
            assertThrows(IdempotencyConflictException.class, () -> store.create(draft("المحذوف"), DELETED_KEY));
        }
    }

    private static long article(Handle h, String title, long category, long author) {
        return h.createQuery("""
                        INSERT INTO articles (title, body, category_id, author_id, published_at, created_at, updated_at)
                        VALUES (:title, '<p>نص</p>', :category, :author, 1000, 1000, 1000) RETURNING id
                        """)
                .bind("title", title).bind("category", category).bind("author", author).mapTo(Long.class).one();
    }

    private static long insert(Handle h, String sql) {
        return h.createQuery(sql).mapTo(Long.class).one();
    }

    private static ArticleDraft draft(String title) {
        return ArticleDraft.published(title, null, "<p>نص</p>", new Category("c", "قسم"), List.of(new Author("a", "كاتب")),
                null, List.of(), List.of(), null);
    }
}
