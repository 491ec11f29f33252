package org.khulasa.web.pages;

import java.util.List;
import org.jsoup.nodes.Element;
import org.khulasa.article.Article;
import org.khulasa.article.RtlText;
import org.khulasa.links.SiteLinks;

/** A list of articles, newest first: each its title linking to its page, section, author, date and summary. */
record ArticleListPage(SiteLinks links, ArabicDates dates) {
    /** {@code <link rel="prev">} and {@code rel="next"} in the head, for crawlers. */
    static void linkPages(Element head, Paging.Page page) {
        if (page.newer() != null) {
            head.appendElement("link").attr("rel", "prev").attr("href", page.newer());
        }
        if (page.older() != null) {
            head.appendElement("link").attr("rel", "next").attr("href", page.older());
        }
    }

    void fill(Element main, String heading, List<FeedLink> feeds, String feedsLabel, Paging.Page page) {
        List<Article> articles = page.articles();
        main.appendElement("h1").attr("dir", "auto").text(heading);
        PageLayout.appendFeedLinks(main, feedsLabel, feeds);
        if (articles.isEmpty()) {
            main.appendElement("p").addClass("empty").text("لا توجد مقالات منشورة بعد.");
            return;
        }
        appendItems(main, articles);
        appendPager(main, page);
    }

    /** The articles as a list: each with its thumbnail, title, section, bylines, date and summary. */
    void appendItems(Element main, List<Article> articles) {
        Element list = main.appendElement("ol").addClass("articles");
        for (Article article : articles) {
            Element item = list.appendElement("li").appendElement("article");
            if (article.image() != null) {
                // A small copy beside the title; the same file, scaled by the stylesheet (no resizing service here).
                Element img = item.appendElement("a").addClass("thumb").attr("href", links.article(article.id()))
                        .attr("tabindex", "-1").appendElement("img");
                Images.describe(img, article.image());
                img.attr("loading", "lazy").attr("decoding", "async");
            }
            item.appendElement("h2").attr("dir", "auto").appendElement("a").attr("href", links.article(article.id()))
                    .text(RtlText.title(article.content().title()));
            Element meta = item.appendElement("p").addClass("meta");
            meta.appendElement("a").attr("href", links.categoryPage(article.content().category().slug()))
                    .attr("dir", "auto").text(article.content().category().name());
            meta.appendText(" · ");
            Bylines.append(meta, article.content().authors(), links);
            meta.appendText(" · ");
            dates.appendTime(meta, article.content().published());
            if (article.content().hasSummary()) {
                item.appendElement("p").addClass("summary").attr("dir", "auto").text(article.content().summary());
            }
        }
    }

    /** Links to the newer and the older page, where there are such. */
    static void appendPager(Element main, Paging.Page page) {
        appendPager(main, page, "→ الأحدث", "الأقدم ←");
    }

    /** Links to the page before ({@code rel=prev}, labelled {@code prev}) and after, where there are such. */
    static void appendPager(Element main, Paging.Page page, String prev, String next) {
        if (page.newer() != null || page.older() != null) {
            Element pager = main.appendElement("nav").addClass("pager").attr("aria-label", "الصفحات");
            if (page.newer() != null) {
                pager.appendElement("a").attr("rel", "prev").attr("href", page.newer()).text(prev);
            }
            if (page.older() != null) {
                pager.appendElement("a").attr("rel", "next").attr("href", page.older()).text(next);
            }
        }
    }
}
