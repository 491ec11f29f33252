package org.khulasa.feed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.khulasa.Config;
import org.khulasa.SampleNewsroom;
import org.khulasa.links.SiteLinks;
import org.khulasa.related.RelatedArticles;
import org.khulasa.article.Author;
import org.khulasa.article.Category;
import org.khulasa.storage.Database;
import org.khulasa.storage.JdbiArticleStore;

/**
 * Keeps {@code feeds/} (the reference feeds a reader of the repository looks at) in step with the
 * code. The sample newsroom is loaded into a fresh database under a fixed clock, so every
 * {@code updated} time is the same on each run. Regenerate with
 * {@code mvn -q test -Dtest=ReferenceFeedsTest -Dkhulasa.regenerate=true}.
 */
class ReferenceFeedsTest {
    static final String BASE_URL = "http://localhost:8080";
    /**
     * After the sample's last publication time (2026-11-27), so every sample article is out, and
     * in the past, since the W3C validator flags dates in the future as implausible.
     */
    static final Instant RENDERED_AT = Instant.parse("2026-11-28T00:00:00Z");
    private static final Path FEEDS = Path.of("feeds");
    private static final String REGENERATE = "mvn -q test -Dtest=ReferenceFeedsTest -Dkhulasa.regenerate=true";

    @Test
    void reference_feeds_are_what_the_code_renders_now(@TempDir Path tmp) throws IOException {
        Map<String, byte[]> rendered = render(tmp);
        if (Boolean.getBoolean("khulasa.regenerate")) {
            write(rendered);
            return;
        }
        List<String> drifted = new ArrayList<>();
        for (Map.Entry<String, byte[]> feed : rendered.entrySet()) {
            Path file = FEEDS.resolve(feed.getKey());
            if (!Files.exists(file) || !Arrays.equals(Files.readAllBytes(file), feed.getValue())) {
                drifted.add(feed.getKey());
            }
        }
        for (String stale : committedFeeds()) {
            if (!rendered.containsKey(stale)) {
                drifted.add(stale + " (no longer rendered)");
            }
        }
        assertTrue(drifted.isEmpty(), "feeds/ differs from what the code renders: " + drifted
                + ". If the change is intended, regenerate with: " + REGENERATE);
    }

    /**
     * A render reuses the items it wrote before (see ItemTextCache): rendering every feed again, and
     * again in another order with nothing remembered yet, gives the very same bytes.
     */
    @Test
    void feeds_written_from_remembered_items_are_byte_for_byte_the_same(@TempDir Path tmp) {
        try (JdbiArticleStore store = open(tmp)) {
            Feeds feeds = new Feeds(store, new SiteLinks(BASE_URL), Config.DEFAULT_SITE_TITLE, 50, ZoneOffset.UTC);
            Map<String, byte[]> first = renderAll(store, feeds, List.of(FeedFormat.values()));
            Map<String, byte[]> again = renderAll(store, feeds, List.of(FeedFormat.values()));
            Map<String, byte[]> fresh = renderAll(store, new Feeds(store, new SiteLinks(BASE_URL),
                    Config.DEFAULT_SITE_TITLE, 50, ZoneOffset.UTC), List.of(FeedFormat.JSON, FeedFormat.ATOM, FeedFormat.RSS));
            assertEquals(first.keySet(), again.keySet());
            for (String path : first.keySet()) {
                assertArrayEquals(first.get(path), again.get(path), path);
                assertArrayEquals(first.get(path), fresh.get(path), path);
            }
        }
    }

    /** Every reference feed by its path under feeds/, rendered exactly as the server would at RENDERED_AT. */
    static Map<String, byte[]> render(Path tmp) {
        try (JdbiArticleStore store = open(tmp)) {
            Feeds feeds = new Feeds(store, new SiteLinks(BASE_URL), Config.DEFAULT_SITE_TITLE, 50, ZoneOffset.UTC);
            return renderAll(store, feeds, List.of(FeedFormat.values()));
        }
    }

    private static JdbiArticleStore open(Path tmp) {
        Clock clock = Clock.fixed(RENDERED_AT, ZoneOffset.UTC);
        Database.Opened opened = Database.openWithArchive("jdbc:sqlite:" + tmp.resolve("reference.db"), clock,
                new RelatedArticles(Config.fromEnvironment(Map.of()).relatedCount()));
        SampleNewsroom.loadIfEmpty(opened.store(), opened.archive());
        return opened.store();
    }

    private static Map<String, byte[]> renderAll(JdbiArticleStore store, Feeds feeds, List<FeedFormat> formats) {
        Map<String, byte[]> out = new LinkedHashMap<>();
        for (FeedFormat format : formats) {
            out.put(format.fileName(), feeds.render(FeedScope.site(), format, RENDERED_AT).bytes());
            for (Category category : store.categories(RENDERED_AT)) {
                out.put("category/" + category.slug() + "/" + format.fileName(),
                        feeds.render(FeedScope.of(category), format, RENDERED_AT).bytes());
            }
            for (Author author : store.authors(RENDERED_AT)) {
                out.put("author/" + author.slug() + "/" + format.fileName(),
                        feeds.render(FeedScope.of(author), format, RENDERED_AT).bytes());
            }
        }
        out.put("index.opml", feeds.opml(RENDERED_AT).bytes());
        return out;
    }

    private static void write(Map<String, byte[]> rendered) throws IOException {
        for (String stale : committedFeeds()) {
            Files.delete(FEEDS.resolve(stale));
        }
        for (Map.Entry<String, byte[]> feed : rendered.entrySet()) {
            Path file = FEEDS.resolve(feed.getKey());
            Files.createDirectories(file.getParent());
            Files.write(file, feed.getValue());
        }
    }

    /** The rendered files now in feeds/ (the sample articles in feeds/sample/ are input, not output). */
    private static List<String> committedFeeds() throws IOException {
        try (Stream<Path> files = Files.walk(FEEDS)) {
            return files.filter(Files::isRegularFile)
                    .map(f -> FEEDS.relativize(f).toString().replace('\\', '/'))
                    .filter(f -> !f.startsWith("sample/"))
                    .filter(f -> f.endsWith(".xml") || f.endsWith(".opml") || f.endsWith(".json"))
                    .sorted().toList();
        }
    }
}
