package org.khulasa.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import org.khulasa.article.Article;
import org.khulasa.article.ArticleDraft;
import org.khulasa.article.ArticleRules;
import org.khulasa.article.ArticleQuery;
import org.khulasa.article.ArticleStore;
import org.khulasa.article.Change;
import org.khulasa.article.EditConflictException;
import org.khulasa.article.IdempotencyKey;
import org.khulasa.article.Revisions;
import org.khulasa.article.Slug;
import org.khulasa.links.SiteLinks;
import org.khulasa.web.http.ArticleIds;
import org.khulasa.web.http.Rfc3339;

/**
 * The editor API: create, read, replace, delete and list articles as JSON.
 *
 * <pre>curl -H 'Authorization: Bearer TOKEN' -H 'Content-Type: application/json' \
 *      --data @article.json http://localhost:8080/api/articles</pre>
 */
public record ArticleApi(ArticleStore store, JsonBody jsonBody, EditorAuth auth, SiteLinks links, Clock clock, Runnable onChange) {
    private static final int DEFAULT_LIMIT = 20;
    private static final int MAX_LIMIT = 100;
    private static final int MAX_IDEMPOTENCY_KEY = 200;

    public void create(Context ctx) {
        JsonNode json = jsonBody.parse(jsonBody.read(ctx));
        ArticleDraft draft = ArticleRequest.parse(json);
        if (draft.change() == Change.CORRECTION) {
            throw ProblemException.badField("change", "correction applies to an edit (PUT): a new article has nothing to correct");
        }
        ArticleStore.Created created = store.create(draft, idempotencyKey(ctx, json));
        if (!created.replayed()) {
            onChange.run();
        } else {
            ctx.header("Idempotent-Replayed", "true");
        }
        ctx.status(201).header("Location", links.apiArticle(created.article().id()))
                .header("ETag", ArticleJson.etag(created.article()))
                .json(ArticleJson.of(created.article(), links));
    }

    /** The article a request's body describes, validated exactly as a create or a replace would. */
    public ArticleDraft draftOf(Context ctx) {
        return ArticleRequest.parse(jsonOf(ctx));
    }

    /** The request's JSON body, refused as the API refuses one: too large (413), not JSON (415), malformed (400). */
    public JsonNode jsonOf(Context ctx) {
        return jsonBody.parse(jsonBody.read(ctx));
    }

    public void read(Context ctx) {
        // Editors see what they scheduled and their drafts; the public sees what is out.
        Instant visibleAt = auth.identify(ctx).isPresent() ? null : clock.instant();
        Article article = store.find(id(ctx), visibleAt)
                .filter(a -> visibleAt == null || a.isPublishedAt(visibleAt))
                .orElseThrow(() -> ProblemException.notFound("no article has id " + ctx.pathParam("id")));
        ctx.header("ETag", ArticleJson.etag(article)).json(ArticleJson.of(article, links));
    }

    public void replace(Context ctx) {
        long id = id(ctx);
        Revisions base = IfMatch.parse(ctx.header("If-Match"));
        ArticleDraft draft = ArticleRequest.parse(jsonBody.parse(jsonBody.read(ctx)));
        Article updated = unlessChangedSince(ctx, () -> store.update(id, draft, base))
                .orElseThrow(() -> ProblemException.notFound("no article has id " + id));
        onChange.run();
        ctx.header("ETag", ArticleJson.etag(updated)).json(ArticleJson.of(updated, links));
    }

    public void delete(Context ctx) {
        long id = id(ctx);
        Revisions base = IfMatch.parse(ctx.header("If-Match"));
        if (!unlessChangedSince(ctx, () -> store.delete(id, base))) {
            throw ProblemException.notFound("no article has id " + id);
        }
        onChange.run();
        ctx.status(204);
    }

    /** Runs an edit; one based on an older revision answers 412 with the article as it is now. */
    private <T> T unlessChangedSince(Context ctx, Supplier<T> edit) {
        try {
            return edit.get();
        } catch (EditConflictException e) {
            ctx.header("ETag", ArticleJson.etag(e.current()));
            throw new ProblemException(Problem.changedSince(ArticleJson.of(e.current(), links)));
        }
    }

