package org.khulasa.article;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The store's word index, as a {@link RelatedMatcher} searches it during one write. */
public interface WordIndex {

    /**
     * Ids of the newest indexed articles holding {@code term} (in the title or tags only, or
     * anywhere), newest first, at most {@code limit}; scheduled ones included.
     */
    List<Long> newestWith(String term, boolean titleOnly, int limit);

    /**
     * Which of {@code among} (ids {@link #newestWith} found for {@code term}) hold it in their
     * title or tags. Searches only between the lowest and the highest of them, where every holder
     * of the term is one of them: cheaper than the newest title holders, which for a word common
     * in bodies but rare in titles means reading its whole list.
     */
    Set<Long> titlesWith(String term, List<Long> among);

    /**
     * {@link #newestWith} the term anywhere, with which of them hold it in their title or tags
     * when {@code titles} is asked ({@link #titlesWith}): one answer, which an index searched
     * many times may keep whole.
     */
    default Holders holders(String term, boolean titles, int limit) {
        List<Long> ids = newestWith(term, false, limit);
        long[] held = ids.stream().mapToLong(Long::longValue).toArray();
        if (!titles) {
            return new Holders(held, null);
        }
        Set<Long> inTitle = titlesWith(term, ids);
        boolean[] titled = new boolean[held.length];
        for (int i = 0; i < held.length; i++) {
            titled[i] = inTitle.contains(held[i]);
        }
        return new Holders(held, titled);
    }

    /**
     * How many indexed articles hold each of {@code terms} (the article being matched is
     * already indexed, so it counts too); a term no article holds is absent.
     */
    Map<String, Long> articlesWith(Collection<String> terms);

    /** The highest article id so far: the archive's size, near enough. */
    long newestId();

    /** What ranking needs of each article that still exists among {@code ids}. */
    List<Candidate> describe(Collection<Long> ids);

    /**
     * The newest articles holding a term, newest first, and whether each holds it in its title
     * or tags ({@code inTitle} null when that was not asked).
     */
    record Holders(long[] ids, boolean[] inTitle) {

        public boolean titled(int i) {
            return inTitle != null && inTitle[i];
        }

        /** What this holds, in longs (8 bytes), for a cache's bound. */
        public int size() {
            return ids.length + (inTitle == null ? 0 : ids.length / 8 + 1);
        }
    }

    /** An article that might be related: its category slug, publication time and tags. */
    record Candidate(long id, String category, Instant published, List<String> tags) {
        public Candidate {
            tags = List.copyOf(tags);
        }
    }
}
