package org.khulasa.wordpress;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What an import did: counts, what was left out and why, items skipped, warnings with post ids. */
public final class ImportReport {
    /** Lines kept of each list; a million-post export must not hold a million warnings. */
    static final int SHOWN = 1000;
    private long imported;
    private long scheduled;
    private long alreadyThere;
    private long comments;
    private long imagesGiven;
    private long imagesOwed;
    private boolean unindexed;
    private final Map<String, Long> leftOut = new TreeMap<>();
    private final List<String> malformed = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    private long malformedCount;
    private long warningCount;

    void imported(boolean isScheduled) {
        imported++;
        if (isScheduled) {
            scheduled++;
        }
    }

    void countAlreadyThere() {
        alreadyThere++;
    }

    void comments(int n) {
        comments += n;
    }

    void imagesGiven(int n) {
        imagesGiven += n;
    }

    void imagesOwed(long n) {
        imagesOwed = n;
    }

    /** The run left the articles' words unindexed and their related lists unchosen ({@code --no-related}). */
    void unindexed() {
        unindexed = true;
    }

    void leftOut(String reason) {
        leftOut.merge(reason, 1L, Long::sum);
    }

    void malformed(WxrItem item, String why) {
        if (++malformedCount <= SHOWN) {
            malformed.add("post " + (item.postId() == null ? "?" : item.postId()) + " (line " + item.line() + "): " + why);
        }
    }

    void warn(WxrItem item, String what) {
        if (++warningCount <= SHOWN) {
            warnings.add("post " + item.postId() + ": " + what);
        }
    }

    public void print(PrintStream out) {
        out.printf("Imported %,d articles (%,d of them scheduled); %,d were imported before.%n",
                imported, scheduled, alreadyThere);
        if (!leftOut.isEmpty() || comments > 0) {
            List<String> parts = new ArrayList<>();
            leftOut.forEach((reason, n) -> parts.add(String.format("%,d %s", n, reason)));
            if (comments > 0) {
                parts.add(String.format("%,d comments", comments));
            }
            out.println("Left out (not published by Khulasa): " + String.join(", ", parts) + ".");
        }
        if (imagesGiven > 0) {
            out.printf("Featured images added to %,d articles imported before them.%n", imagesGiven);
        }
        if (imagesOwed > 0) {
            out.printf("%,d imported articles show a featured image that no export imported so far holds; if the site "
                    + "was exported in parts, importing its Media export (Tools → Export → Media) adds them.%n", imagesOwed);
        }
        if (unindexed) {
            out.println("Search does not find the imported articles yet, and they have no related lists: run "
                    + "--recompute-related to index their words and choose the lists (the server may keep running).");
        }
        if (!malformed.isEmpty()) {
            out.printf("Skipped %,d malformed items:%n", malformedCount);
            malformed.forEach(m -> out.println("  " + m));
            if (malformedCount > SHOWN) {
                out.printf("  … and %,d more%n", malformedCount - SHOWN);
            }
        }
        if (!warnings.isEmpty()) {
            out.printf("Warnings (%,d):%n", warningCount);
            warnings.forEach(w -> out.println("  " + w));
            if (warningCount > SHOWN) {
                out.printf("  … and %,d more%n", warningCount - SHOWN);
            }
        }
    }
}
