package org.khulasa.storage;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.khulasa.article.WordIndex;
import org.khulasa.article.RelatedMatcher.IndexedText;

/**
 * The word index as a new article will find it once it is written, so that its related list can
 * be chosen before the write, outside the write lock: its words count one article more, the
 * archive one article more, and a search for a word it holds returns one article fewer, as the
 * new article (the newest of all) would head that list and matching skips itself. The picks are
 * then those matching would make right after indexing it, as long as nothing else is written
 * meanwhile.
 */
final class PendingWordIndex implements WordIndex {

    private final WordIndex written;
    private final Set<String> titleWords;
    private final Set<String> allWords;

    PendingWordIndex(WordIndex written, IndexedText words) {
        this.written = written;
        this.titleWords = new HashSet<>(List.of(split(words.title())));
        this.allWords = new HashSet<>(titleWords);
        allWords.addAll(List.of(split(words.body())));
    }

    @Override
    public List<Long> newestWith(String term, boolean titleOnly, int limit) {
        boolean heads = (titleOnly ? titleWords : allWords).contains(term);
        if (heads && limit <= 1) {
            return List.of();
        }
        return written.newestWith(term, titleOnly, heads ? limit - 1 : limit);
    }

    @Override
    public Set<Long> titlesWith(String term, List<Long> among) {
        return written.titlesWith(term, among);
    }

    @Override
    public Map<String, Long> articlesWith(Collection<String> terms) {
        Map<String, Long> counts = new HashMap<>(written.articlesWith(terms));
        for (String term : new HashSet<>(terms)) {
            if (allWords.contains(term)) {
                counts.merge(term, 1L, Long::sum);
            }
        }
        return counts;
    }

    @Override
    public long newestId() {
        // Its id, on SQLite; PostgreSQL's sequence may have skipped a few (rolled-back inserts),
        // which moves the archive size matching weighs words with by as many: near enough.
        return written.newestId() + 1;
    }

    @Override
    public List<Candidate> describe(Collection<Long> ids) {
        return written.describe(ids);
    }

    private static String[] split(String joined) {
        return joined.isEmpty() ? new String[0] : joined.split(" ");
    }
}
