package org.khulasa.web.pages;

import org.jsoup.Jsoup;
import org.khulasa.article.Article;

/** The line a search result or a link preview shows under an article's title. */
final class Descriptions {
    /** Previews cut longer text anyway; a word boundary near this length reads better than their cut. */
    static final int MAX = 200;

    private Descriptions() {
    }

    /** The summary, or else the start of the body's text; never longer than {@link #MAX} characters and an ellipsis. */
    static String of(Article article) {
        String text = article.content().hasSummary()
                ? article.content().summary() : Jsoup.parseBodyFragment(article.content().body()).text();
        return cut(text.strip().replaceAll("\\s+", " "));
    }

    static String cut(String text) {
        if (text.length() <= MAX) {
            return text;
        }
        int space = text.lastIndexOf(' ', MAX);
        int end = space > MAX / 2 ? space : Character.isHighSurrogate(text.charAt(MAX - 1)) ? MAX - 1 : MAX;
        return text.substring(0, end) + "…";
    }
}
