-- Times are UTC epoch milliseconds (BIGINT): one stored form, sortable, portable.

CREATE TABLE categories (
    id   INTEGER PRIMARY KEY,
    slug TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL
);

CREATE TABLE authors (
    id   INTEGER PRIMARY KEY,
    slug TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL
);

CREATE TABLE articles (
    id            INTEGER PRIMARY KEY,
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

-- "latest N" of the site, of a category, of an author
CREATE INDEX articles_by_published ON articles (published_at DESC, id DESC);
CREATE INDEX articles_by_category ON articles (category_id, published_at DESC, id DESC);
CREATE INDEX articles_by_author ON articles (author_id, published_at DESC, id DESC);

CREATE TABLE tags (
    id   INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE
);

CREATE TABLE article_tags (
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    position   INTEGER NOT NULL,
    tag_id     INTEGER NOT NULL REFERENCES tags (id),
    PRIMARY KEY (article_id, position)
);
CREATE INDEX article_tags_by_tag ON article_tags (tag_id);

-- An article's "see also" list, in order. Deleting either side removes the link.
CREATE TABLE article_related (
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    position   INTEGER NOT NULL,
    related_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    chosen_by  TEXT    NOT NULL,
    PRIMARY KEY (article_id, position)
);
CREATE INDEX article_related_by_related ON article_related (related_id);

CREATE TABLE idempotency_keys (
    token_hash   TEXT   NOT NULL,
    idem_key     TEXT   NOT NULL,
    request_hash TEXT   NOT NULL,
    article_id   BIGINT NOT NULL,
    created_at   BIGINT NOT NULL,
    PRIMARY KEY (token_hash, idem_key)
);

-- One row: when the last write was committed. Feeds' Last-Modified and the monotonic
-- article.updated derive from it, identically on every instance sharing the database.
CREATE TABLE site_state (
    id             INTEGER PRIMARY KEY CHECK (id = 1),
    last_change_at BIGINT NOT NULL
);
INSERT INTO site_state (id, last_change_at) VALUES (1, 0);
