package org.khulasa.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;
import org.khulasa.article.ArticleDraft;
import org.khulasa.article.ArticleStore;
import org.khulasa.article.IdempotencyKey;
import org.khulasa.article.RelatedLink;
import org.khulasa.related.RelatedArticles;
import org.khulasa.storage.Database;
import org.khulasa.web.ArticleRequest;

/**
 * What one create costs the server in CPU, in process, on a filled archive (by hand, never as a
 * test; see bench/README.md): the editor's JSON parsed and sanitized as the API does
 * ({@link ArticleRequest}), then {@link ArticleStore#create} with its related list, the index and
 * the {@code synchronous=FULL} commit; this thread's CPU time (user + system) and wall time per
 * create. HTTP and the 201's JSON are left out. One editor, one create at a time.
 *
 * <pre>CreateBench DB_FILE ARCHIVE_SIZE WARMUP SAMPLES</pre>
 *
 * Writes WARMUP + SAMPLES new articles into DB_FILE (give it a copy of the archive): the texts of
 * HttpBench's ingest (a story still in the news, 5 KB bodies), the same for every run. The last
 * line on stdout is {@code key=value …}, with {@code lists=}, a checksum of every chosen related
 * list, so that two builds run on copies of one archive can be seen to choose the same lists.
 */
public final class CreateBench {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int BODY_BYTES = 5_000;

    private CreateBench() {
    }

    public static void main(String[] args) throws Exception {
        long archiveSize = Long.parseLong(args[1]);
        int warmup = Integer.parseInt(args[2]);
        int samples = Integer.parseInt(args[3]);
        SyntheticArabic synthetic = new SyntheticArabic();
        List<byte[]> requests = new ArrayList<>();
        for (int i = 0; i < warmup + samples; i++) {
            requests.add(JSON.writeValueAsBytes(HttpBench.article(synthetic, archiveSize - 2_000 + i % 2_000, null, BODY_BYTES)));
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long[] cpu = new long[samples];
        long[] wall = new long[samples];
        CRC32 lists = new CRC32();
        int linked = 0;
        try (ArticleStore store = Database.open("jdbc:sqlite:" + args[0], Clock.systemUTC(), new RelatedArticles(3))) {
            for (int i = 0; i < requests.size(); i++) {
                long cpu0 = threads.getCurrentThreadCpuTime();
                long wall0 = System.nanoTime();
                ArticleDraft draft = ArticleRequest.parse(new ByteArrayInputStream(requests.get(i)));
                ArticleStore.Created created = store.create(draft, IdempotencyKey.NONE);
                long cpuSpent = threads.getCurrentThreadCpuTime() - cpu0;
                long wallSpent = System.nanoTime() - wall0;
                if (i >= warmup) {
                    cpu[i - warmup] = cpuSpent;
                    wall[i - warmup] = wallSpent;
                }
                // Which stored articles the list names, by their text: ids differ from copy to copy only if creates failed.
                for (RelatedLink link : created.article().related()) {
                    lists.update((i + ":" + link.title() + "\n").getBytes(StandardCharsets.UTF_8));
                    linked++;
                }
            }
        }
        Arrays.sort(cpu);
        Arrays.sort(wall);
        System.out.printf("cpu_p50=%.2f cpu_p99=%.2f cpu_mean=%.2f wall_p50=%.2f wall_p99=%.2f links=%d lists=%08x%n",
                p(cpu, 0.5), p(cpu, 0.99), Arrays.stream(cpu).average().orElse(0) / 1e6, p(wall, 0.5), p(wall, 0.99),
                linked, lists.getValue());
    }

    private static double p(long[] sorted, double q) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(sorted.length * q) - 1)] / 1e6;
    }
}
