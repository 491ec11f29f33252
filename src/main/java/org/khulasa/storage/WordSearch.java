package org.khulasa.storage;

import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;

/**
 * Site search over the related-article word index, in each dialect's own words: its match
 * syntax, and how it keeps a match to titles (and tags). The terms are letters and digits only
 * (org.khulasa.related splits every other character away), so quoting each is all either syntax
 * needs: no operator, quote or NUL a reader types reaches the database as anything but a separator.
 */
abstract sealed class WordSearch permits SqliteWordSearch, PostgresWordSearch {

    private final String newestSql;

    /**
     * {@code newestIds}: the dialect's query for the ids ({@code id}) of the {@code :newest} newest
     * rows of the index matching {@code :match}, newest first.
     */
    WordSearch(String newestIds) {
        this.newestSql = """
                SELECT m.id, a.published_at FROM (%s) m
                JOIN articles a ON a.id = m.id
                WHERE a.status = 'published' AND a.published_at <= :visibleAt
                ORDER BY m.id DESC
                """.formatted(newestIds);
    }

    /** Runs {@code queries}, this search's statements on {@code h}, as the dialect plans them best. */
    abstract <T> T planned(Handle h, Supplier<T> queries);

    /** Every word, each as any of its terms, in the title or tags ({@code titleOnly}) or anywhere in the article. */
    abstract String match(List<List<String>> words, boolean titleOnly);

    /** Every word, each as any of its terms, anywhere in the article. */
    final String everywhere(List<List<String>> words) {
        return match(words, false);
    }

    /** Every word, each as any of its terms, in the title or tags. */
    final String allInTitle(List<List<String>> words) {
        return match(words, true);
    }

    /** Any term of any word in the title or tags. */
    final String anyInTitle(List<List<String>> words) {
        return match(eachTerm(words), true);
    }

    /**
     * The {@code :newest} newest articles matching {@code :match} (id and publication time),
     * newest first, without those readers don't see at {@code :visibleAt} (epoch ms).
     */
    final String newestSql() {
        return newestSql;
    }

    /** Which of {@code ids} (found by {@link #newestSql}) match {@code match} too. */
    abstract Set<Long> alsoMatching(Handle h, String match, List<Long> ids);

    /** {@code words} joined: each word's terms quoted and joined by {@code or}, in parentheses, the words by {@code and}. */
    static String join(List<List<String>> words, String quote, String suffix, String or, String and) {
        StringBuilder out = new StringBuilder();
        for (List<String> word : words) {
            if (!out.isEmpty()) {
                out.append(and);
            }
            out.append('(');
            for (int i = 0; i < word.size(); i++) {
                out.append(i > 0 ? or : "").append(quote).append(word.get(i)).append(quote).append(suffix);
            }
            out.append(')');
        }
        return out.toString();
    }

    /** Every term of {@code words} as a word of its own. */
    static List<List<String>> eachTerm(List<List<String>> words) {
        return List.of(words.stream().flatMap(List::stream).toList());
    }
}
