package org.khulasa.article;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Chooses the automatic "انظر أيضاً" picks of an article. The store hands it the index to search:
 * for a new article, a view of the index as it will be once the article is written (chosen before
 * the write, outside the write lock); otherwise the index inside the writing transaction.
 * {@code org.khulasa.related} implements it for Arabic.
 */
public interface RelatedMatcher {

    /** Matches nothing: related lists hold only the editor's picks. */
    RelatedMatcher NONE = new RelatedMatcher() {
        @Override
        public int listSize() {
            return 0;
        }

        @Override
        public IndexedText indexText(ArticleText article) {
            return new IndexedText("", "");
        }

        @Override
        public List<Long> pick(ArticleText article, IndexedText words, long self, Set<Long> exclude, int wanted,
                Instant now, WordIndex index) {
            return List.of();
        }
    };

    /** How many links a related list holds, the editor's included. */
    int listSize();

    /** The words the article is indexed under, in the index's own spelling. */
    IndexedText indexText(ArticleText article);

    /**
     * Up to {@code wanted} ids of related articles, best first: published by {@code now}, never
     * {@code self}, none of {@code exclude}. {@code words} is {@link #indexText} of the article,
     * passed in so that its text is analysed once per write.
     */
    List<Long> pick(ArticleText article, IndexedText words, long self, Set<Long> exclude, int wanted, Instant now,
            WordIndex index);

    /** What matching reads of an article: its text as stored, its category slug, tags and time. */
    record ArticleText(String title, String summary, String body, String category, List<String> tags,
            Instant published) {
        public ArticleText {
            tags = List.copyOf(tags);
        }

        public static ArticleText of(ArticleDraft draft, Instant published) {
            ArticleContent content = draft.content();
            return new ArticleText(content.title(), content.summary(), content.body(), content.category().slug(),
                    draft.tags(), published);
        }
    }

    /** Space-separated index terms of the title (with tags) and of the body (with summary). */
    record IndexedText(String title, String body) {
        public boolean isEmpty() {
            return title.isEmpty() && body.isEmpty();
        }
    }
}
