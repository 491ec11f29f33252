package org.khulasa.storage;

import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.khulasa.article.ArticleStamp;
import org.khulasa.article.IdBlock;

/** What sitemaps read: published articles' ids, titles and times, never their text. */
final class SitemapReads {
    private static final String STAMP = "SELECT id, title, published_at, updated_at FROM articles";

    private SitemapReads() {
    }

    static List<IdBlock> idBlocks(Handle h, int size, Instant visibleAt) {
        // Integer division on both databases: ids 1..size are block 0.
        return h.createQuery("""
                        SELECT block, MAX(updated_at) AS changed
                        FROM (SELECT (id - 1) / :size AS block, updated_at FROM articles
                              WHERE published_at <= :visibleAt AND status = 'published') b
                        GROUP BY block ORDER BY block
                        """)
                .bind("size", (long) size).bind("visibleAt", visibleAt.toEpochMilli())
                .map((rs, ctx) -> new IdBlock(rs.getLong("block"), Instant.ofEpochMilli(rs.getLong("changed"))))
                .list();
    }

    static List<ArticleStamp> stamps(Handle h, long fromId, long toId, Instant visibleAt) {
        return h.createQuery(STAMP + " WHERE id BETWEEN :from AND :to AND published_at <= :visibleAt"
                        + " AND status = 'published' ORDER BY id")
                .bind("from", fromId).bind("to", toId).bind("visibleAt", visibleAt.toEpochMilli())
                .map((rs, ctx) -> stamp(rs)).list();
    }

    static List<ArticleStamp> since(Handle h, Instant after, Instant visibleAt, int limit) {
        return h.createQuery(STAMP + """
                         WHERE published_at > :after AND published_at <= :visibleAt AND status = 'published'
                        ORDER BY published_at DESC, id DESC LIMIT :limit
                        """)
                .bind("after", after.toEpochMilli()).bind("visibleAt", visibleAt.toEpochMilli()).bind("limit", limit)
                .map((rs, ctx) -> stamp(rs)).list();
    }

    private static ArticleStamp stamp(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new ArticleStamp(rs.getLong("id"), rs.getString("title"),
                Instant.ofEpochMilli(rs.getLong("published_at")), Instant.ofEpochMilli(rs.getLong("updated_at")));
    }
}
