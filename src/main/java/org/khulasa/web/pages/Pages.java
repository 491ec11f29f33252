package org.khulasa.web.pages;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.khulasa.article.Article;
import org.khulasa.article.ArticleQuery;
import org.khulasa.article.ArticleStore;
import org.khulasa.article.RtlText;
import org.khulasa.article.Slug;
import org.khulasa.feed.FeedScope;
import org.khulasa.links.SiteLinks;
import org.khulasa.web.http.ArticleIds;
import org.khulasa.web.http.EntityTags;

/**
 * The HTML pages readers see: {@code /}, {@code /articles/{id}}, {@code /category/{slug}},
 * {@code /author/{slug}}, {@code /tag/{slug}} and {@code /search}. Only what is published at the
 * moment of the request is shown, so a scheduled article appears on its own when its time comes. Anything unknown is an Arabic 404 page.
 *
 * <pre>curl -i http://localhost:8080/category/politics</pre>
 */
public final class Pages {
    /** No scripts at all; images may come from any web address, as editors link them. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' https: http:; "
            + "style-src 'self'; script-src 'none'; object-src 'none'; base-uri 'none'; form-action 'self'; "
            + "frame-ancestors 'self'";

    private final ArticleStore store;
    private final Clock clock;
    private final SiteLinks links;
    private final int listSize;
    private final PageLayout layout;
    private final ArticlePage articlePage;
    private final ArticleListPage listPage;
    private final Paging paging;
    private final SearchPage searchPage;
    private final Stylesheet stylesheet = new Stylesheet();

    /** {@code listSize} articles per list, as many as a feed holds; dates written in {@code dateStyle}. */
    public Pages(ArticleStore store, Clock clock, SiteLinks links, String siteTitle, int listSize, DateStyle dateStyle) {
        this.store = store;
        this.clock = clock;
        this.links = links;
        this.listSize = listSize;
        ArabicDates dates = new ArabicDates(dateStyle);
        this.layout = new PageLayout(siteTitle, links, stylesheet.href());
        this.articlePage = new ArticlePage(links, dates);
        this.listPage = new ArticleListPage(links, dates);
        this.paging = new Paging(store, listSize);
        this.searchPage = new SearchPage(store, links, layout, listPage, listSize);
    }

    public void home(Context ctx) {
        listOf(ctx, Optional.of(FeedScope.site()), "تابع الموقع");
    }

    public void article(Context ctx) {
        Instant now = clock.instant();
        Optional<Article> found = ArticleIds.parse(ctx.pathParam("id")).flatMap(id -> store.find(id, now))
                .filter(a -> a.isPublishedAt(now));
        if (found.isEmpty()) {
            notFound(ctx);
            return;
        }
        Article article = found.get();
        List<FeedLink> feeds = new ArrayList<>(layout.feeds(FeedScope.of(article.category())));
        article.authors().forEach(author -> feeds.addAll(layout.feeds(FeedScope.of(author))));
        Document doc = layout.page(RtlText.title(article.title()), PageMeta.of(links.article(article.id()), article),
                feeds, store.categories(clock.instant()));
        articlePage.fill(PageLayout.main(doc), article, article.related(), store.tagsNamed(article.tags()));
        send(ctx, 200, doc);
    }

    public void category(Context ctx) {
        listOf(ctx, slug(ctx).flatMap(slug -> store.category(slug, clock.instant())).map(FeedScope::of), "تابع هذا القسم");
    }

    public void author(Context ctx) {
        listOf(ctx, slug(ctx).flatMap(slug -> store.author(slug, clock.instant())).map(FeedScope::of), "تابع هذا الكاتب");
    }

    public void tag(Context ctx) {
        listOf(ctx, slug(ctx).flatMap(slug -> store.tag(slug, clock.instant())).map(FeedScope::of), "تابع هذا الوسم");
    }

