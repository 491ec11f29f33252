package org.khulasa.web.pages;

import org.khulasa.article.Article;

/**
 * What a page tells machines about itself: its one URL ({@code canonical}), the text link
 * previews show under the title ({@code description}), and the article it shows, if any (its
 * Open Graph article tags and NewsArticle structured data come from it).
 */
record PageMeta(String canonical, String description, Article article) {

    static PageMeta listing(String canonical, String description) {
        return new PageMeta(canonical, description, null);
    }

    static PageMeta of(String canonical, Article article) {
        return new PageMeta(canonical, Descriptions.of(article), article);
    }

    /** A page search engines should not keep (the 404 page): no canonical, no description. */
    static PageMeta none() {
        return new PageMeta(null, null, null);
    }
}
