-- Desk sessions ended by signing out before they expire. Sessions are signed, not stored: an
-- ended one is kept here (by the digest of its cookie) until it would have expired, so that
-- every instance sharing the database refuses it. Times are UTC epoch milliseconds.

CREATE TABLE ended_desk_sessions (
    cookie_digest TEXT   PRIMARY KEY,
    expires_at    BIGINT NOT NULL
);
CREATE INDEX ended_desk_sessions_by_expiry ON ended_desk_sessions (expires_at);
