package org.khulasa.storage;

import java.time.Clock;
import java.time.Instant;
import org.jdbi.v3.core.Jdbi;
import org.khulasa.web.EndedSessions;

/** Signed-out desk sessions (migration 011), shared by every instance of the database. */
record JdbiEndedSessions(Jdbi jdbi, Clock clock) implements EndedSessions {
    @Override
    public void end(String cookieDigest, Instant expires) {
        jdbi.useTransaction(h -> {
            h.createUpdate("DELETE FROM ended_desk_sessions WHERE expires_at <= :now")
                    .bind("now", clock.millis()).execute();
            h.createUpdate("""
                    INSERT INTO ended_desk_sessions (cookie_digest, expires_at) VALUES (:digest, :expires)
                    ON CONFLICT (cookie_digest) DO NOTHING""")
                    .bind("digest", cookieDigest).bind("expires", expires.toEpochMilli()).execute();
        });
    }

    @Override
    public boolean ended(String cookieDigest) {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM ended_desk_sessions WHERE cookie_digest = :digest")
                .bind("digest", cookieDigest).mapTo(Integer.class).one() > 0);
    }
}
