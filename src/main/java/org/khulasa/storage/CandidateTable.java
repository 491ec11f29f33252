package org.khulasa.storage;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.khulasa.article.WordIndex.Candidate;

/**
 * What ranking reads of every candidate ({@link CandidateReads#describe}: each published
 * article's category, time and tags), read in two scans before a pass over the whole archive and
 * held in primitive arrays indexed by article id: a pass describes some forty candidates per
 * article, and a cache of recent descriptions kept as objects costs the garbage collector more
 * than the reads it saves. Only for archives whose ids stay under {@value #MOST_IDS} (some 22
 * bytes an id, 45 MB at most).
 */
final class CandidateTable {

    static final int MOST_IDS = 2_000_000;

    /** Publication time by id, epoch ms; {@link #NONE} where no published article has the id. */
    private final long[] published;
    private final short[] category;
    private final List<String> categories = new ArrayList<>();
    /** Each article's tags: {@code tags[tagsFrom[id]]} to {@code tags[tagsFrom[id + 1]]}, indexes into {@link #tagNames}. */
    private final int[] tagsFrom;
    private int[] tags = new int[1 << 16];
    private final List<String> tagNames = new ArrayList<>();
    private static final long NONE = Long.MIN_VALUE;

    private CandidateTable(int newestId) {
        published = new long[newestId + 1];
        Arrays.fill(published, NONE);
        category = new short[newestId + 1];
        tagsFrom = new int[newestId + 2];
    }

    /** Every candidate of {@code reads}, or empty for an archive of ids too high or too many categories. */
    static Optional<CandidateTable> read(CandidateReads reads) {
        long newest = reads.newestId();
        if (newest >= MOST_IDS) {
            return Optional.empty();
        }
        CandidateTable table = new CandidateTable((int) newest);
        Map<String, Short> categoryIndex = new HashMap<>();
        boolean[] fits = {true};
        reads.eachPublished((id, slug, at) -> {
            if (id > newest || categoryIndex.size() >= Short.MAX_VALUE) {
                fits[0] = false; // written since the newest id was read
                return;
            }
            table.published[(int) id] = at;
            table.category[(int) id] = categoryIndex.computeIfAbsent(slug, s -> {
                table.categories.add(s);
                return (short) (table.categories.size() - 1);
            });
        });
        Map<String, Integer> tagIndex = new HashMap<>();
        int[] next = {1, 0}; // the next id whose start is unset, how many tags so far
        reads.eachTag((id, name) -> {
            if (id > newest || id < next[0] - 1) {
                fits[0] = false; // out of order, or written since
                return;
            }
            while (next[0] <= id) {
                table.tagsFrom[next[0]++] = next[1];
            }
            if (next[1] == table.tags.length) {
                table.tags = Arrays.copyOf(table.tags, next[1] * 2);
            }
            table.tags[next[1]++] = tagIndex.computeIfAbsent(name, n -> {
                table.tagNames.add(n);
                return table.tagNames.size() - 1;
            });
        });
        while (next[0] < table.tagsFrom.length) {
            table.tagsFrom[next[0]++] = next[1];
        }
        return fits[0] ? Optional.of(table) : Optional.empty();
    }

    /** As {@link CandidateReads#describe}: the published articles among {@code ids}, described. */
    List<Candidate> describe(Collection<Long> ids) {
        List<Candidate> found = new ArrayList<>(ids.size());
        for (long id : ids) {
            if (id <= 0 || id >= published.length || published[(int) id] == NONE) {
                continue;
            }
            int i = (int) id;
            List<String> names = new ArrayList<>(tagsFrom[i + 1] - tagsFrom[i]);
            for (int t = tagsFrom[i]; t < tagsFrom[i + 1]; t++) {
                names.add(tagNames.get(tags[t]));
            }
            found.add(new Candidate(id, categories.get(category[i]), Instant.ofEpochMilli(published[i]), names));
        }
        return found;
    }
}
