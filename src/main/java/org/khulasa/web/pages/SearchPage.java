package org.khulasa.web.pages;

import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.khulasa.article.Article;
import org.khulasa.article.ArticleStore;
import org.khulasa.article.SearchQuery;
import org.khulasa.article.XmlText;
import org.khulasa.links.SiteLinks;
import org.khulasa.related.ArabicTerms;

/**
 * {@code /search?q=…&page=N}: the articles readers see now that hold every word of {@code q},
 * spelled as related matching spells them («المباراة» finds «مباراه» and «الْمُبَارَاةُ»), best
 * first, a list page's worth at a time. Search engines are asked not to keep these pages.
 *
 * <pre>curl -G http://localhost:8080/search --data-urlencode 'q=المباراة'</pre>
 */
record SearchPage(ArticleStore store, SiteLinks links, PageLayout layout, ArticleListPage list, int size) {
    /** Longer than any headline: a longer query is refused (400) rather than searched. */
    static final int MAX_QUERY_CHARS = 200;
    /** Words past these are not searched: each one only narrows the results further. */
    static final int MAX_WORDS = 12;
    private static final Pattern PAGE_NUMBER = Pattern.compile("[1-9][0-9]{0,4}");

    /** The page for the request at {@code now}, with its status; empty for a page number that names no page. */
    Optional<Answer> answer(Context ctx, Instant now) {
        String asked = Optional.ofNullable(ctx.queryParam("q")).orElse("");
        Optional<Integer> number = pageNumber(ctx.queryParam("page"));
        if (number.isEmpty()) {
            return Optional.empty();
        }
        if (asked.length() > MAX_QUERY_CHARS) {
            return Optional.of(new Answer(400, tooLong(now)));
        }
        // What a reader can't have typed (controls, lone surrogates) is dropped, so the echo is clean too.
        String text = XmlText.clean(asked).strip();
        Document doc = layout.page(text.isEmpty() ? "البحث" : "البحث عن " + text, PageMeta.none(), List.of(),
                store.categories(now));
        PageLayout.searchBox(doc).val(text);
        Element main = PageLayout.main(doc);
        if (text.isEmpty()) {
            main.appendElement("h1").text("البحث في الموقع");
            main.appendElement("p").addClass("empty").text("اكتب كلمة أو أكثر في خانة البحث أعلى الصفحة.");
            return Optional.of(new Answer(200, doc));
        }
        Element heading = main.appendElement("h1").appendText("نتائج البحث عن «");
        heading.appendElement("bdi").text(text);
        heading.appendText("»");

        int page = number.get();
        List<List<String>> words = ArabicTerms.words(text);
        int offset = (page - 1) * size;
        List<Article> found = offset >= SearchQuery.NEWEST_MATCHES ? List.of()
                : store.search(new SearchQuery(words.subList(0, Math.min(words.size(), MAX_WORDS)), now, offset, size + 1));
        if (found.isEmpty() && page > 1) {
            return Optional.empty();
        }
        if (found.isEmpty()) {
            main.appendElement("p").addClass("empty")
                    .text("لم نجد مقالات تطابق بحثك. جرّب كلمات أخرى، أو كلمات أقل.");
            return Optional.of(new Answer(200, doc));
        }
        boolean more = found.size() > size && offset + size < SearchQuery.NEWEST_MATCHES;
        Paging.Page shown = new Paging.Page(found.subList(0, Math.min(size, found.size())), url(text, page),
                page > 1 ? url(text, page - 1) : null, more ? url(text, page + 1) : null);
        if (page > 1) {
            main.appendElement("p").addClass("meta").text("الصفحة " + page);
        }
        ArticleListPage.linkPages(doc.head(), shown);
        list.appendItems(main, shown.articles());
        ArticleListPage.appendPager(main, shown, "→ السابق", "التالي ←");
        return Optional.of(new Answer(200, doc));
    }

    /** A page and the status it goes with. */
    record Answer(int status, Document doc) {
    }

    private Document tooLong(Instant now) {
        Document doc = layout.page("البحث", PageMeta.none(), List.of(), store.categories(now));
        Element main = PageLayout.main(doc);
        main.appendElement("h1").text("عبارة البحث طويلة جداً");
        main.appendElement("p").text("اكتب كلمات أقل: لا تزيد عبارة البحث على " + MAX_QUERY_CHARS + " حرف.");
        return doc;
    }

    private String url(String text, int page) {
        String query = "?q=" + URLEncoder.encode(text, StandardCharsets.UTF_8);
        return links.search() + (page == 1 ? query : query + "&page=" + page);
    }

    private static Optional<Integer> pageNumber(String raw) {
        if (raw == null) {
            return Optional.of(1);
        }
        return PAGE_NUMBER.matcher(raw).matches() ? Optional.of(Integer.parseInt(raw)) : Optional.empty();
    }
}
