package org.khulasa.web;

import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.khulasa.web.http.Sha256;

/**
 * The bearer tokens allowed to write. Only their SHA-256 digests are kept; a presented token is
 * hashed and compared against every digest in constant time, so timing tells nothing.
 */
final class EditorTokens {
    private final List<byte[]> digests;

    EditorTokens(List<String> tokens) {
        this.digests = tokens.stream().map(Sha256::digest).toList();
    }

    boolean isEmpty() {
        return digests.isEmpty();
    }

    /** The matching token's digest as hex (an identity for idempotency keys), if it matches. */
    Optional<String> match(String presented) {
        if (presented == null) {
            return Optional.empty();
        }
        byte[] digest = Sha256.digest(presented);
        boolean matched = false;
        for (byte[] allowed : digests) {
            matched |= MessageDigest.isEqual(allowed, digest);
        }
        return matched ? Optional.of(HexFormat.of().formatHex(digest)) : Optional.empty();
    }
}
