package org.khulasa.article;

/**
 * An editor's {@code Idempotency-Key}, scoped to the token that sent it (stored as a hash, never
 * the token) and to a fingerprint of the request, so a reused key with another body is caught.
 * {@link #NONE} when the request carried no key.
 */
public record IdempotencyKey(String tokenHash, String key, String requestHash) {

    public static final IdempotencyKey NONE = new IdempotencyKey("", "", "");

    public boolean isPresent() {
        return !key.isEmpty();
    }
}
