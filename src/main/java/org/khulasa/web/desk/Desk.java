package org.khulasa.web.desk;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.khulasa.article.Article;
import org.khulasa.article.ArticleDraft;
import org.khulasa.article.ArticleStore;
import org.khulasa.article.BodySanitizer;
import org.khulasa.article.InvalidArticleException;
import org.khulasa.article.RelatedMatcher.ArticleText;
import org.khulasa.article.Slug;
import org.khulasa.web.ArticleApi;
import org.khulasa.web.DeskAccess;
import org.khulasa.web.DeskSessions;
import org.khulasa.web.http.ArticleIds;
import org.khulasa.web.pages.ArabicDates;
import org.khulasa.web.pages.Pages;

/**
 * The editors' writing desk at {@code /desk}: sign in and out, the list of articles, the writing
 * form, and three helpers its script calls (title search, related suggestions, preview). Every
 * write goes through {@code /api/articles}, with the session cookie and its CSRF header in place
 * of a bearer token, so the API's validation applies to the desk as to any client.
 */
public final class Desk {
    /** No inline script or style; scripts, styles and requests from this origin only. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' https: http:; connect-src 'self'; object-src 'none'; base-uri 'none'; "
            + "form-action 'self'; frame-ancestors 'none'";

    private final ArticleStore store;
    private final Clock clock;
    private final DeskAccess access;
    private final ArticleApi api;
    private final Pages pages;
    private final String origin;
    private final boolean secure;
    private final DeskLayout layout;
    private final DeskSearch search;
    private final ListPage listPage;
    private final EditorPage editorPage;
    private final DeskAssets assets = new DeskAssets();

    public Desk(ArticleStore store, Clock clock, DeskAccess access, ArticleApi api, Pages pages, String baseUrl,
            String siteTitle, ZoneId zone) {
        this.store = store;
        this.clock = clock;
        this.access = access;
        this.api = api;
        this.pages = pages;
        URI base = URI.create(baseUrl);
        this.origin = base.getScheme() + "://" + base.getRawAuthority();
        this.secure = "https".equalsIgnoreCase(base.getScheme());
        this.layout = new DeskLayout(siteTitle, pages.stylesheetHref());
        this.search = new DeskSearch(store);
        this.listPage = new ListPage(new ArabicDates(zone));
        this.editorPage = new EditorPage(zone);
    }

    /** {@code GET /desk}: the article list when signed in, else the sign-in form. */
    public void home(Context ctx) {
        Optional<DeskSessions.Session> session = access.pageSession(ctx);
        if (session.isEmpty()) {
            signInPage(ctx, 200, null);
            return;
        }
        ListPage.Filters filters = new ListPage.Filters(blankToNull(ctx.queryParam("q")),
                slugOrNull(ctx.queryParam("category")), slugOrNull(ctx.queryParam("author")),
                DeskStatus.fromParam(ctx.queryParam("status")).orElse(null), pageParam(ctx));
        Instant now = clock.instant();
        DeskSearch.Page page = search.find(filters.q(), filters.category(), filters.author(), filters.status(), now,
                filters.page(), DeskSearch.PAGE_SIZE);
        Document doc = layout.page("المقالات", session.get());
        listPage.fill(DeskLayout.main(doc), filters, page, editorsCategories(), editorsAuthors(), now);
        send(ctx, 200, doc);
    }

    /** {@code POST /desk/signin}: a form with the editor token; the token is checked, never echoed. */
    public void signIn(Context ctx) {
        if (!sameOrigin(ctx)) {
            signInPage(ctx, 403, "أُرسل النموذج من موقع آخر.");
            return;
        }
        DeskAccess.SignIn signIn = access.signIn(ctx, ctx.formParam("token"));
        if (signIn.blocked()) {
            signInPage(ctx, 429, "محاولات خاطئة كثيرة من هذا العنوان؛ أعد المحاولة بعد دقيقة.");
            return;
        }
        Optional<DeskSessions.Session> session = signIn.session();
        if (session.isEmpty()) {
            signInPage(ctx, 401, "رمز التحرير غير صحيح.");
            return;
        }
        ctx.header("Set-Cookie", cookie(session.get().cookie(), DeskSessions.LIFETIME.toSeconds()));
        ctx.redirect("/desk", io.javalin.http.HttpStatus.SEE_OTHER);
    }

    /**
     * {@code POST /desk/signout}: the session ends and the cookie is dropped (with the session's
     * CSRF token, so no other site can).
     */
    public void signOut(Context ctx) {
        Optional<DeskSessions.Session> session = access.pageSession(ctx);
        if (session.isPresent() && !DeskSessions.csrfMatches(session.get(), ctx.formParam("csrf"))) {
            ctx.status(403).contentType("text/plain; charset=utf-8").result("رمز الحماية غير صحيح");
            return;
        }
        session.ifPresent(access::signOut);
        ctx.header("Set-Cookie", cookie("", 0));
        ctx.redirect("/desk", io.javalin.http.HttpStatus.SEE_OTHER);
    }

    /** {@code GET /desk/new} and {@code GET /desk/articles/{id}}: the writing form. */
    public void newArticle(Context ctx) {
        editor(ctx, 0);
    }

    public void editArticle(Context ctx) {
        Optional<Long> id = ArticleIds.parse(ctx.pathParam("id"));
        if (id.isEmpty() || store.find(id.get(), null).isEmpty()) {
            ctx.status(404).contentType("text/plain; charset=utf-8").result("لا يوجد مقال بهذا الرقم");
            return;
        }
        editor(ctx, id.get());
    }

