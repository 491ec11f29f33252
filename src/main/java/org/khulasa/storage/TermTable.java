package org.khulasa.storage;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.khulasa.article.WordIndex.Holders;

/**
 * The index's terms as a pass over the whole archive asks them, held in memory for the pass:
 * every term's count ({@link TermCounts}), and every rare term's holders (the articles whose
 * rows hold it, a term held by at most the searches' limit). Read in a few scans, then answered
 * without a query or a lock, from primitive arrays ({@link TermSlots}); the alternative, one
 * search per term, costs most at a million articles, where rare terms are the many and no cache
 * of recent answers keeps them.
 *
 * <p>The common terms' lists are too long to read whole, and only their newest part is searched:
 * that answer is kept here too the first time it is found ({@link #keep}), for the rest of the
 * pass, so that a pass over a large archive keeps no cache of objects that the garbage collector
 * would have to trace and evict.
 *
 * <p>Bounded: an index of more than {@value #MOST_TERMS} terms is not read at all (some 40 bytes
 * a term, 60 MB at most), rare terms' holders only up to {@value #MOST_HOLDERS} in all
 * (4 bytes each, 32 MB at most), and common terms' up to {@value #MOST_COMMON_HOLDERS} (24 MB);
 * the terms left out are searched as before.
 */
final class TermTable {

    static final int MOST_TERMS = 1_500_000;
    static final int MOST_HOLDERS = 8_000_000;
    static final int MOST_COMMON_HOLDERS = 6_000_000;
    /** A term found with more holders than this is left to the searches, whatever its count said. */
    private static final int MOST_PER_TERM = 1_000;

    private final TermSlots terms;
    private final int[] counts;
    /** Each rare term's holders: from {@code first}, {@code held} ids, newest first; title holders negative. */
    private final int[] first;
    private final short[] held;
    /** Allocated at the first row listed ({@link #holderArray}). */
    private int[] holders;
    private final int room;
    /** Terms held by more articles than this are common: their holders are kept once searched. */
    private final int limit;
    /** The common terms' holders as kept, from {@code first} of their slots, {@code held} of them; guarded by this. */
    private final int[] common;
    private int commonUsed;

    private TermTable(int terms, int room, int limit, int commonRoom) {
        this.terms = new TermSlots(terms);
        this.counts = new int[this.terms.capacity()];
        this.first = new int[this.terms.capacity()];
        this.held = new short[this.terms.capacity()];
        this.room = room;
        this.limit = limit;
        this.common = new int[commonRoom];
    }

    /**
     * {@code index}'s terms, the holders of those held by at most {@code limit} articles
     * included where the dialect can list them; empty when it has too many terms. With
     * {@code beside} (another connection to the same database, or null), half of the holders are
     * listed through it, on another thread.
     */
    static Optional<TermTable> read(StoredWordIndex index, StoredWordIndex beside, int limit) {
        long count = index.termCount();
        if (count > MOST_TERMS) {
            return Optional.empty();
        }
        long rareHolders = index.rareHolderCount(limit);
        List<String> common = index.termsHeldByMore(limit);
        TermTable table = new TermTable((int) count, (int) Math.min(MOST_HOLDERS, rareHolders), limit,
                (int) Math.min(MOST_COMMON_HOLDERS, (long) common.size() * limit));
        // Split at the middle common term: the rare terms before it are listed here, the rest beside.
        int split = beside == null ? 0 : common.size() / 2;
        String pivot = split == 0 ? null : common.get(split - 1);
        boolean[] full = {false};
        long[] below = {0};
        index.eachTermCount((term, docs) -> {
            int slot = table.terms.add(term);
            if (slot < 0) {
                full[0] = true;
            } else {
                table.counts[slot] = (int) docs;
            }
            // Java orders these terms (letters and digits of the Basic Multilingual Plane) as SQLite does.
            if (pivot != null && docs >= 2 && docs <= limit && term.compareTo(pivot) < 0) {
                below[0] += docs;
            }
        });
        if (full[0]) {
            // Terms counted since the count was taken overfilled it.
            return Optional.empty();
        }
        table.terms.trim();
        table.readRareHolders(index, beside, common, split, (int) Math.min(table.room, below[0]));
        return Optional.of(table);
    }

    /**
     * Lists the index's rows but the common terms' ({@code common}), whose long lists are searched
     * instead: those of the terms before the {@code split}th common one through {@code index},
     * into the first {@code roomBelow} holders, the rest through {@code beside} at once.
     */
    private void readRareHolders(StoredWordIndex index, StoredWordIndex beside, List<String> common, int split,
            int roomBelow) {
        // Open at both ends: the rows before the first common term and after the last.
        List<String> bounds = new ArrayList<>(Collections.nCopies(common.size() + 2, null));
        Collections.copy(bounds.subList(1, common.size() + 1), common);
        if (split == 0) {
            list(index, bounds, new Collector(0, room));
            return;
        }
        CompletableFuture<Void> above = CompletableFuture.runAsync(
                () -> list(beside, bounds.subList(split, bounds.size()), new Collector(roomBelow, room)));
        try {
            list(index, bounds.subList(0, split + 1), new Collector(0, roomBelow));
        } finally {
            // The caller closes the other connection once this returns: its listing must be over.
            try {
                above.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException cause ? cause : e;
            }
        }
    }

