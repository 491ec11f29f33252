-- Articles as newsrooms write them: several bylines, drafts, corrections, image sizes, and a
-- revision counter for editors' If-Match.

-- Bylines in the editor's order. articles.author_id stays and holds the first byline (the
-- table keeps its foreign key); every query about an article's authors reads this table.
CREATE TABLE article_authors (
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    position   INTEGER NOT NULL,
    author_id  INTEGER NOT NULL REFERENCES authors (id),
    PRIMARY KEY (article_id, position)
);
CREATE INDEX article_authors_by_author ON article_authors (author_id, article_id);
INSERT INTO article_authors (article_id, position, author_id) SELECT id, 0, author_id FROM articles;

-- 'draft' (editors only) or 'published'.
ALTER TABLE articles ADD COLUMN status TEXT NOT NULL DEFAULT 'published' CHECK (status IN ('draft', 'published'));
-- Counts every write of the article, minor ones included: the editors' ETag.
ALTER TABLE articles ADD COLUMN revision BIGINT NOT NULL DEFAULT 1;
-- What the editor says of the image (pixels, bytes); never fetched.
ALTER TABLE articles ADD COLUMN image_width INTEGER;
ALTER TABLE articles ADD COLUMN image_height INTEGER;
ALTER TABLE articles ADD COLUMN image_bytes BIGINT;

-- Corrections readers are shown, oldest first; noted_at is UTC epoch ms.
CREATE TABLE article_corrections (
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    position   INTEGER NOT NULL,
    noted_at   BIGINT  NOT NULL,
    note       TEXT    NOT NULL,
    PRIMARY KEY (article_id, position)
);
