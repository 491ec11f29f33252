-- Related-article matching ("انظر أيضاً"): the words of each article, normalised and stripped
-- of prefixes and stop words in Java (org.khulasa.related) before they get here, so the text the
-- editor sent stays untouched in articles.
--
-- PostgreSQL's counterpart of SQLite's FTS5 table: one tsvector per article, title (and tag)
-- terms weighted A, body (and summary) terms B, searched through a GIN index. The vector is
-- built from the Java terms as they are (no text-search configuration), so the same words are indexed on
-- both databases. Deleting an article removes its row (the foreign key's cascade).
CREATE TABLE related_text (
    article_id BIGINT   PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
    words      tsvector NOT NULL
);
CREATE INDEX related_text_words ON related_text USING GIN (words);
