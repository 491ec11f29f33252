package org.khulasa.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one write costs the pollers of many feeds, over real HTTP against a running Khulasa (by
 * hand, never as a test; see bench/README.md). Every request is bounded in time.
 *
 * <pre>
 * WriteCostBench seed    BASE_URL TOKEN
 *     POSTs one article per author: 470 authors over 30 categories, so that the site, the
 *     categories and the authors have 1,002 RSS and Atom feeds between them.
 * WriteCostBench measure BASE_URL TOKEN METRICS_TOKEN PID RUNS
 *     Polls every one of those feeds (all rendered and cached), then per run: replaces one
 *     article (PUT, same category and author, new title), polls all 1,002 feeds again with 4
 *     pollers, and reports the feeds rendered ({@code khulasa_feed_polls_total{result="miss"}}),
 *     the time spent rendering them (the render histogram's sum) and the server's CPU time over
 *     the write and the sweep ({@code /proc/PID/stat}, utime + stime).
 * </pre>
 */
public final class WriteCostBench {
    static final int CATEGORIES = 30;
    static final int AUTHORS = 470;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern MISSES = Pattern.compile("(?m)^khulasa_feed_polls_total\\{result=\"miss\"} (\\S+)$");
    private static final Pattern RENDER_SECONDS = Pattern.compile("(?m)^khulasa_feed_render_duration_seconds_sum (\\S+)$");

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final String token;

    private WriteCostBench(String base, String token) {
        this.base = base;
        this.token = token;
    }

    public static void main(String[] args) throws Exception {
        WriteCostBench bench = new WriteCostBench(args[1], args[2]);
        switch (args[0]) {
            case "seed" -> bench.seed();
            case "measure" -> bench.measure(args[3], Long.parseLong(args[4]), Integer.parseInt(args[5]));
            default -> throw new IllegalArgumentException("seed or measure, not " + args[0]);
        }
    }

    private void seed() throws Exception {
        ExecutorService editors = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> posted = new ArrayList<>();
            for (int a = 0; a < AUTHORS; a++) {
                String json = article(a, "خبر " + a).toString();
                posted.add(editors.submit(() -> send(request("/api/articles").header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json)), 201)));
            }
            for (Future<String> p : posted) {
                p.get();
            }
        } finally {
            editors.shutdown();
        }
        System.out.println("seeded=" + AUTHORS);
    }

    private void measure(String metricsToken, long pid, int runs) throws Exception {
        List<String> feeds = feeds();
        long id = JSON.readTree(send(request("/api/articles?author=a-000&limit=1").GET(), 200)).get(0).get("id").asLong();
        sweep(feeds);
        sweep(feeds); // the JIT has compiled the poll path
        long[] renders = new long[runs];
        double[] renderMs = new double[runs];
        double[] cpuMs = new double[runs];
        for (int run = 0; run < runs; run++) {
            String before = send(HttpRequest.newBuilder(URI.create(base + "/metrics"))
                    .header("Authorization", "Bearer " + metricsToken).GET(), 200);
            long cpu0 = cpuTicks(pid);
            send(request("/api/articles/" + id).header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString(article(0, "خبر معدل " + run).toString())), 200);
            sweep(feeds);
            long cpu1 = cpuTicks(pid);
            String after = send(HttpRequest.newBuilder(URI.create(base + "/metrics"))
                    .header("Authorization", "Bearer " + metricsToken).GET(), 200);
            renders[run] = Math.round(value(MISSES, after) - value(MISSES, before));
            renderMs[run] = (value(RENDER_SECONDS, after) - value(RENDER_SECONDS, before)) * 1000;
            cpuMs[run] = (cpu1 - cpu0) * 10.0; // clock ticks of 10 ms (USER_HZ 100)
            System.err.printf("  run %d: %d feeds rendered, %.0f ms rendering, %.0f ms server CPU for the write and %d polls%n",
                    run + 1, renders[run], renderMs[run], cpuMs[run], feeds.size());
        }
        Arrays.sort(renders);
        System.out.printf("feeds=%d renders=%d render_ms=%.0f cpu_ms=%.0f%n", feeds.size(), renders[runs / 2],
                median(renderMs), median(cpuMs));
    }

    private static List<String> feeds() {
        List<String> feeds = new ArrayList<>(List.of("/feeds/rss.xml", "/feeds/atom.xml"));
        for (int c = 0; c < CATEGORIES; c++) {
            feeds.add("/feeds/category/" + category(c) + "/rss.xml");
            feeds.add("/feeds/category/" + category(c) + "/atom.xml");
        }
        for (int a = 0; a < AUTHORS; a++) {
            feeds.add("/feeds/author/" + author(a) + "/rss.xml");
            feeds.add("/feeds/author/" + author(a) + "/atom.xml");
        }
        return feeds;
    }

    /** Polls every feed once, four pollers at a time. */
    private void sweep(List<String> feeds) throws Exception {
        ExecutorService pollers = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> polled = new ArrayList<>();
            for (String feed : feeds) {
                polled.add(pollers.submit(() -> send(HttpRequest.newBuilder(URI.create(base + feed))
                        .header("Accept-Encoding", "gzip").GET(), 200)));
            }
            for (Future<String> p : polled) {
                p.get();
            }
        } finally {
            pollers.shutdown();
        }
    }

    private static ObjectNode article(int author, String title) {
        ObjectNode a = JSON.createObjectNode();
        a.put("title", title);
        a.put("summary", "ملخص " + title);
        a.put("body", "<p>" + title + " — نص الخبر.</p>");
        a.putObject("category").put("slug", category(author % CATEGORIES)).put("name", "قسم " + author % CATEGORIES);
        a.putObject("author").put("slug", author(author)).put("name", "كاتب " + author);
        return a;
    }

    private static String category(int c) {
        return String.format("c-%02d", c);
    }

    private static String author(int a) {
        return String.format("a-%03d", a);
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token);
    }

    private String send(HttpRequest.Builder request, int expected) throws Exception {
        HttpResponse<String> r = client.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != expected) {
            throw new IllegalStateException(r.request().uri() + " answered " + r.statusCode() + ": " + r.body());
        }
        return r.body();
    }

    private static double value(Pattern metric, String exposition) {
        Matcher m = metric.matcher(exposition);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    /** The process's user and system time, in clock ticks. */
    private static long cpuTicks(long pid) throws Exception {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime (fields 14 and 15)
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
