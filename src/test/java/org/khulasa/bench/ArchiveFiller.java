package org.khulasa.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.khulasa.article.RelatedMatcher.ArticleText;
import org.khulasa.article.RelatedMatcher.IndexedText;
import org.khulasa.related.RelatedArticles;
import org.khulasa.storage.Database;

/**
 * Fills a Khulasa database directly (SQL, not HTTP) with a synthetic Arabic archive: articles
 * about 300 a day up to now, their tags, their words in the related-articles index and the terms'
 * document counts exactly as the store would write them, and up to three automatic related links each (earlier articles of the same
 * story), so feeds render what a real archive would give them. Run by {@code bench/run.sh}:
 *
 * <pre>java -cp … org.khulasa.bench.ArchiveFiller bench-data/archive-10000.db 10000</pre>
 *
 * <p>A database that already holds the archive is reused; how long filling took is kept beside it
 * in {@code <db>.fill} and printed again. The last line printed is {@code fill_seconds=… reused=…}.
 */
public final class ArchiveFiller {
    static final String[] CATEGORY_NAMES = {"سياسة", "اقتصاد", "رياضة", "العالم", "محليات", "صحة",
        "تقنية", "ثقافة", "علوم", "رأي"};
    static final int AUTHORS = 20;
    private static final int BATCH = 5_000;
    private static final int RELATED = 3;
    private static final int RELATED_WINDOW = 120;
    private static final long DAY_MS = 86_400_000L;

