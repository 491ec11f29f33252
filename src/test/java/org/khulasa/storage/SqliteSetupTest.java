package org.khulasa.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.khulasa.article.Article;
import org.khulasa.article.ArticleDraft;
import org.khulasa.article.ArticleQuery;
import org.khulasa.article.Author;
import org.khulasa.article.Category;
import org.khulasa.article.IdempotencyKey;
import org.khulasa.article.Revisions;

class SqliteSetupTest {

    @TempDir
    Path data;

    @Test
    void migrations_run_once_and_reopening_keeps_the_data() throws Exception {
        String url = "jdbc:sqlite:" + data.resolve("k.db");
        try (JdbiArticleStore store = Database.open(url, Clock.systemUTC())) {
            store.create(draft("قبل إعادة التشغيل"), IdempotencyKey.NONE);
        }
        try (JdbiArticleStore store = Database.open(url, Clock.systemUTC())) {
            assertEquals(1, store.list(ArticleQuery.site(null, 10)).size());
        }
        try (Connection c = DriverManager.getConnection(url); ResultSet rs = c.createStatement()
                .executeQuery("SELECT COUNT(*), COUNT(DISTINCT version) FROM schema_migrations")) {
            assertEquals(rs.getInt(1), rs.getInt(2), "each migration recorded once");
        }
    }

    @Test
    void the_database_runs_in_wal_mode_and_enforces_foreign_keys() throws Exception {
        String url = "jdbc:sqlite:" + data.resolve("k.db");
        try (JdbiArticleStore store = Database.open(url, Clock.systemUTC())) {
            store.create(draft("x"), IdempotencyKey.NONE);
            try (Connection c = DriverManager.getConnection(url)) {
                ResultSet mode = c.createStatement().executeQuery("PRAGMA journal_mode");
                assertEquals("wal", mode.getString(1));
            }
            // Every pooled connection, not just the first, has foreign keys on: deleting cascades.
            store.create(ArticleDraft.published("ب", null, "<p>ب</p>", new Category("c", "ق"), List.of(new Author("a", "ك")),
                    null, List.of(1L), List.of(), null), IdempotencyKey.NONE);
            for (int i = 0; i < 20; i++) {
                store.find(2, null);
            }
            assertEquals(1, linksTo(url, 1));
            store.delete(1, Revisions.ANY);
            // Counted in the table: reads join the links to live articles, so they would hide a
            // link left behind by a delete that did not cascade.
            assertEquals(0, linksTo(url, 1));
        }
    }

    private static int linksTo(String url, long id) throws Exception {
        try (Connection c = DriverManager.getConnection(url);
             PreparedStatement q = c.prepareStatement("SELECT COUNT(*) FROM article_related WHERE related_id = ?")) {
            q.setLong(1, id);
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    @Test
    void updated_times_are_unique_even_when_the_clock_stands_still() {
        Clock frozen = Clock.fixed(Instant.parse("2026-11-01T00:00:00Z"), ZoneOffset.UTC);
        try (JdbiArticleStore store = Database.open("jdbc:sqlite:" + data.resolve("k.db"), frozen)) {
            for (int i = 0; i < 50; i++) {
                store.create(draft("خبر " + i), IdempotencyKey.NONE);
            }
            List<Article> all = store.list(ArticleQuery.site(null, 100));
            Set<Instant> updated = new HashSet<>();
            all.forEach(a -> updated.add(a.updated()));
            assertEquals(50, updated.size());
            // Feeds' change time (Last-Modified): whole seconds, one more at each write readers see.
            assertEquals(Instant.parse("2026-11-01T00:00:49Z"), store.lastChange());
        }
    }

    private static ArticleDraft draft(String title) {
        return ArticleDraft.published(title, null, "<p>" + title + "</p>", new Category("news", "أخبار"),
                List.of(new Author("rana", "رنا")), null, List.of(), List.of("وسم"), null);
    }
}
