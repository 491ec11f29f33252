-- WebSub: the hub's subscriptions, the deliveries still to make, and how far changes were read.
-- Times are UTC epoch milliseconds, as everywhere.

CREATE TABLE websub_subscriptions (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    callback      TEXT    NOT NULL,
    callback_host TEXT    NOT NULL,
    topic         TEXT    NOT NULL,
    secret        TEXT,
    expires_at    BIGINT  NOT NULL,
    UNIQUE (callback, topic)
);
CREATE INDEX websub_subscriptions_by_topic ON websub_subscriptions (topic, expires_at);
CREATE INDEX websub_subscriptions_by_host ON websub_subscriptions (callback_host);

-- kind 'content': POST the topic's body to a subscriber (subscription_id set);
-- kind 'publish': tell an external hub (target) that the topic changed.
CREATE TABLE websub_deliveries (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    kind            TEXT    NOT NULL,
    subscription_id INTEGER REFERENCES websub_subscriptions (id) ON DELETE CASCADE,
    target          TEXT    NOT NULL,
    topic           TEXT    NOT NULL,
    attempts        INTEGER NOT NULL,
    due_at          BIGINT  NOT NULL,
    claimed_until   BIGINT  NOT NULL
);
CREATE INDEX websub_deliveries_by_due ON websub_deliveries (due_at);

-- The last write (site_state.last_change_at) and publication time whose changes were turned
-- into deliveries: instances sharing a database advance it by compare-and-set, so each change
-- is delivered once.
CREATE TABLE websub_state (
    id             INTEGER PRIMARY KEY CHECK (id = 1),
    change_cursor  BIGINT  NOT NULL,
    publish_cursor BIGINT  NOT NULL
);
INSERT INTO websub_state (id, change_cursor, publish_cursor)
    SELECT 1, last_change_at, last_change_at FROM site_state WHERE id = 1;
