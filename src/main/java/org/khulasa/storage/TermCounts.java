package org.khulasa.storage;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.ObjLongConsumer;
import org.jdbi.v3.core.Handle;
import org.khulasa.article.RelatedMatcher.IndexedText;

/**
 * How many indexed articles hold each term ({@code related_terms}, migration 004), kept as
 * articles are indexed and forgotten: the same portable SQL on every dialect.
 */
final class TermCounts {

    private final Handle h;

    TermCounts(Handle h) {
        this.h = h;
    }

    /** Adds {@code change} (+1 or -1) to each distinct term's count. */
    void add(IndexedText text, int change) {
        Set<String> distinct = distinctTerms(text);
        if (distinct.isEmpty()) {
            return;
        }
        String sql = change > 0
                ? "INSERT INTO related_terms (term, docs) VALUES (?, 1) "
                        + "ON CONFLICT (term) DO UPDATE SET docs = related_terms.docs + 1"
                : "UPDATE related_terms SET docs = docs - 1 WHERE term = ?";
        try (PreparedStatement update = h.getConnection().prepareStatement(sql)) {
            for (String term : distinct) {
                update.setString(1, term);
                update.addBatch();
            }
            update.executeBatch();
        } catch (SQLException e) {
            throw IndexJdbc.failure("counting index terms", e);
        }
    }

    /** Adds the articles {@code texts} to the counts at once, as {@link #add} with +1 for each would. */
    void addAll(Collection<IndexedText> texts) {
        Map<String, Integer> added = new HashMap<>();
        tally(texts, added);
        addTallied(added);
    }

    /** Adds to {@code tally} one for each distinct term of each of {@code texts}. */
    static void tally(Collection<IndexedText> texts, Map<String, Integer> tally) {
        // Counted in a small map first: a batch's articles share most of their words, so far
        // fewer additions reach the large map than there are terms in the articles. On one
        // thread: merging the maps of several would cost more than counting does.
        Map<String, int[]> counted = new HashMap<>();
        Set<String> terms = new HashSet<>();
        for (IndexedText text : texts) {
            terms.clear();
            addTerms(text.title(), terms);
            addTerms(text.body(), terms);
            for (String term : terms) {
                counted.computeIfAbsent(term, t -> new int[1])[0]++;
            }
        }
        counted.forEach((term, n) -> tally.merge(term, n[0], Integer::sum));
    }

    /** Adds each term's number of new articles holding it, as {@link #tally} counted them. */
    void addTallied(Map<String, Integer> tally) {
        if (tally.isEmpty()) {
            return;
        }
        // In term order: neighbouring terms share the b-tree's pages.
        Map<String, Integer> added = new TreeMap<>(tally);
        try (PreparedStatement update = h.getConnection().prepareStatement(
                "INSERT INTO related_terms (term, docs) VALUES (?, ?) "
                        + "ON CONFLICT (term) DO UPDATE SET docs = related_terms.docs + excluded.docs")) {
            for (Map.Entry<String, Integer> e : added.entrySet()) {
                update.setString(1, e.getKey());
                update.setInt(2, e.getValue());
                update.addBatch();
            }
            update.executeBatch();
        } catch (SQLException e) {
            throw IndexJdbc.failure("counting index terms", e);
        }
    }

    /** Every count to nothing, before all articles are indexed again. */
    void forgetAll() {
        h.execute("DELETE FROM related_terms");
    }

    /** How many terms some article holds. */
    long terms() {
        return h.createQuery("SELECT COUNT(*) FROM related_terms WHERE docs > 0").mapTo(Long.class).one();
    }

    /** How many rows hold the terms held by 2 to {@code limit} articles, in all. */
    long rareHolders(int limit) {
        return h.createQuery("SELECT COALESCE(SUM(docs), 0) FROM related_terms WHERE docs BETWEEN 2 AND :limit")
                .bind("limit", limit).mapTo(Long.class).one();
    }

    /** The terms more than {@code limit} articles hold, in the index's (binary) order. */
    List<String> heldByMore(int limit) {
        return h.createQuery("SELECT term FROM related_terms WHERE docs > :limit ORDER BY term")
                .bind("limit", limit).mapTo(String.class).list();
    }

    /** Each term some article holds, with its count, in one scan. */
    void each(ObjLongConsumer<String> consumer) {
        IndexJdbc.scan(h, "SELECT term, docs FROM related_terms WHERE docs > 0", "reading index term counts",
                rs -> consumer.accept(rs.getString(1), rs.getLong(2)));
    }

    /** The count of each of {@code terms} some article holds; a term no article holds is absent. */
    Map<String, Long> of(Collection<String> terms) {
        Map<String, Long> counts = new HashMap<>();
        InList.query(h, "SELECT term, docs FROM related_terms WHERE term IN (%s) AND docs > 0", List.copyOf(terms),
                "reading index term counts", rs -> counts.put(rs.getString(1), rs.getLong(2)));
        return counts;
    }

    private static Set<String> distinctTerms(IndexedText text) {
        Set<String> terms = new HashSet<>();
        addTerms(text.title(), terms);
        addTerms(text.body(), terms);
        return terms;
    }

    /** The space-separated terms of {@code joined} (as {@link IndexedText} holds them), into {@code terms}. */
    private static void addTerms(String joined, Set<String> terms) {
        for (int start = 0; start < joined.length(); ) {
            int end = joined.indexOf(' ', start);
            if (end < 0) {
                end = joined.length();
            }
            if (end > start) {
                terms.add(joined.substring(start, end));
            }
            start = end + 1;
        }
    }
}
