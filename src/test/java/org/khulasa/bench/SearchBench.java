package org.khulasa.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
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
import org.khulasa.article.SearchQuery;
import org.khulasa.related.ArabicTerms;
import org.khulasa.related.RelatedArticles;
import org.khulasa.storage.Database;
import org.khulasa.storage.DatabaseCopy;
import org.khulasa.storage.JdbiArticleStore;

/**
 * How long the site search takes as the archive grows. Run by hand ({@code bench/search.sh}),
 * never as a test: it fills {@code bench-data/archive-SIZE.db} as {@code bench/run.sh} does
 * ({@link ArchiveFiller}, reused when already there), then times the store's own search
 * ({@code ArticleStore.search}: the word index queries, the ranking and reading the page's
 * articles) for words of every frequency, first page and last: wall-clock and the searching
 * thread's CPU time (on PostgreSQL most of the work is the server's, which that leaves out).
 *
 * <p>Arguments: archive sizes (default 10000 100000). With {@code SEARCH_BENCH_PG} set to a
 * PostgreSQL JDBC URL, each archive is also copied there (into a schema of its own, reused on
 * the next run) and timed on PostgreSQL too.
 */
public final class SearchBench {
    private static final int TERMS_PER_KIND = 20;
    private static final int ROUNDS = 5;
    private static final int PAGE = 50;
    /** CPU time of the searching thread: on a loaded machine, wall-clock time includes waiting for a core. */
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private SearchBench() {
    }

    /** A kind of query: terms held by a share of the archive between {@code low} and {@code high}. */
    private record Kind(String name, double low, double high, int words, int offset) {
    }

    private static final List<Kind> KINDS = List.of(
            new Kind("common word (10–60 % of articles)", 0.10, 0.60, 1, 0),
            new Kind("frequent word (1–10 %)", 0.01, 0.10, 1, 0),
            new Kind("medium word (0.1–1 %)", 0.001, 0.01, 1, 0),
            new Kind("rare word (5–50 articles)", -5, -50, 1, 0),
            new Kind("common + medium word", 0.10, 0.001, 2, 0),
            new Kind("two frequent words", 0.01, 0.10, 2, 0),
            new Kind("common word, last page", 0.10, 0.60, 1, SearchQuery.NEWEST_MATCHES - PAGE),
            new Kind("no article holds it", 0, 0, 1, 0));

    public static void main(String[] args) throws Exception {
        List<Long> sizes = args.length == 0 ? List.of(10_000L, 100_000L) : Arrays.stream(args).map(Long::parseLong).toList();
        Path folder = Path.of("bench-data");
        Files.createDirectories(folder);
        String pg = System.getenv("SEARCH_BENCH_PG");
        System.out.println("| database | articles | query | results | p50 ms | p90 ms | p99 ms | max ms | CPU p50 ms | CPU p99 ms |");
        System.out.println("| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        for (long size : sizes) {
            Path db = folder.resolve("archive-" + size + ".db");
            ArchiveFiller.main(new String[] {db.toString(), String.valueOf(size)});
            String sqlite = "jdbc:sqlite:" + db.toAbsolutePath();
            measure("SQLite", sqlite, size, sqlite);
            if (pg != null && !pg.isBlank()) {
                String url = postgres(pg, sqlite, size);
                measure("PostgreSQL", url, size, sqlite);
            }
        }
    }

