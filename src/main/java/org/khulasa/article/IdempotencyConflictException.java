package org.khulasa.article;

/** An {@code Idempotency-Key} reused for a different request, or for an article since deleted. */
public class IdempotencyConflictException extends RuntimeException {
    public IdempotencyConflictException(String message) {
        super(message);
    }
}
