-- Related-article matching ("انظر أيضاً"): the words of each article, normalised and stripped
-- of prefixes and stop words in Java (org.khulasa.related) before they get here, so the text the
-- editor sent stays untouched in articles. rowid = articles.id.
--
-- SQLite-specific: an FTS5 table. Contentless (the words are not stored twice) with deletes
-- allowed; detail=column keeps which column holds a word (title or body) but no positions, which
-- matching never uses. The tokenizer keeps marks (Mn) and format characters (Cf) inside words
-- instead of splitting there: a safety net, as the Java side already removes them. On PostgreSQL
-- the same role falls to a tsvector per column with a GIN index, filled from the same Java terms.
CREATE VIRTUAL TABLE related_text USING fts5(
    title, body,
    content = '', contentless_delete = 1, detail = column,
    tokenize = "unicode61 remove_diacritics 0 categories 'L* N* Co Mn Cf'"
);

-- A deleted article leaves the index with it, whatever deletes it (SQLite trigger syntax).
CREATE TRIGGER related_text_forget AFTER DELETE ON articles BEGIN DELETE FROM related_text WHERE rowid = old.id; END;