    private void editor(Context ctx, long id) {
        Optional<DeskSessions.Session> session = access.pageSession(ctx);
        if (session.isEmpty()) {
            ctx.redirect("/desk", io.javalin.http.HttpStatus.SEE_OTHER);
            return;
        }
        Document doc = layout.page(id == 0 ? "مقال جديد" : "تحرير مقال", session.get());
        editorPage.fill(DeskLayout.main(doc), id, editorsCategories(), editorsAuthors(), clock.instant());
        send(ctx, 200, doc);
    }

    /** Before {@code /desk/api/*}: the session cookie with its CSRF header (or a bearer token). */
    public void requireEditor(Context ctx) {
        access.requireEditor(ctx);
    }

    /** {@code GET /desk/api/now}: the server's time, which "publish now" uses whatever the browser's clock says. */
    public void now(Context ctx) {
        ctx.json(Map.of("now", clock.instant().toString()));
    }

    /** {@code GET /desk/api/titles?q=}: articles whose titles match, for choosing related ones. */
    public void titles(Context ctx) {
        String q = blankToNull(ctx.queryParam("q"));
        List<Article> found = q == null ? List.of() : search.find(q, null, null, null, clock.instant(), 0, 10).articles();
        ctx.json(found.stream().map(a -> Map.of("id", a.id(), "title", a.content().title())).toList());
    }

    /**
     * {@code POST /desk/api/suggestions}: the automatic related picks for a text not yet saved,
     * {@code {"id", "title", "summary", "body", "category", "tags", "related"}}, all optional.
     */
    public void suggestions(Context ctx) {
        JsonNode json = api.jsonOf(ctx);
        if (json == null || !json.isObject()) {
            throw new InvalidArticleException("", "the body must be a JSON object");
        }
        List<String> tags = new ArrayList<>();
        json.path("tags").forEach(t -> tags.add(t.asText("")));
        Set<Long> exclude = new HashSet<>();
        json.path("related").forEach(r -> exclude.add(r.asLong()));
        String category = json.path("category").asText("");
        ArticleText text = new ArticleText(json.path("title").asText(""), json.path("summary").asText(""),
                BodySanitizer.sanitize(json.path("body").asText("")), Slug.isValid(category) ? category : "",
                tags, clock.instant());
        ctx.json(store.suggestRelated(text, Math.max(0, json.path("id").asLong(0)), exclude).stream()
                .map(r -> Map.of("id", r.id(), "title", r.title())).toList());
    }

    /** {@code POST /desk/api/preview}: the article, validated as the API would, shown as its reader's page. */
    public void preview(Context ctx) {
        ArticleDraft draft = api.draftOf(ctx);
        Instant now = clock.instant();
        Article article = new Article(0, 0, draft.content().withDefaultPublished(now), now, List.of(), draft.tags(),
                draft.image(), List.of());
        ctx.json(Map.of("html", pages.preview(article)));
    }

    public void asset(Context ctx) {
        assets.serve(ctx);
    }

    private void signInPage(Context ctx, int status, String error) {
        Document doc = layout.page("الدخول", null);
        Element main = DeskLayout.main(doc);
        main.appendElement("h1").text("الدخول إلى مكتب التحرير");
        Element form = main.appendElement("form").attr("method", "post").attr("action", "/desk/signin")
                .addClass("signin");
        if (error != null) {
            form.appendElement("p").addClass("field-error").attr("id", "signin-error").attr("role", "alert").text(error);
        }
        Element token = DeskLayout.field(form, "token", "رمز التحرير", "input").attr("type", "password")
                .attr("dir", "ltr").attr("autocomplete", "current-password").attr("required", true);
        token.attr("autofocus", true);
        form.appendElement("button").attr("type", "submit").attr("id", "sign-in").text("دخول");
        send(ctx, status, doc);
    }

    /** Browsers send Origin with every form POST; one from elsewhere is refused. */
    private boolean sameOrigin(Context ctx) {
        String from = ctx.header("Origin");
        return from == null || from.equals(origin) || from.equals(ctx.scheme() + "://" + ctx.host());
    }

    private String cookie(String value, long maxAge) {
        return DeskSessions.COOKIE + "=" + value + "; Path=/; Max-Age=" + maxAge + "; HttpOnly; SameSite=Strict"
                + (secure ? "; Secure" : "");
    }

    private static void send(Context ctx, int status, Document doc) {
        ctx.status(status)
                .contentType("text/html; charset=utf-8")
                .header("Cache-Control", "no-store")
                .header("Content-Language", "ar")
                .header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "same-origin")
                .result(doc.outerHtml().getBytes(StandardCharsets.UTF_8));
    }

    private static int pageParam(Context ctx) {
        String value = ctx.queryParam("page");
        if (value != null && value.length() <= 4 && !value.isEmpty() && value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Integer.parseInt(value);
        }
        return 0;
    }

    private static String slugOrNull(String value) {
        return value != null && Slug.isValid(value) ? value : null;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** Editors file under every category, one with no article out yet included. */
    private List<org.khulasa.article.Category> editorsCategories() {
        return store.filings(org.khulasa.article.Filing.Kind.CATEGORY, clock.instant()).stream()
                .map(f -> new org.khulasa.article.Category(f.slug(), f.name())).toList();
    }

    private List<org.khulasa.article.Author> editorsAuthors() {
        return store.filings(org.khulasa.article.Filing.Kind.AUTHOR, clock.instant()).stream()
                .map(f -> new org.khulasa.article.Author(f.slug(), f.name())).toList();
    }
}
