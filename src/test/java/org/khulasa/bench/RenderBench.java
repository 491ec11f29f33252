package org.khulasa.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.khulasa.Config;
import org.khulasa.article.Article;
import org.khulasa.article.ArticleDraft;
import org.khulasa.article.ArticleStore;
import org.khulasa.feed.FeedFormat;
import org.khulasa.feed.FeedScope;
import org.khulasa.feed.Feeds;
import org.khulasa.links.SiteLinks;
import org.khulasa.related.RelatedArticles;
import org.khulasa.storage.Database;
import org.khulasa.storage.JdbiArticleStore;

/**
 * Figure (3) in-process, beside HttpBench's HTTP figure: one cache miss of the politics feed
 * (query, Rome, gzip) in wall time and in this thread's CPU time. Before each sample one article
 * of the feed is replaced (not timed), as an editor's write would, so the render never finds
 * every item as it last saw it. On a shared machine the CPU time says what the code costs; the
 * wall time adds what waiting for a core costs. Run by {@code bench/run.sh} on the archive while
 * no server is running (it rewrites the feed's articles with their own kind of text):
 *
 * <pre>RenderBench DB_FILE SAMPLES [GZIP_LEVEL]</pre>
 *
 * GZIP_LEVEL defaults to the server's (FeedCache); give 6, the JDK's default, to time a build
 * from before the server chose its own.
 */
public final class RenderBench {
    /** As {@code FeedCache.GZIP_LEVEL}. */
    private static final int SERVER_GZIP_LEVEL = 4;

    private RenderBench() {
    }

    public static void main(String[] args) throws Exception {
        int samples = Integer.parseInt(args[1]);
        int gzipLevel = args.length > 2 ? Integer.parseInt(args[2]) : SERVER_GZIP_LEVEL;
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        try (JdbiArticleStore store = Database.open("jdbc:sqlite:" + args[0], Clock.systemUTC(), new RelatedArticles(3))) {
            Feeds feeds = new Feeds(store, new SiteLinks("http://127.0.0.1"), Config.DEFAULT_SITE_TITLE, 50, java.time.ZoneOffset.UTC);
            FeedScope politics = feeds.category("politics", java.time.Instant.now()).orElseThrow();
            List<Article> shown = store.list(politics.query(Instant.now(), 50));
            if (shown.isEmpty()) {
                throw new IllegalStateException("the politics feed is empty");
            }
            SyntheticArabic synthetic = new SyntheticArabic();
            int edits = 0;
            StringBuilder out = new StringBuilder();
            for (FeedFormat format : FeedFormat.values()) {
                for (int i = 0; i < samples / 2; i++) {
                    edit(store, shown.get(edits % shown.size()), synthetic, edits++);
                    gzip(feeds.render(politics, format, Instant.now()).bytes(), gzipLevel); // warm-up
                }
                long[] wall = new long[samples];
                long[] cpu = new long[samples];
                for (int i = 0; i < samples; i++) {
                    edit(store, shown.get(edits % shown.size()), synthetic, edits++);
                    long cpu0 = threads.getCurrentThreadCpuTime();
                    long wall0 = System.nanoTime();
                    gzip(feeds.render(politics, format, Instant.now()).bytes(), gzipLevel);
                    wall[i] = System.nanoTime() - wall0;
                    cpu[i] = threads.getCurrentThreadCpuTime() - cpu0;
                }
                Arrays.sort(wall);
                Arrays.sort(cpu);
                String f = format.name().toLowerCase();
                out.append(String.format("%s_wall_p50=%.2f %s_wall_p99=%.2f %s_cpu_p50=%.2f %s_cpu_p99=%.2f ",
                        f, p(wall, 0.5), f, p(wall, 0.99), f, p(cpu, 0.5), f, p(cpu, 0.99)));
            }
            System.out.println(out.toString().trim());
        }
    }

    /** Replaces the article's body with another of the archive's kind, keeping the rest; the feed keeps its size. */
    private static void edit(ArticleStore store, Article article, SyntheticArabic synthetic, int n) {
        ArticleDraft draft = ArticleDraft.published(article.content().title(), article.content().summary(),
                synthetic.article(article.id() * 1_000L + n).body(), article.content().category(),
                article.content().authors(), article.content().published(), List.of(), article.tags(), article.image());
        store.update(article.id(), draft, org.khulasa.article.Revisions.ANY).orElseThrow();
    }

    private static double p(long[] sorted, double q) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(sorted.length * q) - 1)] / 1e6;
    }

    private static byte[] gzip(byte[] bytes, int level) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 4 + 64);
        try (GZIPOutputStream gz = new GZIPOutputStream(out) {
            {
                def.setLevel(level);
            }
        }) {
            gz.write(bytes);
        }
        return out.toByteArray();
    }
}
