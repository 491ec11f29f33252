package org.khulasa.web.desk;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jsoup.nodes.Element;
import org.khulasa.article.Article;
import org.khulasa.article.Author;
import org.khulasa.article.Category;
import org.khulasa.web.pages.ArabicDates;

/** The desk's home: a search form (title, category, author) and a page of articles, newest first. */
final class ListPage {
    /** What the editor searched for; null fields mean "any". */
    record Filters(String q, String category, String author, int page) {
        /** The query string of this search on page {@code other}. */
        String link(int other) {
            Map<String, String> params = new LinkedHashMap<>();
            if (q != null) {
                params.put("q", q);
            }
            if (category != null) {
                params.put("category", category);
            }
            if (author != null) {
                params.put("author", author);
            }
            if (other > 0) {
                params.put("page", String.valueOf(other));
            }
            return "/desk" + (params.isEmpty() ? "" : "?" + params.entrySet().stream()
                    .map(e -> e.getKey() + "=" + java.net.URLEncoder.encode(e.getValue(), java.nio.charset.StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&")));
        }
    }

    private final ArabicDates dates;

    ListPage(ArabicDates dates) {
        this.dates = dates;
    }

    void fill(Element main, Filters filters, DeskSearch.Page page, List<Category> categories, List<Author> authors,
            Instant now) {
        main.appendElement("h1").text("المقالات");
        Element form = main.appendElement("form").attr("method", "get").attr("action", "/desk")
                .attr("role", "search").addClass("filters");
        Element q = DeskLayout.field(form, "q", "ابحث في العناوين", "input").attr("type", "search").attr("dir", "auto");
        if (filters.q() != null) {
            q.attr("value", filters.q());
        }
        Element category = DeskLayout.field(form, "category", "القسم", "select");
        category.appendElement("option").attr("value", "").text("كل الأقسام");
        for (Category c : categories) {
            Element option = category.appendElement("option").attr("value", c.slug()).text(c.name());
            if (c.slug().equals(filters.category())) {
                option.attr("selected", true);
            }
        }
        Element author = DeskLayout.field(form, "author", "الكاتب", "select");
        author.appendElement("option").attr("value", "").text("كل الكتّاب");
        for (Author a : authors) {
            Element option = author.appendElement("option").attr("value", a.slug()).text(a.name());
            if (a.slug().equals(filters.author())) {
                option.attr("selected", true);
            }
        }
        form.appendElement("button").attr("type", "submit").text("ابحث");

        if (page.articles().isEmpty()) {
            main.appendElement("p").addClass("empty").text(filters.q() == null && filters.page() == 0
                    ? "لا مقالات بعد." : "لا مقالات تطابق البحث.");
        }
        Element list = main.appendElement("ul").addClass("articles").attr("id", "articles");
        for (Article a : page.articles()) {
            Element li = list.appendElement("li");
            li.appendElement("a").attr("href", "/desk/articles/" + a.id()).attr("dir", "auto").text(a.title());
            Element meta = li.appendElement("p").addClass("meta");
            boolean scheduled = a.published().isAfter(now);
            meta.appendElement("span").addClass(scheduled ? "status scheduled" : "status published")
                    .text(scheduled ? "مجدول" : "منشور");
            meta.appendText(" · ");
            dates.appendTime(meta, a.published());
            meta.appendText(" · ");
            meta.appendElement("span").attr("dir", "auto").text(a.category().name());
            meta.appendText(" · ");
            meta.appendElement("span").attr("dir", "auto")
                    .text(String.join(" و", a.authors().stream().map(Author::name).toList()));
        }
        Element pager = main.appendElement("nav").addClass("pager").attr("aria-label", "صفحات");
        if (filters.page() > 0) {
            pager.appendElement("a").attr("rel", "prev").attr("href", filters.link(filters.page() - 1)).text("الأحدث");
        }
        if (page.hasNext()) {
            pager.appendElement("a").attr("rel", "next").attr("href", filters.link(filters.page() + 1)).text("الأقدم");
        }
    }
}
