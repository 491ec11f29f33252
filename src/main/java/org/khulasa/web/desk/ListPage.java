package org.khulasa.web.desk;

import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jsoup.nodes.Element;
import org.khulasa.article.Article;
import org.khulasa.article.Author;
import org.khulasa.article.Category;
import org.khulasa.web.pages.ArabicDates;

/** The desk's home: a search form (title, category, author, status) and a page of articles, newest first. */
final class ListPage {
    /** What the editor searched for; null fields mean "any". */
    record Filters(String q, String category, String author, DeskStatus status, int page) {
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
            if (status != null) {
                params.put("status", status.param);
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

    /**
     * A filter's {@code <select>}: "any" ({@code any}, the empty value) then each choice (value,
     * text), the one whose value is {@code selected} selected.
     */
    private static void select(Element form, String id, String label, String any, List<Map.Entry<String, String>> choices,
            String selected) {
        Element select = DeskLayout.field(form, id, label, "select");
        select.appendElement("option").attr("value", "").text(any);
        for (Map.Entry<String, String> choice : choices) {
            Element option = select.appendElement("option").attr("value", choice.getKey()).text(choice.getValue());
            if (choice.getKey().equals(selected)) {
                option.attr("selected", true);
            }
        }
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
        select(form, "category", "القسم", "كل الأقسام",
                categories.stream().map(c -> Map.entry(c.slug(), c.name())).toList(), filters.category());
        select(form, "author", "الكاتب", "كل الكتّاب",
                authors.stream().map(a -> Map.entry(a.slug(), a.name())).toList(), filters.author());
        select(form, "status", "الحالة", "كل الحالات",
                Arrays.stream(DeskStatus.values()).map(s -> Map.entry(s.param, s.arabic)).toList(),
                filters.status() == null ? null : filters.status().param);
        form.appendElement("button").attr("type", "submit").text("ابحث");

        if (page.articles().isEmpty()) {
            boolean filtered = filters.q() != null || filters.category() != null || filters.author() != null
                    || filters.status() != null || filters.page() > 0;
            main.appendElement("p").addClass("empty").text(filtered ? "لا مقالات تطابق البحث." : "لا مقالات بعد.");
        }
        Element list = main.appendElement("ul").addClass("articles").attr("id", "articles");
        for (Article a : page.articles()) {
            Element li = list.appendElement("li");
            li.appendElement("a").attr("href", "/desk/articles/" + a.id()).attr("dir", "auto").text(a.content().title());
            Element meta = li.appendElement("p").addClass("meta");
            DeskStatus shown = DeskStatus.of(a, now);
            meta.appendElement("span").addClass("status").addClass(shown.param).text(shown.arabic);
            meta.appendText(" · ");
            // A draft's time is when it was last saved: it has not been published yet.
            dates.appendTime(meta, shown == DeskStatus.DRAFT ? a.updated() : a.content().published());
            meta.appendText(" · ");
            meta.appendElement("span").attr("dir", "auto").text(a.content().category().name());
            meta.appendText(" · ");
            meta.appendElement("span").attr("dir", "auto")
                    .text(String.join(" و", a.content().authors().stream().map(Author::name).toList()));
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