    /** Lists the rows between {@code bounds} into {@code collect}. */
    private static void list(StoredWordIndex index, List<String> bounds, Collector collect) {
        if (index.eachPosting(bounds, collect)) {
            collect.endTerm();
        }
    }

    /** The holders' array, made at the first row listed: a dialect that lists none needs no room. */
    private synchronized int[] holderArray() {
        if (holders == null) {
            holders = new int[room];
        }
        return holders;
    }

    /** Whether rare terms' holders are here (the dialect listed its rows); read once the table is. */
    boolean holdsRare() {
        return holders != null;
    }

    /** How many indexed articles hold {@code term}: 0 when none does. */
    long count(String term) {
        int slot = terms.find(term);
        return slot < 0 ? 0 : counts[slot];
    }

    /**
     * {@code term}'s newest holders, at most {@code limit}, with their title marks: a rare term's
     * if held here, a common term's if {@link #keep} kept them. A rare term's are read without a
     * lock: they do not change after {@link #read}.
     */
    Optional<Holders> holders(String term, int limit) {
        int slot = terms.find(term);
        if (slot < 0) {
            return Optional.empty();
        }
        if (counts[slot] > this.limit) {
            return kept(slot, limit);
        }
        // Every holder of a held term is here: the first ones are the newest, whatever the limit.
        return held[slot] == 0 ? Optional.empty() : Optional.of(holders(holders, slot, Math.min(limit, held[slot])));
    }

    private synchronized Optional<Holders> kept(int slot, int limit) {
        return held[slot] == 0 || limit > this.limit ? Optional.empty()
                : Optional.of(holders(common, slot, Math.min(limit, held[slot])));
    }

    /**
     * Keeps {@code found}, a common term's newest holders with their title marks, searched with
     * this table's limit, for {@link #holders}; false when it was not kept (not a common term, or
     * no room left).
     */
    synchronized boolean keep(String term, Holders found) {
        int slot = terms.find(term);
        long[] ids = found.ids();
        if (slot < 0 || counts[slot] <= limit || held[slot] != 0 || found.inTitle() == null || ids.length == 0
                || ids.length > limit || commonUsed + ids.length > common.length) {
            return false;
        }
        for (long id : ids) {
            if (id > Integer.MAX_VALUE) {
                return false;
            }
        }
        first[slot] = commonUsed;
        for (int i = 0; i < ids.length; i++) {
            common[commonUsed++] = found.titled(i) ? -(int) ids[i] : (int) ids[i];
        }
        held[slot] = (short) ids.length;
        return true;
    }

    /**
     * Whether {@code term}'s newest holders, searched with {@code limit}, would be kept once found
     * ({@link #keep}): a common term, while there is room.
     */
    synchronized boolean keeps(String term, int limit) {
        int slot = terms.find(term);
        return limit == this.limit && slot >= 0 && counts[slot] > limit && commonUsed + limit <= common.length;
    }

    /** The first {@code n} of {@code slot}'s holders in {@code from}, title holders marked by their sign. */
    private Holders holders(int[] from, int slot, int n) {
        long[] ids = new long[n];
        boolean[] inTitle = new boolean[n];
        for (int i = 0; i < n; i++) {
            int id = from[first[slot] + i];
            ids[i] = Math.abs(id);
            inTitle[i] = id < 0;
        }
        return new Holders(ids, inTitle);
    }

    /** Gathers each term's rows (term, then id order) into its part of the holders: {@code used} to {@code end}. */
    private final class Collector implements StoredWordIndex.Postings {
        private int[] into;
        private int used;
        private final int end;
        private String term;
        private final IntList ids = new IntList();
        /** The term has more holders than a rare one can (its count was behind): searched instead. */
        private boolean tooMany;
        private boolean full;

        Collector(int from, int end) {
            this.used = from;
            this.end = end;
        }

        @Override
        public boolean accept(String t, long id, boolean inTitle) {
            if (into == null) {
                into = holderArray();
            }
            if (!t.equals(term)) {
                endTerm();
                term = t;
            }
            if (full) {
                return false;
            }
            if (tooMany || ids.size >= MOST_PER_TERM || id > Integer.MAX_VALUE) {
                tooMany = true;
                return true;
            }
            int last = ids.size - 1;
            if (last >= 0 && Math.abs(ids.values[last]) == id) {
                // The same article's other column.
                ids.values[last] = inTitle ? -(int) id : ids.values[last];
            } else {
                ids.add(inTitle ? -(int) id : (int) id);
            }
            return true;
        }

        /** Keeps the gathered term's holders, newest first, if another article than one holds it and they fit. */
        void endTerm() {
            if (term != null && ids.size >= 2 && !tooMany && !full) {
                int slot = terms.find(term);
                if (used + ids.size > end) {
                    full = true;
                } else if (slot >= 0) {
                    // A term counted since the counts were read has no slot: it is searched.
                    first[slot] = used;
                    held[slot] = (short) ids.size;
                    for (int i = ids.size - 1; i >= 0; i--) {
                        into[used++] = ids.values[i];
                    }
                }
            }
            term = null;
            tooMany = false;
            ids.size = 0;
        }
    }

    /** A growable list of ints: one term's rows. */
    private static final class IntList {
        private int[] values = new int[256];
        private int size;

        void add(int value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }
    }
}
