-- How many articles hold each index term (the document frequency), kept by the store as it
-- indexes and forgets articles: the same table as sqlite/004_related_terms.sql.
CREATE TABLE related_terms (
    term TEXT COLLATE "C" PRIMARY KEY,
    docs BIGINT NOT NULL
);

-- Counts for articles indexed before this table existed (PostgreSQL-specific: ts_stat).
INSERT INTO related_terms (term, docs) SELECT word, ndoc FROM ts_stat('SELECT words FROM related_text');
