package org.khulasa.article;

import java.time.Instant;

/** What sitemaps say of an article: which one, its title, when it came out and when it last changed. */
public record ArticleStamp(long id, String title, Instant published, Instant updated) {
}
