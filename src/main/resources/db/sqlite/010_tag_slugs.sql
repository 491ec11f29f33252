-- Tags get an ASCII slug for their page and feeds (/tag/{slug}), derived from the Arabic name by
-- transliteration in Java when a tag is first used; the server fills it in for tags stored before.
ALTER TABLE tags ADD COLUMN slug TEXT;
CREATE UNIQUE INDEX tags_by_slug ON tags (slug);
