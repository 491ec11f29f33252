package org.khulasa.storage;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import java.time.Clock;
import java.util.function.Consumer;
import org.jdbi.v3.core.Jdbi;
import org.khulasa.article.RelatedMatcher;

/**
 * Opens the configured database, pooled and migrated: an SQLite file by default, or PostgreSQL
 * when the URL says {@code jdbc:postgresql:} (see {@link Dialect}).
 */
public final class Database {

    private Database() {
    }

    /** Opens the store without automatic related articles: lists hold only the editor's picks. */
    public static JdbiArticleStore open(String jdbcUrl, Clock clock) {
        return open(jdbcUrl, clock, RelatedMatcher.NONE);
    }

    /**
     * Opens the store behind {@code jdbcUrl}, creating the SQLite file's folder if needed;
     * {@code related} fills each article's related list when it is written.
     */
    public static JdbiArticleStore open(String jdbcUrl, Clock clock, RelatedMatcher related) {
        return open(jdbcUrl, clock, related, pool -> { });
    }

    /** As above; {@code watchPool} is shown the connection pool, for metrics. */
    public static JdbiArticleStore open(String jdbcUrl, Clock clock, RelatedMatcher related,
            Consumer<HikariPoolMXBean> watchPool) {
        return openWithArchive(jdbcUrl, clock, related, watchPool).store();
    }

    /** The store and the archive imported into it, over one pool; closing the store closes both. */
    public record Opened(JdbiArticleStore store, JdbiImportedArchive archive) {
    }

    /** As {@link #open(String, Clock, RelatedMatcher)}, with the imported archive beside the store. */
    public static Opened openWithArchive(String jdbcUrl, Clock clock, RelatedMatcher related) {
        return openWithArchive(jdbcUrl, clock, related, pool -> { });
    }

    /** As {@link #open(String, Clock, RelatedMatcher, Consumer)}, with the imported archive beside the store. */
    public static Opened openWithArchive(String jdbcUrl, Clock clock, RelatedMatcher related,
            Consumer<HikariPoolMXBean> watchPool) {
        Dialect dialect = Dialect.of(jdbcUrl);
        HikariDataSource pool = dialect.pool(jdbcUrl);
        watchPool.accept(pool.getHikariPoolMXBean());
        Jdbi jdbi = Jdbi.create(pool);
        try {
            Migrations.apply(jdbi, dialect);
            jdbi.useTransaction(TagSlugs::fillMissing);
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
        ChangeSignal changes = dialect.changeSignal(jdbcUrl);
        return new Opened(new JdbiArticleStore(jdbi, pool, clock, related, dialect, changes),
                new JdbiImportedArchive(jdbi, clock, changes, dialect, related));
    }
}
