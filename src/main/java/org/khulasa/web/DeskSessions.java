package org.khulasa.web;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.khulasa.web.http.Sha256;

/**
 * The desk's sign-in sessions, signed instead of stored: a cookie holds its expiry, the digest of
 * the token that opened it and a random nonce, under an HMAC whose key is derived from the
 * configured editor tokens. Every instance sharing {@code KHULASA_EDITOR_TOKENS} accepts the
 * sessions of every other, and changing the tokens ends every session at once.
 * Each session's CSRF token is a second HMAC of the same cookie, so nothing needs storing but the
 * sessions signed out before they expire ({@link EndedSessions}).
 */
public final class DeskSessions {
    public static final String COOKIE = "khulasa_desk";
    public static final String CSRF_HEADER = "X-CSRF-Token";
    public static final Duration LIFETIME = Duration.ofHours(12);

    /** A valid session: its cookie value, its CSRF token and whose token opened it. */
    public record Session(String cookie, String csrf, String tokenDigest, Instant expires) {
    }

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private final byte[] key;
    private final Clock clock;
    private final EndedSessions ended;
    private final SecureRandom random = new SecureRandom();

    DeskSessions(List<String> tokens, Clock clock, EndedSessions ended) {
        this.clock = clock;
        this.ended = ended;
        this.key = tokens.isEmpty() ? null
                : Sha256.digest("khulasa desk sessions\n" + String.join("\n", tokens.stream().sorted().toList()));
    }

    Session open(String tokenDigest) {
        byte[] nonce = new byte[16];
        random.nextBytes(nonce);
        Instant expires = clock.instant().plus(LIFETIME).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        String payload = expires.getEpochSecond() + "." + tokenDigest + "." + HexFormat.of().formatHex(nonce);
        return new Session(payload + "." + mac("session|" + payload), mac("csrf|" + payload), tokenDigest, expires);
    }

    /** The session a cookie value holds, if it is signed by us, not expired and not signed out. */
    public Optional<Session> verify(String cookie) {
        if (key == null || cookie == null || cookie.length() > 300) {
            return Optional.empty();
        }
        int cut = cookie.lastIndexOf('.');
        if (cut < 0) {
            return Optional.empty();
        }
        String payload = cookie.substring(0, cut);
        byte[] expected = mac("session|" + payload).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, cookie.substring(cut + 1).getBytes(StandardCharsets.US_ASCII))) {
            return Optional.empty();
        }
        String[] parts = payload.split("\\.");
        if (parts.length != 3) {
            return Optional.empty();
        }
        Instant expires = Instant.ofEpochSecond(Long.parseLong(parts[0]));
        if (!clock.instant().isBefore(expires) || ended.ended(digest(cookie))) {
            return Optional.empty();
        }
        return Optional.of(new Session(cookie, mac("csrf|" + payload), parts[1], expires));
    }

    /** Signs {@code session} out: its cookie is refused from now on, wherever it was copied. */
    void end(Session session) {
        ended.end(digest(session.cookie()), session.expires());
    }

    /** What is stored of a signed-out cookie: not the cookie itself, which would open the session. */
    private static String digest(String cookie) {
        return HexFormat.of().formatHex(Sha256.digest(cookie));
    }

    /** Whether {@code presented} is the session's CSRF token, compared in constant time. */
    public static boolean csrfMatches(Session session, String presented) {
        return presented != null && MessageDigest.isEqual(session.csrf().getBytes(StandardCharsets.US_ASCII),
                presented.getBytes(StandardCharsets.US_ASCII));
    }

    private String mac(String text) {
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(new SecretKeySpec(key, "HmacSHA256"));
            return B64.encodeToString(hmac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
