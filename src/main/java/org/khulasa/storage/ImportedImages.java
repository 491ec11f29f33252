package org.khulasa.storage;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.khulasa.article.Image;
import org.khulasa.article.ImportedArchive.Attachment;

/**
 * The old site's images (migration 008's {@code imported_attachments}) and the featured images
 * imported articles still wait for (migration 012's {@code imported_images_owed}): WordPress writes
 * an image after the post it was uploaded for, possibly in a later batch, and a site exported in
 * parts may bring its posts before its media.
 */
final class ImportedImages {

    private ImportedImages() {
    }

    static void remember(Handle h, List<Attachment> attachments) {
        if (attachments.isEmpty()) {
            return;
        }
        PreparedBatch insert = h.prepareBatch("""
                INSERT INTO imported_attachments (source_id, url, caption, alt) VALUES (:id, :url, :caption, :alt)
                ON CONFLICT (source_id) DO UPDATE SET url = excluded.url, caption = excluded.caption, alt = excluded.alt
                """);
        for (Attachment a : attachments) {
            insert.bind("id", a.sourceId()).bind("url", a.url()).bind("caption", a.caption()).bind("alt", a.alt()).add();
        }
        insert.execute();
    }

    static Map<Long, Attachment> known(Handle h, Collection<Long> sourceIds) {
        Map<Long, Attachment> found = new HashMap<>();
        InList.query(h, "SELECT source_id, url, caption, alt FROM imported_attachments WHERE source_id IN (%s)",
                List.copyOf(sourceIds), "reading imported images", rs -> {
                    Attachment a = new Attachment(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4));
                    found.put(a.sourceId(), a);
                });
        return found;
    }

    /** Remembers that articles (by id) show attachments (by old id) not known yet. */
    static void owe(Handle h, Map<Long, Long> sourceIdsByArticle) {
        if (sourceIdsByArticle.isEmpty()) {
            return;
        }
        PreparedBatch insert = h.prepareBatch(
                "INSERT INTO imported_images_owed (article_id, source_id) VALUES (:article, :source)");
        sourceIdsByArticle.forEach((article, source) -> insert.bind("article", article).bind("source", source).add());
        insert.execute();
    }

    /** Up to {@code limit} articles owed an image whose attachment is known now, by article id. */
    static Map<Long, Attachment> owedAndKnown(Handle h, int limit) {
        return h.createQuery("""
                        SELECT o.article_id, a.source_id, a.url, a.caption, a.alt
                        FROM imported_images_owed o JOIN imported_attachments a ON a.source_id = o.source_id
                        ORDER BY o.article_id LIMIT :limit
                        """)
                .bind("limit", limit)
                .reduceRows(new LinkedHashMap<Long, Attachment>(), (map, row) -> {
                    map.put(row.getColumn(1, Long.class), new Attachment(row.getColumn(2, Long.class),
                            row.getColumn(3, String.class), row.getColumn(4, String.class), row.getColumn(5, String.class)));
                    return map;
                });
    }

    static long owedCount(Handle h) {
        return h.createQuery("SELECT COUNT(*) FROM imported_images_owed").mapTo(Long.class).one();
    }

    /**
     * Gives the articles of {@code images} their image (an empty one: none can be shown), unless an
     * editor gave them one meanwhile, and forgets that they were owed one: a write of its own,
     * stamped and announced as any other. The article's revision moves (its editors' ETag), not its
     * update time: the image was the post's in WordPress, so feed readers are not told of a change.
     * Articles above {@code newestBefore} were written by this run: the image is part of their first
     * revision. Answers how many articles of earlier runs changed.
     */
    static int give(Handle h, Map<Long, Optional<Image>> images, long newestBefore, ChangeStamps stamps, Clock clock) {
        ChangeStamps.lockWrites(h);
        Instant now = clock.instant();
        ChangeStamps.Before before = ChangeStamps.before(h, now);
        PreparedBatch update = h.prepareBatch("""
                UPDATE articles SET image_url = :url, image_type = :type, image_caption = :caption,
                       image_width = NULL, image_height = NULL, image_bytes = NULL,
                       revision = revision + CASE WHEN id > :newest THEN 0 ELSE 1 END
                WHERE id = :id AND image_url IS NULL
                """);
        List<Long> given = new ArrayList<>();
        images.forEach((id, image) -> image.ifPresent(i -> {
            update.bind("url", i.url()).bind("type", i.type()).bind("caption", i.caption()).bind("id", id)
                    .bind("newest", newestBefore).add();
            given.add(id);
        }));
        int[] updated = given.isEmpty() ? new int[0] : update.execute();
        List<Long> changed = new ArrayList<>();
        for (int i = 0; i < updated.length; i++) {
            if (updated[i] > 0) {
                changed.add(given.get(i));
            }
        }
        InList.update(h, "DELETE FROM imported_images_owed WHERE article_id IN (%s)", List.copyOf(images.keySet()),
                "forgetting owed images");
        if (!changed.isEmpty()) {
            stamps.next(h, now);
            ChangeStamps.shownArticlesChanged(h, changed, now);
            stamps.announce(h, before, clock.instant());
        }
        return (int) changed.stream().filter(id -> id <= newestBefore).count();
    }
}
