package org.khulasa.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The two figures wrk can't measure, over real HTTP against a running Khulasa (run by
 * {@code bench/run.sh}, never as a test). Every run is bounded in count and in time.
 *
 * <pre>
 * HttpBench miss   BASE_URL TOKEN ARCHIVE_SIZE SAMPLES RUNS
 *     An article of the politics feed is replaced (PUT, not timed), which drops the feed cache;
 *     then GET of the RSS and of the Atom politics feed with gzip are timed: each a cache miss
 *     (query, render, gzip, hash) plus the loopback round trip.
 * HttpBench ingest BASE_URL TOKEN ARCHIVE_SIZE EDITORS ARTICLES RUNS
 *     EDITORS threads POST ARTICLES new articles (5 KB Arabic bodies) between them, as fast as
 *     the server answers; articles per second = 201s / wall time.
 * </pre>
 *
 * Details of each run go to stderr; the last line on stdout is {@code key=value …} for the script.
 */
public final class HttpBench {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration RUN_LIMIT = Duration.ofSeconds(30);
    private static final int BODY_BYTES = 5_000;

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final String token;
    private final long archiveSize;
    private final SyntheticArabic synthetic = new SyntheticArabic();

    private HttpBench(String base, String token, long archiveSize) {
        this.base = base;
        this.token = token;
        this.archiveSize = archiveSize;
    }

    public static void main(String[] args) throws Exception {
        HttpBench bench = new HttpBench(args[1], args[2], Long.parseLong(args[3]));
        switch (args[0]) {
            case "miss" -> bench.miss(Integer.parseInt(args[4]), Integer.parseInt(args[5]));
            case "ingest" -> bench.ingest(Integer.parseInt(args[4]), Integer.parseInt(args[5]), Integer.parseInt(args[6]));
            default -> throw new IllegalArgumentException("miss or ingest, not " + args[0]);
        }
    }

    // ---- figure 3: cache miss -------------------------------------------------------------------

    private void miss(int samples, int runs) throws Exception {
        JsonNode listed = JSON.readTree(send(HttpRequest.newBuilder(uri("/api/articles?category=politics&limit=50"))
                .header("Authorization", "Bearer " + token).GET().build(), 200));
        List<Long> ids = new ArrayList<>();
        listed.forEach(a -> ids.add(a.get("id").asLong()));
        if (ids.isEmpty()) {
            throw new IllegalStateException("the politics feed is empty");
        }
        int warmUp = Math.max(10, samples / 5);
        int next = 0;
        for (int i = 0; i < warmUp; i++) {
            missOnce(ids.get(next++ % ids.size()));
        }
        double[] rssMedians = new double[runs];
        double[] rssP99s = new double[runs];
        double[] atomMedians = new double[runs];
        double[] atomP99s = new double[runs];
        for (int run = 0; run < runs; run++) {
            long[] rss = new long[samples];
            long[] atom = new long[samples];
            for (int i = 0; i < samples; i++) {
                long[] t = missOnce(ids.get(next++ % ids.size()));
                rss[i] = t[0];
                atom[i] = t[1];
            }
            Arrays.sort(rss);
            Arrays.sort(atom);
            rssMedians[run] = ms(rss[samples / 2]);
            rssP99s[run] = ms(rss[(int) Math.ceil(samples * 0.99) - 1]);
            atomMedians[run] = ms(atom[samples / 2]);
            atomP99s[run] = ms(atom[(int) Math.ceil(samples * 0.99) - 1]);
            System.err.printf("  miss run %d: rss median %.2f ms p99 %.2f ms, atom median %.2f ms p99 %.2f ms (%d samples each)%n",
                    run + 1, rssMedians[run], rssP99s[run], atomMedians[run], atomP99s[run], samples);
        }
        System.out.printf("rss_p50=%.2f rss_p99=%.2f atom_p50=%.2f atom_p99=%.2f%n", median(rssMedians),
                median(rssP99s), median(atomMedians), median(atomP99s));
    }

    /** Replaces article {@code id} (untimed), then times a miss of each format: nanoseconds, RSS then Atom. */
    private long[] missOnce(long id) throws Exception {
        // The archive's own kind of text (not 5 KB), so the feed keeps its size from run to run.
        ObjectNode article = article(synthetic, id, "politics", 0);
        send(HttpRequest.newBuilder(uri("/api/articles/" + id)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(article.toString())).build(), 200);
        return new long[] {timedGet("/feeds/category/politics/rss.xml"), timedGet("/feeds/category/politics/atom.xml")};
    }

