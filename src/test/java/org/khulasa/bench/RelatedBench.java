package org.khulasa.bench;

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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.khulasa.article.ArticleDraft;
import org.khulasa.article.Author;
import org.khulasa.article.Category;
import org.khulasa.article.IdempotencyKey;
import org.khulasa.article.RelatedMatcher.ArticleText;
import org.khulasa.article.RelatedMatcher.IndexedText;
import org.khulasa.related.RelatedArticles;
import org.khulasa.storage.Database;
import org.khulasa.storage.JdbiArticleStore;
import org.khulasa.storage.RelatedSuggestions;

/**
 * How long choosing one article's related list takes as the archive grows. Run by hand
 * ({@code bench/related.sh}), never as a test: it fills SQLite files with synthetic Arabic
 * articles (reused on the next run when already there), then times the store's own matching
 * code on random articles of each archive.
 *
 * <p>Arguments: the folder for the databases, then archive sizes (default 10000 100000).
 */
public final class RelatedBench {
    private static final int SAMPLES = 400;
    private static final int WARM_UP = 100;
    private static final int CREATES = 30;
    private static final int BATCH = 5_000;
    private static final long DAY_MS = 86_400_000L;

    private RelatedBench() {
    }

    public static void main(String[] args) throws Exception {
        Path folder = Path.of(args.length > 0 ? args[0] : "target/bench-related");
        List<Integer> sizes = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            sizes.add(Integer.parseInt(args[i]));
        }
        if (sizes.isEmpty()) {
            sizes = List.of(10_000, 100_000);
        }
        Files.createDirectories(folder);
        SyntheticArabic text = new SyntheticArabic();
        System.out.println("| articles | generation | database | compute median | compute p99 | CPU median | CPU p99"
                + " | create median | create p99 | same story |");
        System.out.println("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        for (int size : sizes) {
            Path db = folder.resolve("related-" + size + ".db");
            String url = "jdbc:sqlite:" + db;
            String generation = generate(url, size, text);
            if (isCompacted(url)) {
                System.out.println(measure(url, db, size, text, "reused, compacted"));
                continue;
            }
            System.out.println(measure(url, db, size, text, generation + ", as written"));
            long started = System.nanoTime();
            try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
                s.execute("INSERT INTO related_text (related_text) VALUES ('optimize')"); // what --recompute-related ends with
                s.execute("CREATE TABLE bench_compacted (at BIGINT)");
            }
            String compacted = "compacted in " + (System.nanoTime() - started) / 1_000_000_000 + " s";
            System.out.println(measure(url, db, size, text, compacted));
        }
    }

    private static boolean isCompacted(String url) throws SQLException {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM sqlite_master WHERE name = 'bench_compacted'")) {
            return rs.next() && rs.getInt(1) > 0;
        }
    }

    /** Fills the database with {@code size} articles unless a previous run already did. */
    private static String generate(String url, int size, SyntheticArabic text) throws SQLException {
        RelatedArticles matcher = new RelatedArticles(3);
        Database.open(url, Clock.systemUTC(), matcher).close(); // the schema, by the real migrations
        try (Connection c = DriverManager.getConnection(url)) {
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM articles")) {
                rs.next();
                if (rs.getLong(1) >= size) {
                    return "reused";
                }
                if (rs.getLong(1) > 0) {
                    throw new IllegalStateException(url + " holds a partial archive: delete it and run again");
                }
            }
            long started = System.nanoTime();
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA synchronous = OFF");
                for (int i = 0; i < SyntheticArabic.CATEGORIES.length; i++) {
                    s.execute("INSERT INTO categories (id, slug, name) VALUES (" + (i + 1) + ", '"
                            + SyntheticArabic.CATEGORIES[i] + "', 'قسم')");
                }
                s.execute("INSERT INTO authors (id, slug, name) VALUES (1, 'bench', 'محرر')");
            }
            c.setAutoCommit(false);
            long now = System.currentTimeMillis();
            long first = now - (long) size * DAY_MS / 300; // about 300 articles a day, up to now
            java.util.Map<String, Long> tagIds = new java.util.HashMap<>();
            try (PreparedStatement article = c.prepareStatement("""
                    INSERT INTO articles (id, title, summary, body, category_id, author_id, published_at,
                                          created_at, updated_at)
                    VALUES (?, ?, NULL, ?, ?, 1, ?, ?, ?)""");
                 PreparedStatement words = c.prepareStatement(
                         "INSERT INTO related_text (rowid, title, body) VALUES (?, ?, ?)");
                 PreparedStatement tag = c.prepareStatement("INSERT INTO tags (id, name) VALUES (?, ?)");
                 PreparedStatement articleTag = c.prepareStatement(
                         "INSERT INTO article_tags (article_id, position, tag_id) VALUES (?, ?, ?)")) {
                for (long id = 1; id <= size; id++) {
                    SyntheticArabic.Text t = text.article(id);
                    long published = first + (id - 1) * (now - first) / size;
                    article.setLong(1, id);
                    article.setString(2, t.title());
                    article.setString(3, t.body());
                    article.setLong(4, Arrays.asList(SyntheticArabic.CATEGORIES).indexOf(t.category()) + 1);
                    article.setLong(5, published);
                    article.setLong(6, published);
                    article.setLong(7, published);
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
                        articleTag.setLong(1, id);
                        articleTag.setInt(2, p);
                        articleTag.setLong(3, tagId);
                        articleTag.executeUpdate();
                    }
                    // The index gets exactly what the store would write for this article.
                    IndexedText indexed = matcher.indexText(new ArticleText(t.title(), null, t.body(), t.category(),
                            List.of(t.tags()), Instant.ofEpochMilli(published)));
                    words.setLong(1, id);
                    words.setString(2, indexed.title());
                    words.setString(3, indexed.body());
                    words.executeUpdate();
                    if (id % BATCH == 0) {
                        c.commit();
                        if (id % (BATCH * 20) == 0) {
                            System.err.printf("  %s: %d articles, %d s%n", url, id, (System.nanoTime() - started) / 1_000_000_000);
                        }
                    }
                }
                c.commit();
            }
            // The term counts the store keeps as it writes, here in one pass over the finished index.
            try (Statement s = c.createStatement()) {
                s.execute("CREATE VIRTUAL TABLE temp.vocabulary USING fts5vocab(main, related_text, 'row')");
                s.execute("INSERT INTO related_terms (term, docs) SELECT term, doc FROM temp.vocabulary");
                c.commit();
            }
            return (System.nanoTime() - started) / 1_000_000_000 + " s";
        }
    }

    private static String measure(String url, Path db, int size, SyntheticArabic text, String generation)
            throws Exception {
        Random rnd = new Random(42);
        long[] times = new long[SAMPLES];
        long[] cpu = new long[SAMPLES];
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        int sameStory = 0;
        int picks = 0;
        try (JdbiArticleStore store = Database.open(url, Clock.systemUTC(), new RelatedArticles(3));
             RelatedSuggestions suggestions = new RelatedSuggestions(url, new RelatedArticles(3), Clock.systemUTC())) {
            for (int i = 0; i < WARM_UP; i++) {
                suggestions.of(1 + rnd.nextInt(size));
            }
            for (int i = 0; i < SAMPLES; i++) {
                long id = 1 + rnd.nextInt(size);
                long cpuStarted = threads.getCurrentThreadCpuTime();
                long started = System.nanoTime();
                List<Long> related = suggestions.of(id);
                times[i] = System.nanoTime() - started;
                cpu[i] = threads.getCurrentThreadCpuTime() - cpuStarted;
                for (long pick : related) {
                    picks++;
                    if (SyntheticArabic.storyOf(pick) == SyntheticArabic.storyOf(id)) {
                        sameStory++;
                    }
                }
            }
            // The whole write path of a new article: insert, index, choose, commit (synchronous=FULL).
            long[] creates = new long[CREATES];
            for (int i = 0; i < CREATES; i++) {
                SyntheticArabic.Text t = text.article(size - 1000 + i); // a story still in the news
                ArticleDraft draft = ArticleDraft.published(t.title(), null, t.body(),
                        new Category(t.category(), "قسم"), List.of(new Author("bench", "محرر")), null, List.of(),
                        List.of(t.tags()), null);
                long started = System.nanoTime();
                store.create(draft, IdempotencyKey.NONE);
                creates[i] = System.nanoTime() - started;
            }
            Arrays.sort(times);
            Arrays.sort(cpu);
            Arrays.sort(creates);
            return String.format("| %,d | %s | %,d MB | %s | %s | %s | %s | %s | %s | %.0f%% |", size, generation,
                    Files.size(db) / 1_000_000, ms(times[times.length / 2]), ms(times[times.length * 99 / 100]),
                    ms(cpu[cpu.length / 2]), ms(cpu[cpu.length * 99 / 100]), ms(creates[creates.length / 2]),
                    ms(creates[creates.length * 99 / 100]), 100.0 * sameStory / Math.max(1, picks));
        }
    }

    private static String ms(long nanos) {
        return String.format("%.1f ms", nanos / 1e6);
    }

}
