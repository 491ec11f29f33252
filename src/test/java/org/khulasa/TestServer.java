package org.khulasa;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.khulasa.article.ImportedArchive;
import org.khulasa.metrics.Metrics;
import org.khulasa.related.RelatedArticles;
import org.khulasa.storage.Database;
import org.khulasa.storage.JdbiArticleStore;

/**
 * A real Khulasa on a free port of 127.0.0.1 over a real SQLite file in {@code dataDir} (or a
 * PostgreSQL schema of its own: see {@link TestDatabase}), and a plain JDK HTTP client to talk to it. Close it to stop the server and the database.
 */
public final class TestServer implements AutoCloseable {
    public static final String TOKEN = "test-editor-token";
    public static final ObjectMapper JSON = new ObjectMapper();

    public final Config config;
    public final JdbiArticleStore store;
    public final ImportedArchive archive;
    private final Javalin app;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private TestServer(Config config, JdbiArticleStore store, ImportedArchive archive, Javalin app) {
        this.config = config;
        this.store = store;
        this.archive = archive;
        this.app = app;
    }

    public static TestServer start(Path dataDir) {
        return start(dataDir, Map.of());
    }

    /** Starts with {@code env} on top of the test defaults (one editor token, the data folder). */
    public static TestServer start(Path dataDir, Map<String, String> env) {
        return start(dataDir, env, Clock.systemUTC());
    }

    /** Starts on {@code clock}: a test that moves it sees scheduled articles come out, without waiting. */
    public static TestServer start(Path dataDir, Map<String, String> env, Clock clock) {
        // A port found free can be taken before we bind it (FreePort's race): try another.
        for (int attempt = 1; ; attempt++) {
            try {
                return startOn(FreePort.find(), dataDir, env, clock);
            } catch (io.javalin.util.JavalinBindException e) {
                if (attempt == FreePort.ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    private static TestServer startOn(int port, Path dataDir, Map<String, String> env, Clock clock) {
        Map<String, String> all = new java.util.HashMap<>(Map.of(
                "KHULASA_PORT", String.valueOf(port),
                "KHULASA_DATA", dataDir.toString(),
                "KHULASA_BASE_URL", "http://127.0.0.1:" + port,
                "KHULASA_EDITOR_TOKENS", TOKEN));
        all.putAll(env);
        TestDatabase.serverUrlFor(dataDir).ifPresent(url -> all.putIfAbsent("KHULASA_DB_URL", url));
        Config config = Config.fromEnvironment(all);
        // Wired as Main wires it, metrics included.
        Metrics metrics = new Metrics();
        Database.Opened opened = Database.openWithArchive(config.jdbcUrl(), clock,
                metrics.timed(new RelatedArticles(config.relatedCount())), metrics::watchPool);
        JdbiArticleStore store = opened.store();
        Javalin app = App.create(config, store, opened.archive(), store.webSub(), store.endedSessions(), clock, metrics);
        try {
            app.start("127.0.0.1", config.port());
        } catch (RuntimeException e) {
            app.stop();
            store.close();
            throw e;
        }
        return new TestServer(config, store, opened.archive(), app);
    }

    /** {@code path} under the public base URL, as links in feeds and pages name it. */
    public String url(String path) {
        return config.baseUrl() + path;
    }

    /** {@code path} on this very server, whatever its base URL says (a load balancer's, shared by several). */
    public String local(String path) {
        return "http://127.0.0.1:" + app.port() + path;
    }

    public HttpResponse<String> get(String path, String... headers) {
        return send(HttpRequest.newBuilder(URI.create(local(path))).GET(), headers);
    }

    public HttpResponse<byte[]> getBytes(String path, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(local(path))).GET().timeout(Duration.ofSeconds(30));
        if (headers.length > 0) {
            b.headers(headers);
        }
        try {
            return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** POSTs JSON with the editor token. */
    public HttpResponse<String> post(String path, String json, String... headers) {
        return send(HttpRequest.newBuilder(URI.create(local(path)))
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)),
                withEditorHeaders(headers));
    }

    public HttpResponse<String> put(String path, String json, String... headers) {
        return send(HttpRequest.newBuilder(URI.create(local(path)))
                .PUT(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)),
                withEditorHeaders(headers));
    }

    public HttpResponse<String> delete(String path, String... headers) {
        return send(HttpRequest.newBuilder(URI.create(local(path))).DELETE(),
                withEditorHeaders(headers));
    }

    /** Any request, headers exactly as given (no token added). */
    public HttpResponse<String> send(HttpRequest.Builder request, String... headers) {
        if (headers.length > 0) {
            request.headers(headers);
        }
        try {
            return http.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Creates an article through the API and answers its JSON; fails the test on any non-201. */
    public JsonNode create(String json) {
        HttpResponse<String> response = post("/api/articles", json);
        if (response.statusCode() != 201) {
            throw new AssertionError("expected 201, got " + response.statusCode() + ": " + response.body());
        }
        return parse(response.body());
    }

    /**
     * Waits (on the real clock, up to a minute) until the site's last change is behind it:
     * a burst of writes is stamped a second apart, ahead of the clock, and until the clock catches
     * up every answer sends its own time as Last-Modified, which then differs from answer to answer.
     */
    public void awaitChangesBehindClock() {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline) {
            HttpResponse<byte[]> feed = getBytes("/feeds/rss.xml");
            Optional<String> lastModified = header(feed, "Last-Modified");
            Optional<String> date = header(feed, "Date");
            if (lastModified.isPresent() && date.isPresent() && httpDate(lastModified.get()).isBefore(httpDate(date.get()))) {
                return;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
        throw new AssertionError("the site's Last-Modified stayed ahead of the clock for a minute");
    }

    /** An HTTP date header's instant, read by java.time (not by the server's own code). */
    public static java.time.Instant httpDate(String value) {
        return java.time.ZonedDateTime.parse(value, java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
    }

    public static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Optional<String> header(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name);
    }

    private static String[] withEditorHeaders(String... headers) {
        List<String> all = new java.util.ArrayList<>(List.of(headers));
        boolean hasAuth = false;
        boolean hasType = false;
        for (int i = 0; i < all.size(); i += 2) {
            hasAuth |= all.get(i).equalsIgnoreCase("Authorization");
            hasType |= all.get(i).equalsIgnoreCase("Content-Type");
        }
        if (!hasAuth) {
            all.addAll(List.of("Authorization", "Bearer " + TOKEN));
        }
        if (!hasType) {
            all.addAll(List.of("Content-Type", "application/json"));
        }
        return all.toArray(String[]::new);
    }

    /** The port this server listens on (its base URL may name another: a load balancer's). */
    public int port() {
        return app.port();
    }

    @Override
    public void close() {
        try {
            app.stop();
        } finally {
            store.close();
        }
    }
}