    /** {@code /search?q=…}: see {@link SearchPage}. */
    public void search(Context ctx) {
        searchPage.answer(ctx, clock.instant()).ifPresentOrElse(answer -> send(ctx, answer.status(), answer.doc()),
                () -> notFound(ctx));
    }

    /**
     * The home page, a category's or an author's: a page of their articles, newest first, with
     * links to the newer and older pages, and their feeds; {@code follow} labels the feeds.
     */
    private void listOf(Context ctx, Optional<FeedScope> found, String follow) {
        Optional<ArticleQuery> query = found.flatMap(scope -> Paging.fromRequest(ctx, scope.query(clock.instant(), listSize)));
        if (query.isEmpty()) {
            notFound(ctx);
            return;
        }
        FeedScope scope = found.get();
        Paging.Page page = paging.page(query.get(), scope.pageUrl(links));
        if (page.articles().isEmpty() && query.get().beforeId() != null) {
            notFound(ctx); // a cursor past the end of the archive
            return;
        }
        boolean site = scope.kind() == FeedScope.Kind.SITE;
        List<FeedLink> feeds = site ? List.of() : layout.feeds(scope);
        PageMeta meta = PageMeta.listing(page.url(), scope.description(layout.siteTitle()));
        Document doc = layout.page(site ? null : scope.name(), meta, feeds, store.categories(clock.instant()));
        ArticleListPage.linkPages(doc.head(), page);
        listPage.fill(PageLayout.main(doc), site ? "آخر الأخبار" : scope.name(), site ? layout.siteFeeds() : feeds,
                follow, page);
        send(ctx, 200, doc);
    }

    /** An article as its reader's page shows it (what goes inside {@code <main>}), for the desk's preview. */
    public String preview(Article article) {
        Document doc = layout.page(null, PageMeta.none(), List.of(), List.of());
        Element main = PageLayout.main(doc);
        articlePage.fill(main, article, article.related(), store.tagsNamed(article.tags()));
        return main.html();
    }

    /** The stylesheet's URL, for pages built elsewhere that show articles as readers see them. */
    public String stylesheetHref() {
        return stylesheet.href();
    }

    public void stylesheet(Context ctx) {
        stylesheet.serve(ctx);
    }

    private void notFound(Context ctx) {
        Document doc = layout.page("الصفحة غير موجودة", PageMeta.none(), List.of(), store.categories(clock.instant()));
        Element main = PageLayout.main(doc);
        main.appendElement("h1").text("الصفحة غير موجودة");
        main.appendElement("p").text("لم نجد ما تبحث عنه: ربما حُذف المقال أو لم يُنشر بعد، أو أن الرابط غير صحيح.");
        main.appendElement("p").appendElement("a").attr("href", links.home())
                .text("العودة إلى الصفحة الرئيسية");
        send(ctx, 404, doc);
    }

    private static Optional<String> slug(Context ctx) {
        String slug = ctx.pathParam("slug");
        return Slug.isValid(slug) ? Optional.of(slug) : Optional.empty();
    }

    private static void send(Context ctx, int status, Document doc) {
        byte[] html = doc.outerHtml().getBytes(StandardCharsets.UTF_8);
        // Weak: Javalin may gzip the page on its way out, and a strong tag would then have to differ.
        String etag = EntityTags.weak(html);
        // Javalin gzips pages for clients that ask; a shared cache must keep the two apart.
        ctx.header("Cache-Control", "public, max-age=60").header("Vary", "Accept-Encoding");
        if (status == 200) {
            ctx.header("ETag", etag);
            String ifNoneMatch = ctx.header("If-None-Match");
            if (ifNoneMatch != null && EntityTags.anyMatches(ifNoneMatch, etag)) {
                ctx.status(304);
                ctx.res().setContentType(null); // a 304 describes no body of its own
                return;
            }
        }
        ctx.status(status)
                .contentType("text/html; charset=utf-8")
                .header("Content-Language", "ar")
                .header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "strict-origin-when-cross-origin")
                .result(html);
    }
}
