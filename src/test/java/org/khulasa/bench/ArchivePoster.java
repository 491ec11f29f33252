package org.khulasa.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The archive {@link WxrGenerator} writes for N posts, posted through the editor API instead of
 * imported: the same published posts, text, categories, authors, times, tags and images, from
 * {@code EDITORS} concurrent editors. Prints the rate, to set beside the import's.
 *
 * <pre>java -cp … org.khulasa.bench.ArchivePoster http://127.0.0.1:PORT TOKEN 10000 4</pre>
 */
public final class ArchivePoster {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ArchivePoster() {
    }

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String token = args[1];
        long posts = Long.parseLong(args[2]);
        int editors = Integer.parseInt(args[3]);
        SyntheticArabic synthetic = new SyntheticArabic();
        Instant first = Instant.parse("2026-11-30T00:00:00Z").minusSeconds(posts * 288);
        HttpClient client = HttpClient.newHttpClient();
        AtomicLong next = new AtomicLong(1);
        AtomicInteger created = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(editors);
        long started = System.nanoTime();
        List<Future<?>> done = new ArrayList<>();
        for (int e = 0; e < editors; e++) {
            done.add(pool.submit(() -> {
                for (long i = next.getAndIncrement(); i <= posts; i = next.getAndIncrement()) {
                    // The generator's drafts, trashed posts and pages are not published.
                    if (i % 20 == 0 || i % 97 == 0 || i % 50 == 0) {
                        continue;
                    }
                    HttpRequest post = HttpRequest.newBuilder(URI.create(base + "/api/articles"))
                            .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(article(synthetic, i, first).toString())).build();
                    HttpResponse<String> r = client.send(post, HttpResponse.BodyHandlers.ofString());
                    if (r.statusCode() == 201) {
                        if (created.incrementAndGet() % 1000 == 0) {
                            System.err.printf("  %,d posted, %.0f/s%n", created.get(), created.get() / ((System.nanoTime() - started) / 1e9));
                        }
                    } else if (failed.incrementAndGet() <= 3) {
                        System.err.println("  POST answered " + r.statusCode() + ": " + r.body());
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("posted=%d failed=%d seconds=%.1f rate=%.0f%n", created.get(), failed.get(), seconds, created.get() / seconds);
    }

    private static ObjectNode article(SyntheticArabic synthetic, long i, Instant first) {
        SyntheticArabic.Text text = synthetic.article(i);
        ObjectNode a = JSON.createObjectNode();
        a.put("title", text.title());
        a.put("body", text.body());
        a.putObject("category").put("slug", text.category()).put("name", WxrGenerator.categoryName(text.category()));
        a.putObject("author").put("slug", "author" + (1 + i % 20)).put("name", "الكاتب " + (1 + i % 20));
        a.put("published", first.plusSeconds(i * 288).toString());
        a.putArray("tags").add(text.tags()[0]).add(text.tags()[1]);
        if (i % 5 == 0) {
            a.putObject("image").put("url", "https://news.example/wp-content/uploads/photo-" + i + ".jpg")
                    .put("type", "image/jpeg").put("caption", "تعليق الصورة " + i);
        }
        return a;
    }
}
