package org.khulasa.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
import org.khulasa.article.Tag;

/** Tags stored before tags had slugs (migrations 1 to 5) get unique ones when the server starts on the upgraded schema. */
class TagSlugsUpgradeTest {
    @TempDir
    Path data;

    @Test
    void tags_stored_before_slugs_existed_get_unique_slugs_at_start() {
        String url = TestDatabase.urlFor(data);
        Dialect dialect = Dialect.of(url);
        try (HikariDataSource pool = dialect.pool(url)) {
            Jdbi jdbi = Jdbi.create(pool);
            Migrations.applyUpTo(jdbi, dialect, 5);
            try (Handle h = jdbi.open()) {
                h.execute("INSERT INTO categories (slug, name) VALUES ('c', 'قسم')");
                h.execute("INSERT INTO authors (slug, name) VALUES ('a', 'كاتب')");
                h.execute("""
                        INSERT INTO articles (title, body, category_id, author_id, published_at, created_at, updated_at)
                        VALUES ('خبر', '<p>نص</p>', (SELECT id FROM categories), (SELECT id FROM authors), 1000, 1000, 1000)""");
                int position = 0;
                for (String name : List.of("مصر", "مِصْر", "سوريا")) {
                    h.execute("INSERT INTO tags (name) VALUES (?)", name);
                    h.execute("INSERT INTO article_tags (article_id, position, tag_id) VALUES "
                            + "((SELECT id FROM articles), ?, (SELECT id FROM tags WHERE name = ?))", position++, name);
                }
            }
        }
        try (JdbiArticleStore store = Database.open(url, Clock.systemUTC())) {
            assertEquals(List.of(new Tag("msr", "مصر"), new Tag("msr-2", "مِصْر"), new Tag("swrya", "سوريا")),
                    store.tagsNamed(List.of("مصر", "مِصْر", "سوريا")));
            assertEquals(3, store.tags(Instant.now()).size());
            assertEquals("مصر", store.tag("msr", Instant.now()).orElseThrow().name());
        }
    }
}