    private static void measure(String database, String url, long size, String sqlite) throws SQLException {
        try (JdbiArticleStore store = Database.open(url, Clock.systemUTC(), new RelatedArticles(3))) {
            Instant now = Instant.now();
            for (Kind kind : KINDS) {
                List<String> queries = queries(sqlite, size, kind);
                if (queries.isEmpty()) {
                    System.out.printf("| %s | %,d | %s | no such words | | | | | | |%n", database, size, kind.name());
                    continue;
                }
                for (String q : queries) { // warm-up: the JIT, and the pages the queries read
                    store.search(new SearchQuery(ArabicTerms.words(q), now, kind.offset(), PAGE));
                }
                List<Double> millis = new ArrayList<>();
                List<Double> cpu = new ArrayList<>();
                long results = 0;
                for (int round = 0; round < ROUNDS; round++) {
                    for (String q : queries) {
                        long cpuStarted = THREADS.getCurrentThreadCpuTime();
                        long started = System.nanoTime();
                        results += store.search(new SearchQuery(ArabicTerms.words(q), now, kind.offset(), PAGE)).size();
                        millis.add((System.nanoTime() - started) / 1e6);
                        cpu.add((THREADS.getCurrentThreadCpuTime() - cpuStarted) / 1e6);
                    }
                }
                millis.sort(null);
                cpu.sort(null);
                System.out.printf("| %s | %,d | %s | %.0f | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f |%n", database, size,
                        kind.name(), (double) results / millis.size(), at(millis, 0.5), at(millis, 0.9), at(millis, 0.99),
                        millis.get(millis.size() - 1), at(cpu, 0.5), at(cpu, 0.99));
            }
        }
    }

    /**
     * Queries of {@code kind}, from the archive's own term counts (terms are what the index holds:
     * searched as they are, they go through the same normalisation unchanged).
     */
    private static List<String> queries(String sqlite, long size, Kind kind) throws SQLException {
        if (kind.low() == 0 && kind.high() == 0) {
            return List.of("زززقققغغغ", "كلمةلاوجودلها");
        }
        List<String> first = terms(sqlite, size, kind.low(), kind.name().startsWith("common + ") ? 0.60 : kind.high());
        if (kind.words() == 1) {
            return first;
        }
        List<String> second = kind.name().startsWith("common + ") ? terms(sqlite, size, 0.001, 0.01) : first;
        List<String> pairs = new ArrayList<>();
        for (int i = 0; i < Math.min(first.size(), second.size()); i++) {
            String other = second.get((i + 1) % second.size());
            if (!other.equals(first.get(i))) {
                pairs.add(first.get(i) + " " + other);
            }
        }
        return pairs;
    }

    /** Up to {@link #TERMS_PER_KIND} terms held by a share of the archive from {@code low} to {@code high} (negative: counts). */
    private static List<String> terms(String sqlite, long size, double low, double high) throws SQLException {
        long from = low < 0 ? (long) -low : (long) Math.ceil(low * size);
        long to = high < 0 ? (long) -high : (long) Math.floor(high * size);
        List<String> terms = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(sqlite);
             PreparedStatement s = c.prepareStatement(
                     "SELECT term FROM related_terms WHERE docs BETWEEN ? AND ? AND length(term) >= 3 ORDER BY term LIMIT ?")) {
            s.setLong(1, from);
            s.setLong(2, to);
            s.setInt(3, TERMS_PER_KIND);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    terms.add(rs.getString(1));
                }
            }
        }
        return terms;
    }

    /** The archive copied into a PostgreSQL schema of its own, unless a previous run did. */
    private static String postgres(String base, String sqlite, long size) throws SQLException {
        String schema = "bench_search_" + size;
        String url = base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        try (Connection c = DriverManager.getConnection(base); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA IF NOT EXISTS " + schema);
        }
        long held;
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM articles")) {
            rs.next();
            held = rs.getLong(1);
        } catch (SQLException e) {
            held = -1; // no schema yet
        }
        if (held != size) {
            if (held > 0) {
                throw new IllegalStateException(schema + " holds " + held + " articles: drop it and run again");
            }
            long started = System.nanoTime();
            DatabaseCopy.copy(sqlite, url, new RelatedArticles(3), (step, done, total) -> {
                if (done % 50_000 == 0) {
                    System.err.printf("  %s %,d of %,d%n", step, done, total);
                }
            });
            try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
                s.execute("ANALYZE"); // what autovacuum does on its own soon after
            }
            System.err.printf("copied %,d articles to PostgreSQL in %d s%n", size, (System.nanoTime() - started) / 1_000_000_000);
        }
        return url;
    }

    private static double at(List<Double> sorted, double quantile) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.floor(quantile * sorted.size())));
    }
}
