package org.khulasa.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.khulasa.TestDatabase;
import org.khulasa.article.Article;
import org.khulasa.article.ArticleQuery;
import org.khulasa.article.Author;
import org.khulasa.article.Status;

/** Migration 006 on a database written before it: every article keeps its author as its one byline, published. */
class ArticleModelUpgradeTest {

    @TempDir
    Path data;

    @Test
    void existing_articles_keep_their_author_as_their_byline_and_stay_published() {
        String url = TestDatabase.urlFor(data);
        Dialect dialect = Dialect.of(url);
        long id;
        try (HikariDataSource pool = dialect.pool(url)) {
            Jdbi jdbi = Jdbi.create(pool);
            Migrations.applyUpTo(jdbi, dialect, 5);
            try (Handle h = jdbi.open()) {
                long category = h.createQuery("INSERT INTO categories (slug, name) VALUES ('c', 'قسم') RETURNING id")
                        .mapTo(Long.class).one();
                long author = h.createQuery("INSERT INTO authors (slug, name) VALUES ('rana', 'رنا') RETURNING id")
                        .mapTo(Long.class).one();
                id = h.createQuery("""
                                INSERT INTO articles (title, body, category_id, author_id, published_at, created_at,
                                                      updated_at, image_url, image_type)
                                VALUES ('قديم', '<p>نص</p>', :category, :author, 1000, 1000, 1000,
                                        'https://images.example.org/a.jpg', 'image/jpeg') RETURNING id
                                """)
                        .bind("category", category).bind("author", author).mapTo(Long.class).one();
            }
        }

        try (JdbiArticleStore store = Database.open(url, Clock.systemUTC())) {
            Article old = store.find(id, null).orElseThrow();
            assertEquals(List.of(new Author("rana", "رنا")), old.content().authors());
            assertEquals(Status.PUBLISHED, old.content().status());
            assertEquals(1, old.revision());
            assertEquals(List.of(), old.corrections());
            assertNull(old.image().width());
            assertNull(old.image().bytes());
            assertEquals(List.of(id), store.list(ArticleQuery.ofAuthor("rana", Instant.now(), 10))
                    .stream().map(Article::id).toList());
            assertEquals(List.of(new Author("rana", "رنا")), store.authors(Instant.now()));
        }
    }
}
