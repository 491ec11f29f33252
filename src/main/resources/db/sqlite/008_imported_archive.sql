-- Articles moved in from WordPress: the id their old feeds gave them (kept, so subscribers see
-- nothing twice), and the slug of their old address. An editor deleting one leaves its guid
-- here, so running the import again does not bring it back.
CREATE TABLE imported_articles (
    guid       TEXT    PRIMARY KEY,
    source_id  BIGINT  NOT NULL,
    article_id INTEGER UNIQUE REFERENCES articles (id) ON DELETE SET NULL
);

-- Old addresses (percent-decoded path with a trailing slash, or "?p=12"): to an article, to a
-- path of this site, or gone (410).
CREATE TABLE old_addresses (
    old_address TEXT    PRIMARY KEY,
    article_id  INTEGER REFERENCES articles (id) ON DELETE CASCADE,
    target      TEXT,
    status      INTEGER NOT NULL
);

-- The slug chosen for each old category and author slug, so a later run chooses the same.
CREATE TABLE imported_slugs (
    kind     TEXT NOT NULL,
    old_slug TEXT NOT NULL,
    slug     TEXT NOT NULL,
    PRIMARY KEY (kind, old_slug)
);

-- The old site's images, read in a first pass (WordPress writes them after the posts showing them).
CREATE TABLE imported_attachments (
    source_id BIGINT PRIMARY KEY,
    url       TEXT   NOT NULL,
    caption   TEXT,
    alt       TEXT
);

-- One row: whether imported articles still wait for their related lists.
CREATE TABLE import_state (
    id              INTEGER PRIMARY KEY CHECK (id = 1),
    related_pending INTEGER NOT NULL
);
INSERT INTO import_state (id, related_pending) VALUES (1, 0);

-- Imported articles keep their own modification time, which must stay unique: looked up per article.
CREATE INDEX articles_by_updated ON articles (updated_at);

-- Counts the writes, so a server on an SQLite file tells another process's write (an import)
-- from its own: each write adds one and remembers the count it left.
ALTER TABLE site_state ADD COLUMN writes BIGINT NOT NULL DEFAULT 0;
