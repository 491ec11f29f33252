package org.khulasa.web;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Desk sessions ended by signing out before they expire. Sessions are signed, not stored, so a
 * cookie copied before sign-out would stay valid until its expiry; an ended one is remembered
 * here, by the digest of its cookie, until then.
 */
public interface EndedSessions {
    /** Ends the session whose cookie has digest {@code cookieDigest}; forgets sessions already expired. */
    void end(String cookieDigest, Instant expires);

    /** Whether that session was ended. */
    boolean ended(String cookieDigest);

    /** Kept in this process only: for a server with no database of its own to share (a test's store). */
    static EndedSessions inMemory(Clock clock) {
        Map<String, Instant> ended = new ConcurrentHashMap<>();
        return new EndedSessions() {
            @Override
            public void end(String cookieDigest, Instant expires) {
                Instant now = clock.instant();
                ended.values().removeIf(e -> !e.isAfter(now));
                ended.put(cookieDigest, expires);
            }

            @Override
            public boolean ended(String cookieDigest) {
                return ended.containsKey(cookieDigest);
            }
        };
    }
}
