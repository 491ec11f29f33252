package org.khulasa.storage;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.khulasa.article.Article;
import org.khulasa.article.ArticleStore.Created;
import org.khulasa.article.IdempotencyConflictException;
import org.khulasa.article.IdempotencyKey;

/**
 * The {@code Idempotency-Key}s of creates, kept for {@link #WINDOW}: a retried create answers with
 * the article the first attempt stored instead of storing it twice.
 */
final class IdempotencyKeys {

    static final Duration WINDOW = Duration.ofDays(1);

    private IdempotencyKeys() {
    }

    /**
     * What the first request with {@code key} created, if any within the window.
     *
     * @throws IdempotencyConflictException when the key came with another request, or its article is gone
     */
    static Optional<Created> replay(Handle h, IdempotencyKey key, Instant now) {
        Optional<Map<String, Object>> seen = h.createQuery("""
                        SELECT request_hash, article_id FROM idempotency_keys
                        WHERE token_hash = :token AND idem_key = :key AND created_at >= :since
                        """)
                .bind("token", key.tokenHash()).bind("key", key.key())
                .bind("since", now.minus(WINDOW).toEpochMilli())
                .mapToMap().findOne();
        if (seen.isEmpty()) {
            return Optional.empty();
        }
        if (!key.requestHash().equals(seen.get().get("request_hash"))) {
            throw new IdempotencyConflictException("this Idempotency-Key was already used for a different request");
        }
        long articleId = ((Number) seen.get().get("article_id")).longValue();
        Article article = ArticleReads.find(h, articleId, null).orElseThrow(() -> new IdempotencyConflictException(
                "this Idempotency-Key created article " + articleId + ", which has since been deleted"));
        return Optional.of(new Created(article, true));
    }

    /** Records that {@code key} created {@code articleId}, and forgets keys older than the window. */
    static void remember(Handle h, IdempotencyKey key, long articleId, Instant now) {
        h.createUpdate("DELETE FROM idempotency_keys WHERE created_at < :expired")
                .bind("expired", now.minus(WINDOW).toEpochMilli()).execute();
        h.createUpdate("""
                        INSERT INTO idempotency_keys (token_hash, idem_key, request_hash, article_id, created_at)
                        VALUES (:token, :key, :request, :article, :at)
                        """)
                .bind("token", key.tokenHash()).bind("key", key.key()).bind("request", key.requestHash())
                .bind("article", articleId).bind("at", now.toEpochMilli()).execute();
    }
}
