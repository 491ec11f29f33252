package org.khulasa.web;

import io.javalin.http.Context;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

/** Bearer-token checks for the editor API: who may write, and who may see scheduled articles. */
record EditorAuth(EditorTokens tokens, AuthFailureLimiter failures, DeskSessions sessions) {
    static final String TOKEN_HASH = "khulasa.tokenHash";

    /** A before-handler for write methods: 401 unless a configured token is presented. */
    void requireForWrites(Context ctx) {
        String method = ctx.req().getMethod();
        if (!method.equals("GET") && !method.equals("HEAD") && !method.equals("OPTIONS")) {
            ctx.attribute(TOKEN_HASH, require(ctx));
        }
        // Javalin routes by X-HTTP-Method-Override: honoured, it would turn a GET (no token
        // needed) into a DELETE. The API has no use for it, so it is refused outright.
        if (ctx.header("X-HTTP-Method-Override") != null) {
            throw ProblemException.badField("X-HTTP-Method-Override", "is not supported; send the real method");
        }
    }

    String require(Context ctx) {
        if (tokens.isEmpty()) {
            ctx.header("WWW-Authenticate", "Bearer");
            throw ProblemException.of(401, "Unauthorized",
                    "this server accepts no writes until editor tokens are set in KHULASA_EDITOR_TOKENS");
        }
        return identify(ctx).orElseThrow(() -> {
            ctx.header("WWW-Authenticate", "Bearer");
            return ProblemException.of(401, "Unauthorized",
                    "send a valid editor token as 'Authorization: Bearer TOKEN', "
                    + "or the desk's session cookie with its " + DeskSessions.CSRF_HEADER + " header");
        });
    }

    /**
     * The token's digest when the request carries a valid one. Any Authorization header is an
     * attempt: from an address that failed too often it is answered 429 without being checked.
     */
    Optional<String> identify(Context ctx) {
        String header = ctx.header("Authorization");
        if (header == null) {
            return deskSession(ctx).map(DeskSessions.Session::tokenDigest);
        }
        return check(ctx, header.length() >= 7 && header.substring(0, 7).toLowerCase(Locale.ROOT).equals("bearer ")
                ? header.substring(7).strip() : null);
    }

    /**
     * The desk's session, when the request carries its cookie and, as every script request of the
     * desk does, the session's CSRF token in a header: a cookie alone, which a browser sends on
     * its own, never counts.
     */
    Optional<DeskSessions.Session> deskSession(Context ctx) {
        return sessions.verify(ctx.cookie(DeskSessions.COOKIE))
                .filter(s -> DeskSessions.csrfMatches(s, ctx.header(DeskSessions.CSRF_HEADER)));
    }

    /**
     * Checks a presented token (null: malformed) against the configured ones, counting failures
     * toward the address's limit; 429 without checking when the address failed too often.
     */
    Optional<String> check(Context ctx, String presented) {
        String address = ctx.req().getRemoteAddr();
        OptionalLong blocked = failures.blockedFor(address);
        if (blocked.isPresent()) {
            ctx.header("Retry-After", String.valueOf(blocked.getAsLong()));
            throw ProblemException.of(429, "Too many failed attempts",
                    "too many wrong tokens from this address; retry after " + blocked.getAsLong() + " seconds");
        }
        Optional<String> match = presented == null ? Optional.empty() : tokens.match(presented);
        if (match.isEmpty()) {
            failures.recordFailure(address);
        }
        return match;
    }
}