    public void list(Context ctx) {
        String category = slugParam(ctx, "category");
        String author = slugParam(ctx, "author");
        int limit = limitParam(ctx);
        Instant before = beforeParam(ctx);
        Long beforeId = beforeIdParam(ctx, before);
        // Editors see what they scheduled; the public sees what is out.
        Instant visibleAt = auth.identify(ctx).isPresent() ? null : clock.instant();
        List<Article> page = store.list(new ArticleQuery(category, author, visibleAt, before, beforeId, limit));
        if (page.size() == limit) {
            Article last = page.get(page.size() - 1);
            ctx.header("Link", "<" + nextPage(category, author, limit, last) + ">; rel=\"next\"");
        }
        ctx.json(page.stream().map(a -> ArticleJson.of(a, links)).toList());
    }

    /**
     * The page after one ending with {@code last} (RFC 8288): the same filters, continuing just
     * after it in the list's order (publication time, then id), so articles sharing a time are
     * neither skipped nor repeated.
     */
    private static String nextPage(String category, String author, int limit, Article last) {
        StringBuilder url = new StringBuilder("/api/articles?limit=").append(limit);
        if (category != null) {
            url.append("&category=").append(category);
        }
        if (author != null) {
            url.append("&author=").append(author);
        }
        return url.append("&before=").append(ArticleJson.iso(last.content().published()))
                .append("&before_id=").append(last.id()).toString();
    }

    private static long id(Context ctx) {
        return ArticleIds.parse(ctx.pathParam("id"))
                .orElseThrow(() -> ProblemException.badField("id", "must be a positive whole number"));
    }

    private static String slugParam(Context ctx, String name) {
        String value = ctx.queryParam(name);
        if (value == null || value.isEmpty()) {
            return null;
        }
        if (!Slug.isValid(value)) {
            throw ProblemException.badField(name, "must be a slug: lowercase ASCII letters, digits or hyphens");
        }
        return value;
    }

    private static int limitParam(Context ctx) {
        String value = ctx.queryParam("limit");
        if (value == null || value.isEmpty()) {
            return DEFAULT_LIMIT;
        }
        // ASCII digits only, as for ids: Integer.parseInt would also read "١٠" as 10.
        if (value.length() <= 3 && value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            int limit = Integer.parseInt(value);
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        }
        throw ProblemException.badField("limit", "must be a whole number from 1 to " + MAX_LIMIT);
    }

    private static Instant beforeParam(Context ctx) {
        String value = ctx.queryParam("before");
        if (value == null || value.isEmpty()) {
            return null;
        }
        Instant before = Rfc3339.parse(value).orElseThrow(() ->
                ProblemException.badField("before", "must be an RFC 3339 time with an offset, like 2026-10-25T10:00:00Z"));
        // Outside it no article can be; far years overflow the stored milliseconds.
        if (!ArticleRules.isPublishable(before)) {
            throw ProblemException.badField("before", ArticleRules.PUBLISHED_RANGE);
        }
        return before;
    }

    /** {@code before_id}: where, among articles published at {@code before} exactly, the last page ended. */
    private static Long beforeIdParam(Context ctx, Instant before) {
        String value = ctx.queryParam("before_id");
        if (value == null || value.isEmpty()) {
            return null;
        }
        if (before == null) {
            throw ProblemException.badField("before_id", "needs before: it says where among articles published at that time to go on");
        }
        return ArticleIds.parse(value)
                .orElseThrow(() -> ProblemException.badField("before_id", "must be a positive whole number"));
    }

    private static IdempotencyKey idempotencyKey(Context ctx, JsonNode body) {
        String key = ctx.header("Idempotency-Key");
        if (key == null) {
            return IdempotencyKey.NONE;
        }
        if (key.isBlank() || key.length() > MAX_IDEMPOTENCY_KEY) {
            throw ProblemException.badField("Idempotency-Key", "must be 1-" + MAX_IDEMPOTENCY_KEY + " characters");
        }
        String token = ctx.attribute(EditorAuth.TOKEN_HASH);
        return new IdempotencyKey(token, key, RequestFingerprint.of(body));
    }
}
