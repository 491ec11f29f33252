package org.khulasa.storage;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.khulasa.article.ArticleDraft;

/**
 * An article's own row and its tags, as an editor's draft fills them: {@code author_id} holds the
 * first byline (all of them are in {@link ArticleBylines}).
 */
final class ArticleRows {

    private ArticleRows() {
    }

    /** The new article's id. */
    static long insert(Handle h, ArticleDraft draft, long categoryId, long firstAuthorId, Instant published,
            Instant updated) {
        return h.createUpdate("""
                        INSERT INTO articles (title, summary, body, category_id, author_id, status, published_at,
                                              created_at, updated_at, image_url, image_type, image_caption,
                                              image_width, image_height, image_bytes)
                        VALUES (:title, :summary, :body, :category, :author, :status, :published,
                                :updated, :updated, :imageUrl, :imageType, :imageCaption,
                                :imageWidth, :imageHeight, :imageBytes)
                        """)
                .bind("category", categoryId)
                .bind("author", firstAuthorId)
                .bind("published", published.toEpochMilli())
                .bind("updated", updated.toEpochMilli())
                .bindMap(contentOf(draft))
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    /** Full replace of the row; every call is a new revision. */
    static void update(Handle h, long id, ArticleDraft draft, long categoryId, long firstAuthorId, Instant published,
            Instant updated) {
        h.createUpdate("""
                        UPDATE articles
                        SET title = :title, summary = :summary, body = :body,
                            category_id = :category, author_id = :author, status = :status,
                            published_at = :published, updated_at = :updated, revision = revision + 1,
                            image_url = :imageUrl, image_type = :imageType, image_caption = :imageCaption,
                            image_width = :imageWidth, image_height = :imageHeight, image_bytes = :imageBytes
                        WHERE id = :id
                        """)
                .bind("id", id)
                .bind("category", categoryId)
                .bind("author", firstAuthorId)
                .bind("published", published.toEpochMilli())
                .bind("updated", updated.toEpochMilli())
                .bindMap(contentOf(draft))
                .execute();
    }

    /** Replaces the article's tags with {@code tags}, in the editor's order, each tag created on first use. */
    static void storeTags(Handle h, long articleId, List<String> tags) {
        h.createUpdate("DELETE FROM article_tags WHERE article_id = :id").bind("id", articleId).execute();
        for (int i = 0; i < tags.size(); i++) {
            long tagId = TagSlugs.upsert(h, tags.get(i));
            h.createUpdate("INSERT INTO article_tags (article_id, position, tag_id) VALUES (:a, :p, :t)")
                    .bind("a", articleId).bind("p", i).bind("t", tagId).execute();
        }
    }

    private static Map<String, Object> contentOf(ArticleDraft draft) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("title", draft.content().title());
        values.put("summary", draft.content().summary());
        values.put("body", draft.content().body());
        values.put("status", draft.content().status().wire());
        values.put("imageUrl", draft.image() == null ? null : draft.image().url());
        values.put("imageType", draft.image() == null ? null : draft.image().type());
        values.put("imageCaption", draft.image() == null ? null : draft.image().caption());
        values.put("imageWidth", draft.image() == null ? null : draft.image().width());
        values.put("imageHeight", draft.image() == null ? null : draft.image().height());
        values.put("imageBytes", draft.image() == null ? null : draft.image().bytes());
        return values;
    }
}
