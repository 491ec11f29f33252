package org.khulasa.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The bearer tokens allowed to write. Only their SHA-256 digests are kept; a presented token is
 * hashed and compared against every digest in constant time, so timing tells nothing.
 */
final class EditorTokens {
    private final List<byte[]> digests;

    EditorTokens(List<String> tokens) {
        this.digests = tokens.stream().map(EditorTokens::sha256).toList();
    }

    boolean isEmpty() {
        return digests.isEmpty();
    }

    /** The matching token's digest as hex (an identity for idempotency keys), if it matches. */
    Optional<String> match(String presented) {
        if (presented == null) {
            return Optional.empty();
        }
        byte[] digest = sha256(presented);
        boolean matched = false;
        for (byte[] allowed : digests) {
            matched |= MessageDigest.isEqual(allowed, digest);
        }
        return matched ? Optional.of(HexFormat.of().formatHex(digest)) : Optional.empty();
    }

    static byte[] sha256(String s) {
        return sha256(s.getBytes(StandardCharsets.UTF_8));
    }

    static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
