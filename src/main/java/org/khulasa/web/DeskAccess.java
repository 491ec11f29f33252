package org.khulasa.web;

import io.javalin.http.Context;
import java.util.Optional;

/**
 * Who may use the desk: signing in with an editor token (failures count toward the same limit
 * as the API's), and the session a page request carries. The desk lives in its own package; this
 * is all of the API's authentication it sees.
 */
public final class DeskAccess {
    private final EditorAuth auth;
    private final DeskSessions sessions;

    DeskAccess(EditorAuth auth, DeskSessions sessions) {
        this.auth = auth;
        this.sessions = sessions;
    }

    /** How a sign-in went: a new session, or none; {@code blocked} when the address failed too often. */
    public record SignIn(Optional<DeskSessions.Session> session, boolean blocked) {
    }

    /** A new session when {@code token} is a configured editor token; not even checked while the address is blocked. */
    public SignIn signIn(Context ctx, String token) {
        try {
            return new SignIn(auth.check(ctx, token == null || token.isBlank() ? null : token.strip())
                    .map(sessions::open), false);
        } catch (ProblemException e) {
            if (e.problem().status() == 429) {
                return new SignIn(Optional.empty(), true);
            }
            throw e;
        }
    }

    /** The session of a page request: the cookie alone, as a browser sends it on a navigation. */
    public Optional<DeskSessions.Session> pageSession(Context ctx) {
        return sessions.verify(ctx.cookie(DeskSessions.COOKIE));
    }

    /** Ends the session: its cookie opens nothing more, on any instance. */
    public void signOut(DeskSessions.Session session) {
        sessions.end(session);
    }

    /** 401 unless the request carries a token, or the session cookie with its CSRF header. */
    public void requireEditor(Context ctx) {
        auth.require(ctx);
    }
}