    private ArchiveFiller() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("Usage: ArchiveFiller DB_FILE ARTICLES");
            System.exit(2);
        }
        Path db = Path.of(args[0]);
        long size = Long.parseLong(args[1]);
        Path record = Path.of(args[0] + ".fill");
        long existing = count(db);
        if (existing > size && Files.exists(record)) {
            trim(db, size); // articles a previous benchmark run posted
            existing = size;
        }
        if (existing == size && Files.exists(record)) {
            System.out.println("fill_seconds=" + Files.readString(record).trim() + " reused=true");
            return;
        }
        Files.deleteIfExists(db);
        Files.deleteIfExists(Path.of(args[0] + "-wal"));
        Files.deleteIfExists(Path.of(args[0] + "-shm"));
        Files.deleteIfExists(record);
        long started = System.nanoTime();
        fill("jdbc:sqlite:" + db.toAbsolutePath(), size);
        long seconds = Math.round((System.nanoTime() - started) / 1e9);
        Files.writeString(record, seconds + "\n");
        System.out.println("fill_seconds=" + seconds + " reused=false");
    }

    private static long count(Path db) throws SQLException {
        if (!Files.exists(db)) {
            return -1;
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db.toAbsolutePath());
             Statement s = c.createStatement();
             // Only articles with a byline: an archive filled before bylines existed is filled again.
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM articles a"
                     + " WHERE EXISTS (SELECT 1 FROM article_authors x WHERE x.article_id = a.id)")) {
            return rs.next() ? rs.getLong(1) : -1;
        } catch (SQLException e) {
            return -1; // not a Khulasa database (yet): filled again from scratch
        }
    }

    /** Deletes every article after the first {@code size}, with what hangs on them. */
    private static void trim(Path db, long size) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db.toAbsolutePath());
             Statement s = c.createStatement()) {
            s.execute("PRAGMA foreign_keys = ON");
            s.execute("DELETE FROM articles WHERE id > " + size);
            s.execute("DELETE FROM idempotency_keys");
            // Term counts again, as the trigger that forgets the words leaves them to the store.
            s.execute("DELETE FROM related_terms");
            s.execute("CREATE VIRTUAL TABLE temp.vocabulary USING fts5vocab(main, related_text, 'row')");
            s.execute("INSERT INTO related_terms (term, docs) SELECT term, doc FROM temp.vocabulary");
            s.execute("PRAGMA wal_checkpoint(TRUNCATE)");
        }
    }

    /** One generated article, ready to insert: made in parallel, written by one thread. */
    private record Row(long id, SyntheticArabic.Text text, long published, IndexedText indexed, long[] related) {
    }

    static void fill(String url, long size) throws SQLException, IOException {
        RelatedArticles matcher = new RelatedArticles(RELATED);
        Database.open(url, Clock.systemUTC(), matcher).close(); // the schema, by the real migrations
        SyntheticArabic synthetic = new SyntheticArabic();
        long now = System.currentTimeMillis();
        long first = now - size * DAY_MS / 300;
        try (Connection c = DriverManager.getConnection(url)) {
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA synchronous = OFF"); // a crash while filling means filling again
                for (int i = 0; i < SyntheticArabic.CATEGORIES.length; i++) {
                    s.execute("INSERT INTO categories (id, slug, name, changed_at) VALUES (" + (i + 1) + ", '"
                            + SyntheticArabic.CATEGORIES[i] + "', '" + CATEGORY_NAMES[i] + "', " + now + ")");
                }
                for (int i = 1; i <= AUTHORS; i++) {
                    s.execute("INSERT INTO authors (id, slug, name, changed_at) VALUES (" + i + ", 'writer-" + i
                            + "', 'الكاتب " + i + "', " + now + ")");
                }
                s.execute("UPDATE site_state SET last_change_at = " + now + " WHERE id = 1");
            }
            c.setAutoCommit(false);
            Map<String, Long> tagIds = new HashMap<>();
            try (PreparedStatement article = c.prepareStatement("""
                    INSERT INTO articles (id, title, summary, body, category_id, author_id, published_at,
                                          created_at, updated_at)
                    VALUES (?, ?, NULL, ?, ?, ?, ?, ?, ?)""");
                 PreparedStatement words = c.prepareStatement(
                         "INSERT INTO related_text (rowid, title, body) VALUES (?, ?, ?)");
                 PreparedStatement tag = c.prepareStatement("INSERT INTO tags (id, name) VALUES (?, ?)");
                 PreparedStatement articleTag = c.prepareStatement(
                         "INSERT INTO article_tags (article_id, position, tag_id) VALUES (?, ?, ?)");
                 PreparedStatement related = c.prepareStatement("""
                         INSERT INTO article_related (article_id, position, related_id, chosen_by)
                         VALUES (?, ?, ?, 'auto')""")) {
                long started = System.nanoTime();
                for (long from = 1; from <= size; from += BATCH) {
                    long to = Math.min(size, from + BATCH - 1);
                    List<Row> rows = LongStream.rangeClosed(from, to).parallel()
                            .mapToObj(id -> row(id, synthetic, matcher, first + (id - 1) * (now - first) / size))
                            .toList();
                    for (Row r : rows) {
                        SyntheticArabic.Text t = r.text();
                        article.setLong(1, r.id());
                        article.setString(2, t.title());
                        article.setString(3, t.body());
                        article.setLong(4, Arrays.asList(SyntheticArabic.CATEGORIES).indexOf(t.category()) + 1);
                        article.setLong(5, 1 + r.id() % AUTHORS);
                        article.setLong(6, r.published());
                        article.setLong(7, r.published());
                        article.setLong(8, r.published());
                        article.executeUpdate();
                        for (int p = 0; p < t.tags().length; p++) {
                            Long tagId = tagIds.get(t.tags()[p]);
                            if (tagId == null) {
                                tagId = (long) tagIds.size() + 1;
                                tagIds.put(t.tags()[p], tagId);
                                tag.setLong(1, tagId);
                                tag.setString(2, t.tags()[p]);
                                tag.executeUpdate();
                            }
                            articleTag.setLong(1, r.id());
                            articleTag.setInt(2, p);
                            articleTag.setLong(3, tagId);
                            articleTag.executeUpdate();
                        }
                        words.setLong(1, r.id());
                        words.setString(2, r.indexed().title());
                        words.setString(3, r.indexed().body());
                        words.executeUpdate();
                        for (int p = 0; p < r.related().length; p++) {
                            related.setLong(1, r.id());
                            related.setInt(2, p);
                            related.setLong(3, r.related()[p]);
                            related.executeUpdate();
                        }
                    }
                    c.commit();
                    if (to % 100_000 == 0) {
                        System.err.printf("  %,d articles, %d s%n", to, (System.nanoTime() - started) / 1_000_000_000);
                    }
                }
            }
            try (Statement s = c.createStatement()) {
                // Each term's document count, as the store keeps it (what migration 004 does too).
                s.execute("CREATE VIRTUAL TABLE temp.vocabulary USING fts5vocab(main, related_text, 'row')");
                s.execute("INSERT INTO related_terms (term, docs) SELECT term, doc FROM temp.vocabulary");
                s.execute("DROP TABLE temp.vocabulary");
                // Each article's byline: its one author (what migration 006 does for older rows).
                s.execute("INSERT INTO article_authors (article_id, position, author_id) SELECT id, 0, author_id FROM articles");
            }
            c.commit();
            c.setAutoCommit(true);
            try (Statement s = c.createStatement()) {
                // No ANALYZE: a database grown by the server has no statistics either.
                s.execute("PRAGMA wal_checkpoint(TRUNCATE)");
            }
        }
    }

    private static Row row(long id, SyntheticArabic synthetic, RelatedArticles matcher, long published) {
        SyntheticArabic.Text t = synthetic.article(id);
        IndexedText indexed = matcher.indexText(new ArticleText(t.title(), null, t.body(), t.category(),
                List.of(t.tags()), Instant.ofEpochMilli(published)));
        long story = SyntheticArabic.storyOf(id);
        long[] related = new long[RELATED];
        int found = 0;
        for (long other = id - 1; other >= Math.max(1, id - RELATED_WINDOW) && found < RELATED; other--) {
            if (SyntheticArabic.storyOf(other) == story) {
                related[found++] = other;
            }
        }
        return new Row(id, t, published, indexed, Arrays.copyOf(related, found));
    }
}
