-- An article id, once given, is never given again: a deleted article's URL, feed id
-- (tag:…:article:N) and Idempotency-Key must not come to name a newer article. An INTEGER
-- PRIMARY KEY without AUTOINCREMENT takes the largest id in use plus one, so deleting the newest
-- article handed its id to the next; AUTOINCREMENT keeps the largest id ever given in
-- sqlite_sequence. SQLite cannot add it to a column: the table is rebuilt (create, copy, drop,
-- rename), keeping every id. The runner applies SQLite migrations with foreign keys off, so
-- dropping the old table cascades to no tags or related links, and checks them before commit.
CREATE TABLE articles_new (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    title         TEXT    NOT NULL,
    summary       TEXT,
    body          TEXT    NOT NULL,
    category_id   INTEGER NOT NULL REFERENCES categories (id),
    author_id     INTEGER NOT NULL REFERENCES authors (id),
    published_at  BIGINT  NOT NULL,
    created_at    BIGINT  NOT NULL,
    updated_at    BIGINT  NOT NULL,
    image_url     TEXT,
    image_type    TEXT,
    image_caption TEXT
);

INSERT INTO articles_new (id, title, summary, body, category_id, author_id, published_at, created_at,
                          updated_at, image_url, image_type, image_caption)
SELECT id, title, summary, body, category_id, author_id, published_at, created_at,
       updated_at, image_url, image_type, image_caption
FROM articles;

DROP TABLE articles;
ALTER TABLE articles_new RENAME TO articles;

-- What went with the old table: its indexes (001) and its trigger (002).
CREATE INDEX articles_by_published ON articles (published_at DESC, id DESC);
CREATE INDEX articles_by_category ON articles (category_id, published_at DESC, id DESC);
CREATE INDEX articles_by_author ON articles (author_id, published_at DESC, id DESC);
CREATE TRIGGER related_text_forget AFTER DELETE ON articles BEGIN DELETE FROM related_text WHERE rowid = old.id; END;

-- The copy set the counter to the largest id left; an idempotency key may remember a larger one,
-- the newest article deleted before this upgrade: that id is not given again either.
INSERT INTO sqlite_sequence (name, seq)
SELECT 'articles', 0 WHERE NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = 'articles');
UPDATE sqlite_sequence
SET seq = MAX(seq, (SELECT COALESCE(MAX(article_id), 0) FROM idempotency_keys))
WHERE name = 'articles';
