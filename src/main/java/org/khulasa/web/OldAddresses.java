package org.khulasa.web;

import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.khulasa.article.ImportedArchive;
import org.khulasa.article.ImportedArchive.Redirect;
import org.khulasa.article.OldAddress;
import org.khulasa.links.SiteLinks;

/**
 * Addresses of the site Khulasa replaced (WordPress permalinks, {@code /?p=12}, category, author
 * and tag pages and their feeds, the site's feeds and search): 301 to where the same thing lives
 * now, or 410 for what is gone (the comment feeds, the site's and each post's). Asked only for GET
 * and HEAD requests nothing else answered, so they cost the rest of the site nothing; found ones
 * are kept in memory until the next write.
 */
public final class OldAddresses {
    private static final int CACHED = 10_000;
    private static final String CACHE_CONTROL = "public, max-age=300";

    private final ImportedArchive archive;
    private final SiteLinks links;
    private final Clock clock;
    private final Problems problems;
    private final ConcurrentHashMap<String, Redirect> found = new ConcurrentHashMap<>();
    /** The old site's search, or empty when none was imported; null until read. Kept either way: most sites have none. */
    private volatile Optional<Redirect> search;

    OldAddresses(ImportedArchive archive, SiteLinks links, Clock clock, Problems problems) {
        this.archive = archive;
        this.links = links;
        this.clock = clock;
        this.problems = problems;
    }

    /** Before the home page: WordPress answered {@code /?p=12}, {@code /?feed=rss2} and {@code /?s=words} there. */
    public void beforeHome(Context ctx) {
        String query = ctx.queryString();
        if (query != null && isRead(ctx)) {
            String key = OldAddress.of("/", query);
            String words = ctx.queryParam("s");
            if (key.startsWith("?") ? answer(ctx, key) : words != null && search(ctx, words)) {
                ctx.skipRemainingHandlers();
            }
        }
    }

    /** For a request that found nothing: true when it was an old address, now answered. */
    public boolean answer(Context ctx) {
        if (!isRead(ctx)) {
            return false;
        }
        String key = OldAddress.of(ctx.path(), ctx.queryString());
        return key.equals("/") ? frontController(ctx) : answer(ctx, key);
    }

    /** Written articles may have moved or gone: look again. */
    void forget() {
        found.clear();
        search = null;
    }

    /**
     * WordPress's {@code /index.php} with no address after it (or a query no old address holds):
     * its home page, which WordPress sent on to {@code /}; with {@code ?s=}, its search. Only for a
     * site imported from WordPress, which is when the old search was stored.
     */
    private boolean frontController(Context ctx) {
        if (oldSearch().isEmpty()) {
            return false;
        }
        String words = ctx.queryParam("s");
        if (words == null) {
            ctx.status(301).header("Location", links.url("/")).header("Cache-Control", CACHE_CONTROL).result("");
            return true;
        }
        return search(ctx, words);
    }

    private Optional<Redirect> oldSearch() {
        Optional<Redirect> known = search;
        if (known == null) {
            known = archive.redirect(OldAddress.SEARCH, clock.instant());
            search = known;
        }
        return known;
    }

    /** The old site's search, if there was one: the same words on the search page. */
    private boolean search(Context ctx, String words) {
        Optional<Redirect> known = oldSearch();
        known.ifPresent(r -> ctx.status(r.status())
                .header("Location", links.url(r.location() + "?q=" + URLEncoder.encode(words.strip(), StandardCharsets.UTF_8)))
                .header("Cache-Control", CACHE_CONTROL).result(""));
        return known.isPresent();
    }

    private boolean answer(Context ctx, String key) {
        Redirect redirect = found.get(key);
        if (redirect == null) {
            Optional<Redirect> stored = archive.redirect(key, clock.instant()).or(() -> commentFeed(key));
            if (stored.isEmpty()) {
                return false;
            }
            redirect = stored.get();
            if (found.size() < CACHED) {
                found.put(key, redirect);
            }
        }
        if (redirect.status() == 410) {
            problems.send(ctx, 410, "Gone", "the old site's " + (key.startsWith("?") ? "/" + key : ctx.path())
                    + " is not published any more");
        } else {
            ctx.status(redirect.status()).header("Location", links.url(redirect.location())).result("");
        }
        ctx.header("Cache-Control", CACHE_CONTROL);
        return true;
    }

    /** A post's comment feed is gone with the comments, if the post itself came along. */
    private Optional<Redirect> commentFeed(String key) {
        return OldAddress.commentFeedOf(key)
                .flatMap(post -> archive.redirect(post, clock.instant()))
                .filter(post -> post.status() == 301 && post.location().startsWith("/articles/"))
                .map(post -> new Redirect(410, null));
    }

    private static boolean isRead(Context ctx) {
        String method = ctx.req().getMethod();
        return method.equals("GET") || method.equals("HEAD");
    }
}
