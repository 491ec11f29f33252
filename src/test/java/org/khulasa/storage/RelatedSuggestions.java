package org.khulasa.storage;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;
import org.khulasa.article.RelatedMatcher;
import org.khulasa.article.RelatedMatcher.ArticleText;

/**
 * For benchmarks: the automatic picks a stored article would get now, as the write path chooses
 * them, without storing anything. Opens the (already migrated) database on its own.
 */
public final class RelatedSuggestions implements AutoCloseable {

    private final HikariDataSource pool;
    private final Jdbi jdbi;
    private final Dialect dialect;
    private final RelatedMatcher matcher;
    private final Clock clock;

    public RelatedSuggestions(String jdbcUrl, RelatedMatcher matcher, Clock clock) {
        this.dialect = Dialect.of(jdbcUrl);
        this.pool = dialect.pool(jdbcUrl);
        this.jdbi = Jdbi.create(pool);
        this.matcher = matcher;
        this.clock = clock;
    }

    /** The picks {@code id} would get after its editor's, best first; none for an unknown id. */
    public List<Long> of(long id) {
        return jdbi.withHandle(h -> {
            ArticleText text = ArticleReads.textsOf(h, List.of(id)).get(id);
            if (text == null) {
                return List.<Long>of();
            }
            List<Long> editor = RelatedLists.editorPicks(h, id);
            try (StoredWordIndex index = dialect.wordIndex(h)) {
                return matcher.pick(text, matcher.indexText(text), id, Set.copyOf(editor),
                        matcher.listSize() - editor.size(), clock.instant(), index);
            }
        });
    }

    @Override
    public void close() {
        pool.close();
    }
}
