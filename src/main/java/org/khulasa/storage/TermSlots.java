package org.khulasa.storage;

import java.util.Arrays;

/**
 * A fixed set of terms, each with a slot number, in open addressing over primitive arrays: the
 * lookup a pass over the whole archive makes for every word of every article, without a boxed
 * map entry per term. The tables built on it keep what they know of each term in arrays indexed
 * by its slot.
 */
final class TermSlots {

    /** Each slot's term's hash, 0 where free; its chars are {@code chars[starts[slot]]} on, {@code lengths[slot]} of them. */
    private final int[] hashes;
    private final int[] starts;
    private final short[] lengths;
    /** The terms' chars, one after another. */
    private char[] chars = new char[1 << 16];
    private int used;
    private int size;

    /** Room for {@code terms} terms, with a quarter of the slots to spare so that probes stay short. */
    TermSlots(int terms) {
        int capacity = 16 + terms / 3 * 4 + 4;
        hashes = new int[capacity];
        starts = new int[capacity];
        lengths = new short[capacity];
    }

    /** How many slots there are: the length of the arrays kept beside. */
    int capacity() {
        return hashes.length;
    }

    /** {@code term}'s slot, taken now if it had none; -1 when too full to take another, or the term too long to keep. */
    int add(String term) {
        if (term.length() > Short.MAX_VALUE) {
            return -1;
        }
        int hash = hash(term);
        int slot = slot(term, hash);
        if (hashes[slot] == 0) {
            if (4L * (size + 1) > 3L * hashes.length) {
                return -1;
            }
            hashes[slot] = hash;
            if (used + term.length() > chars.length) {
                chars = Arrays.copyOf(chars, Math.max(chars.length * 2, used + term.length()));
            }
            term.getChars(0, term.length(), chars, used);
            starts[slot] = used;
            lengths[slot] = (short) term.length();
            used += term.length();
            size++;
        }
        return slot;
    }

    /** Gives back the room the terms' chars have to spare, once all of them are in. */
    void trim() {
        chars = Arrays.copyOf(chars, used);
    }

    /** {@code term}'s slot, or -1 when it has none. */
    int find(String term) {
        int slot = slot(term, hash(term));
        return hashes[slot] == 0 ? -1 : slot;
    }

    private int slot(String term, int hash) {
        // The hash scaled to the table (no power-of-two size needed).
        int slot = (int) (((hash & 0xFFFFFFFFL) * hashes.length) >>> 32);
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
    private static int hash(String term) {
        int h = 0x811c9dc5;
        for (int i = 0; i < term.length(); i++) {
            h = (h ^ term.charAt(i)) * 0x01000193;
        }
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        return h == 0 ? 1 : h;
    }
}
