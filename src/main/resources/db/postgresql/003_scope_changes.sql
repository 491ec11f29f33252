-- The same change as sqlite/003_scope_changes.sql; the SQL is the same on both.
-- When something shown in a category's or an author's feed last changed (UTC epoch ms), so a
-- write in one section leaves the Last-Modified and bytes of every other section's feeds alone.
ALTER TABLE categories ADD COLUMN changed_at BIGINT NOT NULL DEFAULT 0;
ALTER TABLE authors ADD COLUMN changed_at BIGINT NOT NULL DEFAULT 0;
UPDATE categories SET changed_at = (SELECT last_change_at FROM site_state WHERE id = 1);
UPDATE authors SET changed_at = (SELECT last_change_at FROM site_state WHERE id = 1);