    private long timedGet(String path) throws Exception {
        HttpRequest get = HttpRequest.newBuilder(uri(path)).header("Accept-Encoding", "gzip").GET().build();
        long started = System.nanoTime();
        send(get, 200);
        return System.nanoTime() - started;
    }

    // ---- figure 4: ingest -----------------------------------------------------------------------

    private void ingest(int editors, int articles, int runs) throws Exception {
        double[] rates = new double[runs];
        int errors = 0;
        long seed = 0;
        for (int run = 0; run < runs; run++) {
            List<String> bodies = new ArrayList<>(articles);
            for (int i = 0; i < articles; i++) {
                bodies.add(article(synthetic, archiveSize - 2_000 + seed++ % 2_000, null, BODY_BYTES).toString());
            }
            AtomicInteger taken = new AtomicInteger();
            AtomicInteger created = new AtomicInteger();
            AtomicInteger failed = new AtomicInteger();
            ExecutorService pool = Executors.newFixedThreadPool(editors);
            long started = System.nanoTime();
            long deadline = started + RUN_LIMIT.toNanos();
            List<Future<?>> done = new ArrayList<>();
            for (int e = 0; e < editors; e++) {
                done.add(pool.submit(() -> {
                    int i;
                    while ((i = taken.getAndIncrement()) < articles && System.nanoTime() < deadline) {
                        HttpRequest post = HttpRequest.newBuilder(uri("/api/articles"))
                                .header("Authorization", "Bearer " + token)
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(bodies.get(i))).build();
                        try {
                            HttpResponse<String> r = client.send(post, HttpResponse.BodyHandlers.ofString());
                            (r.statusCode() == 201 ? created : failed).incrementAndGet();
                            if (r.statusCode() != 201 && failed.get() <= 3) {
                                System.err.println("  POST answered " + r.statusCode() + ": " + r.body());
                            }
                        } catch (Exception ex) {
                            failed.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            pool.shutdown();
            rates[run] = created.get() / seconds;
            errors += failed.get();
            System.err.printf("  ingest run %d, %d editor(s): %d created in %.1f s = %.0f/s, %d failed%n",
                    run + 1, editors, created.get(), seconds, rates[run], failed.get());
        }
        System.out.printf("rate=%.0f errors=%d%n", median(rates), errors);
    }

    /**
     * A new article with the words of synthetic article {@code textOf} (a story near the end of the
     * archive, still in the news), its body lengthened to at least {@code bodyBytes} bytes.
     */
    static ObjectNode article(SyntheticArabic synthetic, long textOf, String category, int bodyBytes) {
        SyntheticArabic.Text t = synthetic.article(textOf);
        StringBuilder body = new StringBuilder(t.body());
        for (long more = textOf + 1_000_000_000L; body.toString().getBytes(StandardCharsets.UTF_8).length < bodyBytes; more++) {
            body.append(synthetic.article(more).body());
        }
        String slug = category != null ? category : t.category();
        int index = Arrays.asList(SyntheticArabic.CATEGORIES).indexOf(slug);
        ObjectNode a = JSON.createObjectNode();
        a.put("title", t.title());
        a.put("body", body.toString());
        a.putObject("category").put("slug", slug).put("name", ArchiveFiller.CATEGORY_NAMES[index]);
        long author = 1 + textOf % ArchiveFiller.AUTHORS;
        a.putObject("author").put("slug", "writer-" + author).put("name", "الكاتب " + author);
        var tags = a.putArray("tags");
        for (String tag : t.tags()) {
            tags.add(tag);
        }
        return a;
    }

    // ---- helpers --------------------------------------------------------------------------------

    private String send(HttpRequest request, int expected) throws Exception {
        HttpResponse<byte[]> r = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        if (r.statusCode() != expected) {
            throw new IllegalStateException(request.method() + " " + request.uri() + " answered " + r.statusCode()
                    + ": " + new String(r.body(), StandardCharsets.UTF_8));
        }
        return new String(r.body(), StandardCharsets.UTF_8);
    }

    private URI uri(String path) {
        return URI.create(base + path);
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
