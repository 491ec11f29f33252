package org.khulasa;

import java.io.PrintStream;
import org.khulasa.article.ArticleStore.RelatedProgress;

/** Progress of a full related-list recompute, as lines a person at a terminal can follow. */
public final class RecomputeProgress implements RelatedProgress {
    private static final long EVERY_MILLIS = 2000;

    private final PrintStream out;
    private final long started = System.nanoTime();
    private long lastPrinted;
    private String lastStep = "";

    RecomputeProgress(PrintStream out) {
        this.out = out;
    }

    public static RecomputeProgress toStandardOutput() {
        return new RecomputeProgress(System.out);
    }

    @Override
    public void report(String step, long done, long total) {
        long now = System.nanoTime();
        boolean newStep = !step.equals(lastStep);
        if (newStep || done >= total || (now - lastPrinted) / 1_000_000 >= EVERY_MILLIS) {
            long seconds = (now - started) / 1_000_000_000;
            out.printf("%s: %d/%d (%d%%), %d s%n", step, done, total,
                    total == 0 ? 100 : done * 100 / total, seconds);
            out.flush();
            lastPrinted = now;
            lastStep = step;
        }
    }
}
