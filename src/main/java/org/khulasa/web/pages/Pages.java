package org.khulasa.web.pages;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.khulasa.article.Article;
import org.khulasa.article.ArticleQuery;
import org.khulasa.article.ArticleStore;
import org.khulasa.article.Changes;
import org.khulasa.article.RtlText;
import org.khulasa.article.Slug;
import org.khulasa.feed.FeedScope;
import org.khulasa.feed.RenderedFeed;
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
    /** What proxies and browsers may keep a page without asking again. */
    private static final Duration MAX_AGE = Duration.ofSeconds(60);
    /** What every page sends besides its type, length, language and validators. */
    public static final Map<String, String> HEADERS = Map.of("Content-Security-Policy", CONTENT_SECURITY_POLICY,
            "Referrer-Policy", "strict-origin-when-cross-origin");

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

    /**
     * A page readers may ask for, before it is read: its cache key (the path and, for an older
     * page of a list, its cursor, both in their canonical spelling) and its rendering at a
     * moment, empty when there is no such page then (404).
     */
    public record PageRequest(String key, Function<Instant, Optional<RenderedPage>> render) {
    }

    /** A page as rendered (status 200), and which writes change it. */
    public record RenderedPage(RenderedFeed document, Predicate<Changes> changedBy) {
    }

    /** {@code /}; empty when the request's cursor is malformed. */
    public Optional<PageRequest> home(Context ctx) {
        return listOf(ctx, FeedScope.Kind.SITE, null, "تابع الموقع");
    }

    /** {@code /articles/{id}}; empty when the id is not one. */
    public Optional<PageRequest> article(Context ctx) {
        return ArticleIds.parse(ctx.pathParam("id")).map(id -> new PageRequest("/articles/" + id, now -> {
            Optional<Article> found = store.find(id, now).filter(a -> a.isPublishedAt(now));
            return found.map(article -> new RenderedPage(document(articleDocument(article, now), now),
                    changed -> changed.changesNames() || changed.changesCategory(article.content().category().slug())
                            || article.content().authors().stream().anyMatch(a -> changed.changesAuthor(a.slug()))));
        }));
    }

    public Optional<PageRequest> category(Context ctx) {
        return listOf(ctx, FeedScope.Kind.CATEGORY, ctx.pathParam("slug"), "تابع هذا القسم");
    }

    public Optional<PageRequest> author(Context ctx) {
        return listOf(ctx, FeedScope.Kind.AUTHOR, ctx.pathParam("slug"), "تابع هذا الكاتب");
    }

    public Optional<PageRequest> tag(Context ctx) {
        return listOf(ctx, FeedScope.Kind.TAG, ctx.pathParam("slug"), "تابع هذا الوسم");
    }

    private Document articleDocument(Article article, Instant now) {
        List<FeedLink> feeds = new ArrayList<>(layout.feeds(FeedScope.of(article.content().category())));
        article.content().authors().forEach(author -> feeds.addAll(layout.feeds(FeedScope.of(author))));
        Document doc = layout.page(RtlText.title(article.content().title()),
                PageMeta.of(links.article(article.id()), article), feeds, store.categories(now));
        articlePage.fill(PageLayout.main(doc), article, article.related(), store.tagsNamed(article.tags()));
        return doc;
    }

    /**
     * The bytes of a page read at {@code now}. Its Last-Modified is the site's, as its feeds give
     * it: every page lists the categories, which any write readers see may change. It goes stale
     * when scheduled content next comes out.
     */
    private RenderedFeed document(Document doc, Instant now) {
        Instant lastChange = store.lastChange();
        List<Article> newest = store.list(ArticleQuery.site(now, 1).withoutTags());
        Instant comeOut = store.lastComeOut(newest.isEmpty() ? Instant.EPOCH : newest.get(0).content().published(),
                lastChange, now);
        return new RenderedFeed(doc.outerHtml().getBytes(StandardCharsets.UTF_8),
                comeOut.isAfter(lastChange) ? comeOut : lastChange, store.nextScheduledAfter(now), MAX_AGE, null);
    }

    /** {@code /search?q=…}: see {@link SearchPage}. */
    public void search(Context ctx) {
        searchPage.answer(ctx, clock.instant()).ifPresentOrElse(answer -> send(ctx, answer.status(), answer.doc()),
                () -> notFound(ctx));
    }

    /**
     * The home page, a category's, an author's or a tag's: a page of their articles, newest
     * first, with links to the newer and older pages, and their feeds; {@code follow} labels the
     * feeds. A category's page changes with the writes that change its feeds, and with the names
     * of categories every page lists.
     */
    private Optional<PageRequest> listOf(Context ctx, FeedScope.Kind kind, String slug, String follow) {
        if (slug != null && !Slug.isValid(slug)) {
            return Optional.empty();
        }
        Optional<ArticleQuery> cursor = Paging.fromRequest(ctx, ArticleQuery.site(Instant.EPOCH, listSize));
        if (cursor.isEmpty()) {
            return Optional.empty();
        }
        ArticleQuery at = cursor.get();
        String path = switch (kind) {
            case SITE -> "/";
            case CATEGORY -> "/category/" + slug;
            case AUTHOR -> "/author/" + slug;
            case TAG -> "/tag/" + slug;
        };
        String key = at.beforeId() == null ? path : path + Paging.query(at.before(), at.beforeId());
        Predicate<Changes> changedBy = changed -> changed.changesNames() || FeedScope.changedBy(kind, slug, changed);
        return Optional.of(new PageRequest(key, now -> scope(kind, slug, now)
                .flatMap(scope -> listPage(scope, at, follow, now))
                .map(doc -> new RenderedPage(document(doc, now), changedBy))));
    }

    private Optional<FeedScope> scope(FeedScope.Kind kind, String slug, Instant now) {
        return switch (kind) {
            case SITE -> Optional.of(FeedScope.site());
            case CATEGORY -> store.category(slug, now).map(FeedScope::of);
            case AUTHOR -> store.author(slug, now).map(FeedScope::of);
            case TAG -> store.tag(slug, now).map(FeedScope::of);
        };
    }

    private Optional<Document> listPage(FeedScope scope, ArticleQuery cursor, String follow, Instant now) {
        ArticleQuery query = scope.query(now, listSize);
        if (cursor.beforeId() != null) {
            query = query.after(cursor.before(), cursor.beforeId());
        }
        Paging.Page page = paging.page(query, scope.pageUrl(links));
        if (page.articles().isEmpty() && query.beforeId() != null) {
            return Optional.empty(); // a cursor past the end of the archive
        }
        boolean site = scope.kind() == FeedScope.Kind.SITE;
        List<FeedLink> feeds = site ? List.of() : layout.feeds(scope);
        PageMeta meta = PageMeta.listing(page.url(), scope.description(layout.siteTitle()));
        Document doc = layout.page(site ? null : scope.name(), meta, feeds, store.categories(now));
        ArticleListPage.linkPages(doc.head(), page);
        listPage.fill(PageLayout.main(doc), site ? "آخر الأخبار" : scope.name(), site ? layout.siteFeeds() : feeds,
                follow, page);
        return Optional.of(doc);
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

    /** The Arabic 404 page (never cached: it lists the categories as they are now). */
    public void notFound(Context ctx) {
        Document doc = layout.page("الصفحة غير موجودة", PageMeta.none(), List.of(), store.categories(clock.instant()));
        Element main = PageLayout.main(doc);
        main.appendElement("h1").text("الصفحة غير موجودة");
        main.appendElement("p").text("لم نجد ما تبحث عنه: ربما حُذف المقال أو لم يُنشر بعد، أو أن الرابط غير صحيح.");
        main.appendElement("p").appendElement("a").attr("href", links.home())
                .text("العودة إلى الصفحة الرئيسية");
        send(ctx, 404, doc);
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
