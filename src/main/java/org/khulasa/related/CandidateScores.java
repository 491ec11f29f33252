package org.khulasa.related;

import java.util.Arrays;

/**
 * Each candidate's score so far and how many of the searched terms it holds, by article id:
 * ranking adds to it some thousands of times per article, so it holds primitives in open
 * addressing rather than a boxed map. Ids are positive (0 marks a free slot). One is {@link #clear}ed
 * and used again from article to article: its arrays (some 160 KB for a full query) would
 * otherwise be most of what a pass over the archive allocates.
 */
final class CandidateScores {

    private long[] ids;
    private double[] scores;
    private int[] shared;
    private int size;

    /** Room for {@code expected} candidates before it grows. */
    CandidateScores(int expected) {
        allocate(Integer.highestOneBit(Math.max(8, expected) * 2 - 1) << 1);
    }

    private void allocate(int capacity) {
        ids = new long[capacity];
        scores = new double[capacity];
        shared = new int[capacity];
        size = 0;
    }

    /** {@code id} holds one more searched term, of weight {@code weight}. */
    void add(long id, double weight) {
        if (id <= 0) {
            throw new IllegalArgumentException("no article has id " + id);
        }
        int slot = slot(id);
        if (ids[slot] == 0) {
            if (2 * (size + 1) > ids.length) {
                grow();
                slot = slot(id);
            }
            ids[slot] = id;
            size++;
        }
        scores[slot] += weight;
        shared[slot]++;
    }

    /** Where {@code id} is, or the free slot where it goes. */
    private int slot(long id) {
        int mask = ids.length - 1;
        int slot = (int) ((id * 0x9E3779B97F4A7C15L) >>> 40) & mask;
        while (ids[slot] != id && ids[slot] != 0) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    private void grow() {
        long[] oldIds = ids;
        double[] oldScores = scores;
        int[] oldShared = shared;
        allocate(oldIds.length * 2);
        for (int i = 0; i < oldIds.length; i++) {
            if (oldIds[i] != 0) {
                int slot = slot(oldIds[i]);
                ids[slot] = oldIds[i];
                scores[slot] = oldScores[i];
                shared[slot] = oldShared[i];
                size++;
            }
        }
    }

    /** Forgets every candidate, keeping the room. */
    void clear() {
        if (size > 0) {
            Arrays.fill(ids, 0);
            Arrays.fill(scores, 0);
            Arrays.fill(shared, 0);
            size = 0;
        }
    }

    /** How many candidates there are. */
    int size() {
        return size;
    }

    /** What {@link #forEach} hands each candidate. */
    interface Visitor {
        void visit(long id, double score, int shared);
    }

    void forEach(Visitor visitor) {
        for (int slot = 0; slot < ids.length; slot++) {
            if (ids[slot] != 0) {
                visitor.visit(ids[slot], scores[slot], shared[slot]);
            }
        }
    }
}
