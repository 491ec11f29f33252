package org.khulasa.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.khulasa.TestDatabase;
import org.khulasa.article.Article;
import org.khulasa.article.ArticleDraft;
import org.khulasa.article.ArticleQuery;
import org.khulasa.article.Author;
import org.khulasa.article.Category;
import org.khulasa.article.IdempotencyKey;
import org.khulasa.article.StorageUnavailableException;

/** PostgreSQL's own setup; skipped unless KHULASA_TEST_DB_URL names a PostgreSQL server. */
class PostgresSetupTest {

    @TempDir
    Path data;

    String url;

    @BeforeEach
    void schema() {
        TestDatabase.requirePostgres();
        url = TestDatabase.urlFor(data);
    }

    @Test
    void two_instances_starting_at_once_migrate_the_schema_exactly_once() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<JdbiArticleStore>> opening = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                opening.add(pool.submit(() -> Database.open(url, Clock.systemUTC())));
            }
            for (Future<JdbiArticleStore> store : opening) {
                store.get().close();
            }
        } finally {
            pool.shutdown();
        }
        try (Connection c = DriverManager.getConnection(url); ResultSet rs = c.createStatement()
                .executeQuery("SELECT COUNT(*), COUNT(DISTINCT version), MAX(version) FROM schema_migrations")) {
            rs.next();
            assertEquals(rs.getInt(1), rs.getInt(2), "each migration recorded once");
            assertTrue(rs.getInt(3) >= 1);
        }
        try (JdbiArticleStore store = Database.open(url, Clock.systemUTC())) {
            store.create(draft("بعد الترحيل"), IdempotencyKey.NONE);
            assertEquals(1, store.list(ArticleQuery.site(null, 10)).size());
        }
    }

    @Test
    void writers_on_two_instances_never_share_an_update_time_even_when_their_clocks_stand_still() throws Exception {
        Clock frozen = Clock.fixed(Instant.parse("2026-11-01T00:00:00Z"), ZoneOffset.UTC);
        try (JdbiArticleStore a = Database.open(url, frozen); JdbiArticleStore b = Database.open(url, frozen)) {
            ExecutorService writers = Executors.newFixedThreadPool(4);
            try {
                List<Future<?>> done = new ArrayList<>();
                for (int i = 0; i < 80; i++) {
                    JdbiArticleStore store = i % 2 == 0 ? a : b;
                    String title = "خبر " + i;
                    done.add(writers.submit(() -> store.create(draft(title), IdempotencyKey.NONE)));
                }
                for (Future<?> f : done) {
                    f.get();
                }
            } finally {
                writers.shutdown();
            }
            List<Article> all = b.list(ArticleQuery.site(null, 200));
            assertEquals(80, all.size(), "no write lost");
            Set<Instant> updated = new HashSet<>();
            all.forEach(article -> updated.add(article.updated()));
            assertEquals(80, updated.size(), "every update time distinct");
            assertEquals(Instant.parse("2026-11-01T00:00:00.079Z"), a.lastChange());
        }
    }

    @Test
    void the_same_idempotency_key_sent_to_two_instances_at_once_creates_one_article() throws Exception {
        try (JdbiArticleStore a = Database.open(url, Clock.systemUTC());
             JdbiArticleStore b = Database.open(url, Clock.systemUTC())) {
            IdempotencyKey key = new IdempotencyKey("token", "retry-1", "request");
            ExecutorService senders = Executors.newFixedThreadPool(8);
            try {
                List<Future<Long>> ids = new ArrayList<>();
                for (int i = 0; i < 16; i++) {
                    JdbiArticleStore store = i % 2 == 0 ? a : b;
                    ids.add(senders.submit(() -> store.create(draft("مرة واحدة"), key).article().id()));
                }
                Set<Long> distinct = new HashSet<>();
                for (Future<Long> id : ids) {
                    distinct.add(id.get());
                }
                assertEquals(1, distinct.size());
            } finally {
                senders.shutdown();
            }
            assertEquals(1, a.list(ArticleQuery.site(null, 10)).size());
        }
    }

    @Test
    void a_write_kept_waiting_for_a_lock_gives_up_as_storage_unavailable() throws Exception {
        try (JdbiArticleStore store = Database.open(url, Clock.systemUTC());
             Connection holder = DriverManager.getConnection(url)) {
            holder.setAutoCommit(false);
            holder.createStatement().execute("SELECT * FROM site_state FOR UPDATE");
            assertThrows(StorageUnavailableException.class, () -> store.create(draft("ينتظر"), IdempotencyKey.NONE));
            holder.rollback();
            store.create(draft("بعد فك القفل"), IdempotencyKey.NONE);
            assertEquals(1, store.list(ArticleQuery.site(null, 10)).size(), "nothing of the refused write was stored");
        }
    }

    private static ArticleDraft draft(String title) {
        return ArticleDraft.published(title, null, "<p>" + title + "</p>", new Category("news", "أخبار"),
                List.of(new Author("rana", "رنا")), null, List.of(), List.of("وسم"), null);
    }
}
