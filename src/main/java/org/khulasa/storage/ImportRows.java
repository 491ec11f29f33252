package org.khulasa.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.khulasa.article.ArticleDraft;
import org.khulasa.article.Image;

/**
 * The rows of one import batch, written through statements prepared once per batch (plain JDBC:
 * Jdbi would prepare each of the ten or so statements per article anew, which cost more than the
 * inserts themselves). The same rows as the editor's write path fills: {@link ArticleRows},
 * {@link ArticleBylines}, tags through {@link TagSlugs}.
 */
final class ImportRows implements AutoCloseable {

    private final Handle h;
    private final Map<String, PreparedStatement> statements = new HashMap<>();
    private final List<PreparedStatement> batched = new ArrayList<>();
    private final Map<String, Long> knownTags;
    private final Map<String, Long> tags = new HashMap<>();

    /** {@code knownTags}: tag ids by name, from batches committed before (tags are never deleted). */
    ImportRows(Handle h, Map<String, Long> knownTags) {
        this.h = h;
        this.knownTags = knownTags;
    }

    /** The tags this batch looked up or created, by name: known once it commits. */
    Map<String, Long> tags() {
        return tags;
    }

    /** The article already imported under {@code guid} (0: imported, then deleted by an editor). */
    Optional<Long> known(String guid) {
        return query("SELECT COALESCE(article_id, 0) FROM imported_articles WHERE guid = ?", guid);
    }

    /** Whether an article was last modified at {@code at} already. */
    boolean updatedTaken(long at) {
        return query("SELECT 1 FROM articles WHERE updated_at = ? LIMIT 1", at).isPresent();
    }

    /** Inserts the article's row as {@link ArticleRows#insert} does; its new id. */
    long article(ArticleDraft d, long categoryId, long firstAuthorId, long published, long updated) {
        Image image = d.image();
        return query("""
                        INSERT INTO articles (title, summary, body, category_id, author_id, status, published_at,
                                              created_at, updated_at, image_url, image_type, image_caption,
                                              image_width, image_height, image_bytes)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id
                        """, d.content().title(), d.content().summary(), d.content().body(), categoryId, firstAuthorId,
                d.content().status().wire(), published,
                updated, updated, image == null ? null : image.url(), image == null ? null : image.type(),
                image == null ? null : image.caption(), image == null ? null : image.width(),
                image == null ? null : image.height(), image == null ? null : image.bytes())
                .orElseThrow();
    }

    /** The article's bylines and tags, in order, written with the batch's end. */
    void bylinesAndTags(long id, List<Long> authors, List<String> tagNames) {
        for (int i = 0; i < authors.size(); i++) {
            later("INSERT INTO article_authors (article_id, position, author_id) VALUES (?, ?, ?)", id, i, authors.get(i));
        }
        for (int i = 0; i < tagNames.size(); i++) {
            String name = tagNames.get(i);
            Long known = knownTags.get(name);
            long tag = known != null ? known : tags.computeIfAbsent(name, n -> TagSlugs.upsert(n, this::query));
            later("INSERT INTO article_tags (article_id, position, tag_id) VALUES (?, ?, ?)", id, i, tag);
        }
    }

    void imported(String guid, long sourceId, long id) {
        later("INSERT INTO imported_articles (guid, source_id, article_id) VALUES (?, ?, ?)", guid, sourceId, id);
    }

    /** An old address of article {@code id}, unless the address is known already. */
    void oldAddress(String address, long id) {
        later("INSERT INTO old_addresses (old_address, article_id, status) VALUES (?, ?, 301)"
                + " ON CONFLICT (old_address) DO NOTHING", address, id);
    }

    /** Runs what was queued with {@link #later}; called before the transaction commits. */
    void flush() {
        try {
            for (PreparedStatement s : batched) {
                s.executeBatch();
            }
            batched.clear();
        } catch (SQLException e) {
            throw IndexJdbc.failure("writing imported articles", e);
        }
    }

    private Optional<Long> query(String sql, Object... values) {
        try {
            PreparedStatement s = prepared(sql, values);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw IndexJdbc.failure("writing imported articles", e);
        }
    }

    /** Queued into the statement's batch, in order per statement (bylines before tags makes no difference). */
    private void later(String sql, Object... values) {
        try {
            PreparedStatement s = prepared(sql, values);
            if (!batched.contains(s)) {
                batched.add(s);
            }
            s.addBatch();
        } catch (SQLException e) {
            throw IndexJdbc.failure("writing imported articles", e);
        }
    }

    private PreparedStatement prepared(String sql, Object... values) throws SQLException {
        PreparedStatement s = statements.get(sql);
        if (s == null) {
            Connection c = h.getConnection();
            s = c.prepareStatement(sql);
            statements.put(sql, s);
        }
        for (int i = 0; i < values.length; i++) {
            if (values[i] == null) {
                s.setNull(i + 1, Types.NULL);
            } else {
                s.setObject(i + 1, values[i]);
            }
        }
        return s;
    }

    @Override
    public void close() {
        SQLException failure = null;
        for (PreparedStatement s : statements.values()) {
            try {
                s.close();
            } catch (SQLException e) {
                failure = e;
            }
        }
        if (failure != null) {
            throw IndexJdbc.failure("closing the import's statements", failure);
        }
    }
}
