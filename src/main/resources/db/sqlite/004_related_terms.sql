-- How many articles hold each index term (the document frequency), kept by the store as it
-- indexes and forgets articles, so matching can weigh an article's words by their rarity and
-- search the telling ones only, in a lookup whose cost does not grow with the archive.
-- Portable SQL; rows whose count fell to zero are left in place.
CREATE TABLE related_terms (
    term TEXT   PRIMARY KEY,
    docs BIGINT NOT NULL
);

-- Counts for articles indexed before this table existed (SQLite-specific: FTS5's own vocabulary).
CREATE VIRTUAL TABLE related_text_vocabulary USING fts5vocab(related_text, 'row');
INSERT INTO related_terms (term, docs) SELECT term, doc FROM related_text_vocabulary;
DROP TABLE related_text_vocabulary;
