package org.khulasa.storage;

import java.util.Arrays;
import java.util.Optional;

/**
 * Every term count of the index at once ({@link TermCounts}), for a pass that asks the counts of
 * every word of every article it matches: read in one scan, then answered without a query or a
 * lock, from primitive arrays in open addressing (a few hundred boxed map entries per article
 * cost more than the rest of the ranking). Only for archives of at most {@code most} terms, so
 * that its memory stays bounded.
 */
final class TermCountTable {

    private final long[] hashes;
    private final int[] counts;
    private final int[] starts;
    private final int[] lengths;
    /** The terms' chars, one after another. */
    private char[] chars = new char[1 << 16];
    private int used;
    private int size;

    private TermCountTable(int terms) {
        // A quarter of the slots to spare: probes stay short.
        int capacity = 16 + terms / 3 * 4 + 4;
        hashes = new long[capacity];
        counts = new int[capacity];
        starts = new int[capacity];
        lengths = new int[capacity];
    }

    /** The counts of {@code index}, or empty when it holds more than {@code most} terms. */
    static Optional<TermCountTable> read(StoredWordIndex index, int most) {
        long terms = index.termCount();
        if (terms > most) {
            return Optional.empty();
        }
        TermCountTable table = new TermCountTable((int) terms);
        boolean[] full = {false};
        index.eachTermCount((term, docs) -> full[0] = full[0] || !table.put(term, docs));
        // Terms counted since the count was taken could overfill it: then the caller does without.
        return full[0] ? Optional.empty() : Optional.of(table);
    }

    /** False when the table is too full to take another term. */
    private boolean put(String term, long docs) {
        long hash = hash(term);
        int slot = slot(term, hash);
        if (hashes[slot] == 0) {
            if (4L * (size + 1) > 3L * hashes.length) {
                return false;
            }
            hashes[slot] = hash;
            if (used + term.length() > chars.length) {
                chars = Arrays.copyOf(chars, Math.max(chars.length * 2, used + term.length()));
            }
            term.getChars(0, term.length(), chars, used);
            starts[slot] = used;
            lengths[slot] = term.length();
            used += term.length();
            size++;
        }
        counts[slot] = (int) docs;
        return true;
    }

    /** How many indexed articles hold {@code term}: 0 when none does. */
    long get(String term) {
        int slot = slot(term, hash(term));
        return hashes[slot] == 0 ? 0 : counts[slot];
    }

    private int slot(String term, long hash) {
        // The hash's high half scaled to the table (no power-of-two size needed).
        int slot = (int) (((hash >>> 32) * hashes.length) >>> 32);
        while (hashes[slot] != 0 && (hashes[slot] != hash || !holds(slot, term))) {
            slot = slot + 1 == hashes.length ? 0 : slot + 1;
        }
        return slot;
    }

    private boolean holds(int slot, String term) {
        if (lengths[slot] != term.length()) {
            return false;
        }
        for (int i = 0; i < term.length(); i++) {
            if (chars[starts[slot] + i] != term.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** FNV-1a over the chars, then mixed; never 0, which marks a free slot. */
    private static long hash(String term) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < term.length(); i++) {
            h = (h ^ term.charAt(i)) * 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        return h == 0 ? 1 : h;
    }
}
