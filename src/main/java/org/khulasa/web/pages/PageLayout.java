package org.khulasa.web.pages;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.khulasa.article.Category;
import org.khulasa.feed.FeedFormat;
import org.khulasa.feed.FeedPath;
import org.khulasa.feed.FeedScope;
import org.khulasa.links.SiteLinks;

/**
 * The frame every page shares: an Arabic right-to-left document whose head announces the feeds
 * (autodiscovery), a header with the site's name and its sections, and a footer with the feeds.
 * Built as a DOM, so every text and attribute is escaped by jsoup.
 */
record PageLayout(String siteTitle, SiteLinks links, String stylesheetHref) {
    private static final String SEARCH_BOX = "site-search";

    /** The site's own feeds, which every page announces first. */
    List<FeedLink> siteFeeds() {
        return feeds(FeedScope.site());
    }

    /** The RSS, Atom and JSON feeds of a category, an author or the site. */
    List<FeedLink> feeds(FeedScope scope) {
        String title = scope.kind() == FeedScope.Kind.SITE ? siteTitle : siteTitle + ": " + scope.name();
        return Stream.of(FeedFormat.values()).map(f -> new FeedLink(title, f, scope.selfUrl(links, f))).toList();
    }

    /**
     * A page titled {@code title} (null: the site's name alone) announcing the site's feeds plus
     * {@code feeds}, described to machines by {@code meta}; fill its {@code <main>}, found with
     * {@link #main(Document)}.
     */
    Document page(String title, PageMeta meta, List<FeedLink> feeds, List<Category> sections) {
        Document doc = HtmlShell.arabic();
        Element head = doc.head();
        head.appendElement("title").text(title == null ? siteTitle : title + " — " + siteTitle);
        new SocialMeta(siteTitle, links).append(head, title == null ? siteTitle : title, meta);
        if (meta.article() != null) {
            new NewsArticleJsonLd(siteTitle, links).append(head, meta);
        }
        head.appendElement("link").attr("rel", "stylesheet").attr("href", stylesheetHref);
        List<FeedLink> all = new ArrayList<>(siteFeeds());
        all.addAll(feeds);
        for (FeedLink feed : all) {
            head.appendElement("link").attr("rel", "alternate").attr("type", feed.mediaType())
                    .attr("title", feed.title() + " (" + feed.formatName() + ")").attr("href", feed.url());
        }

        Element body = doc.body();
        Element header = body.appendElement("header").addClass("site");
        header.appendElement("a").addClass("brand").attr("href", links.home()).text(siteTitle);
        if (!sections.isEmpty()) {
            Element list = header.appendElement("nav").attr("aria-label", "الأقسام").appendElement("ul");
            for (Category section : sections) {
                list.appendElement("li").appendElement("a").attr("href", links.categoryPage(section.slug()))
                        .attr("dir", "auto").text(section.name());
            }
        }
        appendSearchForm(header);
        body.appendElement("main");
        Element footer = body.appendElement("footer").addClass("site").appendElement("p");
        footer.appendText("تابع " + siteTitle + " في قارئ الخلاصات: ");
        for (FeedLink feed : siteFeeds()) {
            footer.appendElement("a").attr("href", feed.url()).attr("dir", "ltr").text(feed.formatName());
            footer.appendText(" · ");
        }
        footer.appendElement("a").attr("href", FeedPath.OPML.url(links)).attr("dir", "ltr").text("OPML");
        return doc;
    }

    /** The search box every page's header carries; {@link #searchBox} finds its input. */
    private void appendSearchForm(Element header) {
        Element form = header.appendElement("form").addClass("search").attr("role", "search")
                .attr("action", links.search()).attr("method", "get");
        form.appendElement("label").attr("for", SEARCH_BOX).text("ابحث في الموقع");
        form.appendElement("input").attr("type", "search").id(SEARCH_BOX).attr("name", "q").attr("dir", "auto")
                .attr("maxlength", String.valueOf(SearchPage.MAX_QUERY_CHARS));
        form.appendElement("button").attr("type", "submit").text("بحث");
    }

    /** The header's search input, to show the words a search page was asked for. */
    static Element searchBox(Document doc) {
        return doc.getElementById(SEARCH_BOX);
    }

    static Element main(Document doc) {
        return doc.selectFirst("main");
    }

    /** A row of links to {@code feeds}, for a list page: «تابع هذا القسم: RSS · Atom». */
    static void appendFeedLinks(Element parent, String label, List<FeedLink> feeds) {
        Element p = parent.appendElement("p").addClass("feeds");
        p.appendText(label + ": ");
        for (int i = 0; i < feeds.size(); i++) {
            if (i > 0) {
                p.appendText(" · ");
            }
            p.appendElement("a").attr("href", feeds.get(i).url()).attr("dir", "ltr").text(feeds.get(i).formatName());
        }
    }
}
