package org.khulasa.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.khulasa.article.ArticleRules;
import org.khulasa.article.ArticleStore;
import org.khulasa.article.Filing;
import org.khulasa.article.Slug;
import org.khulasa.article.XmlText;

/**
 * Categories and authors for editors: list, rename, remove (409 while an article is filed under
 * one). The public list holds only those with an article out, as the navigation does.
 *
 * <pre>curl -X PUT -H 'Authorization: Bearer TOKEN' -H 'Content-Type: application/json' \
 *      --data '{"name": "سياسة محلية"}' http://localhost:8080/api/categories/politics</pre>
 */
public record FilingApi(ArticleStore store, JsonBody jsonBody, EditorAuth auth, Clock clock, Runnable onChange) {
    public io.javalin.http.Handler list(Filing.Kind kind) {
        return ctx -> {
            Instant now = clock.instant();
            List<Filing> all = store.filings(kind, now);
            if (auth.identify(ctx).isEmpty()) {
                // The public sees what the navigation shows: those with an article out.
                List<String> seen = kind == Filing.Kind.CATEGORY
                        ? store.categories(now).stream().map(c -> c.slug()).toList()
                        : store.authors(now).stream().map(a -> a.slug()).toList();
                all = all.stream().filter(f -> seen.contains(f.slug())).toList();
            }
            ctx.json(all);
        };
    }

    public io.javalin.http.Handler read(Filing.Kind kind) {
        return ctx -> {
            String slug = slug(ctx);
            // The public never learns of one that isn't out.
            ctx.json(store.filings(kind, clock.instant()).stream().filter(f -> f.slug().equals(slug))
                    .filter(f -> auth.identify(ctx).isPresent() || visible(kind, slug))
                    .findFirst().orElseThrow(() -> ProblemException.notFound("no " + noun(kind) + " has slug " + slug)));
        };
    }

    public io.javalin.http.Handler rename(Filing.Kind kind) {
        return ctx -> {
            String slug = slug(ctx);
            JsonNode json = jsonBody.parse(jsonBody.read(ctx));
            JsonNode name = json.isObject() ? json.get("name") : null;
            if (name == null || !name.isTextual() || XmlText.clean(name.textValue()).isBlank()) {
                throw ProblemException.badField("name", "is required: a non-empty string");
            }
            String clean = XmlText.clean(name.textValue());
            if (clean.codePointCount(0, clean.length()) > ArticleRules.MAX_NAME) {
                throw ProblemException.badField("name", "must be at most " + ArticleRules.MAX_NAME + " characters");
            }
            Filing renamed = store.rename(kind, slug, clean)
                    .orElseThrow(() -> ProblemException.notFound("no " + noun(kind) + " has slug " + slug));
            onChange.run();
            ctx.json(renamed);
        };
    }

    public io.javalin.http.Handler remove(Filing.Kind kind) {
        return ctx -> {
            String slug = slug(ctx);
            switch (store.remove(kind, slug)) {
                case UNKNOWN -> throw ProblemException.notFound("no " + noun(kind) + " has slug " + slug);
                case IN_USE -> throw ProblemException.of(409, "In use",
                        "articles are filed under " + noun(kind) + " " + slug + "; move or delete them first");
                default -> ctx.status(204);
            }
        };
    }

    private boolean visible(Filing.Kind kind, String slug) {
        Instant now = clock.instant();
        return kind == Filing.Kind.CATEGORY ? store.category(slug, now).isPresent() : store.author(slug, now).isPresent();
    }

    private static String noun(Filing.Kind kind) {
        return kind == Filing.Kind.CATEGORY ? "category" : "author";
    }

    private static String slug(Context ctx) {
        String slug = ctx.pathParam("slug");
        if (!Slug.isValid(slug)) {
            throw ProblemException.badField("slug", "must be 1-64 lowercase ASCII letters, digits or hyphens");
        }
        return slug;
    }
}
