package org.khulasa.storage;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.khulasa.article.Correction;

/** Corrections shown with articles ({@code article_corrections}), oldest first; never removed by an edit. */
final class ArticleCorrections {

    private ArticleCorrections() {
    }

    static void add(Handle h, long articleId, Instant at, String note) {
        h.createUpdate("""
                        INSERT INTO article_corrections (article_id, position, noted_at, note)
                        VALUES (:a, (SELECT COALESCE(MAX(position), -1) + 1 FROM article_corrections WHERE article_id = :a),
                                :at, :note)
                        """)
                .bind("a", articleId).bind("at", at.toEpochMilli()).bind("note", note).execute();
    }

    /** The corrections of each article that has any, oldest first. */
    static Map<Long, List<Correction>> of(Handle h, List<Long> ids) {
        Map<Long, List<Correction>> corrections = new LinkedHashMap<>();
        h.createQuery("""
                        SELECT article_id, noted_at, note FROM article_corrections
                        WHERE article_id IN (<ids>) ORDER BY article_id, position
                        """)
                .bindList("ids", ids)
                .map((rs, ctx) -> Map.entry(rs.getLong(1), new Correction(Instant.ofEpochMilli(rs.getLong(2)), rs.getString(3))))
                .forEach(e -> corrections.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        return corrections;
    }
}
