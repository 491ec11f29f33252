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
sealed interface WordSearch permits SqliteWordSearch, PostgresWordSearch {

    /** Runs {@code queries}, this search's statements on {@code h}, as the dialect plans them best. */
    <T> T planned(Handle h, Supplier<T> queries);

    /** Every word, each as any of its terms, anywhere in the article. */
    String everywhere(List<List<String>> words);

    /** Every word, each as any of its terms, in the title or tags. */
    String allInTitle(List<List<String>> words);

    /** Any term of any word in the title or tags. */
    String anyInTitle(List<List<String>> words);

    /**
     * The {@code :newest} newest articles matching {@code :match} (id and publication time),
     * newest first, without those readers don't see at {@code :visibleAt} (epoch ms).
     */
    String newestSql();

    /** Which of {@code ids} (found by {@link #newestSql}) match {@code match} too. */
    Set<Long> alsoMatching(Handle h, String match, List<Long> ids);

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
