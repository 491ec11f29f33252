-- A new name that a scheduled article brings to an existing category or author: readers see it
-- from pending_at (that article's publication time) on, and the name they know until then.
ALTER TABLE categories ADD COLUMN pending_name TEXT;
ALTER TABLE categories ADD COLUMN pending_at BIGINT;
ALTER TABLE authors ADD COLUMN pending_name TEXT;
ALTER TABLE authors ADD COLUMN pending_at BIGINT;

-- When what readers see last changed: the feeds' Last-Modified. Unlike last_change_at (every
-- write, to the millisecond, for `updated`), only writes readers can see move it, and in whole
-- seconds, each at least one second after the last, so a poller's If-Modified-Since sees each one.
-- feeds_written_at is when that write really happened (to the millisecond).
ALTER TABLE site_state ADD COLUMN feeds_changed_at BIGINT NOT NULL DEFAULT 0;
ALTER TABLE site_state ADD COLUMN feeds_written_at BIGINT NOT NULL DEFAULT 0;
UPDATE site_state SET feeds_changed_at = last_change_at, feeds_written_at = last_change_at;
