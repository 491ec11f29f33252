package org.khulasa.web;

import java.util.List;
import org.khulasa.article.FieldError;
import org.khulasa.websub.HubException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import org.khulasa.article.IdempotencyConflictException;
import org.khulasa.article.InvalidArticleException;
import org.khulasa.article.StorageUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one error mapper: every exception a handler throws becomes an RFC 9457 problem document.
 * Nothing internal (stack traces, SQL) ever reaches the client; unexpected failures are logged.
 */
public final class Problems {
    private static final Logger log = LoggerFactory.getLogger(Problems.class);

    private final ObjectMapper mapper;

    Problems(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public void handle(Exception e, Context ctx) {
        if (e instanceof ProblemException p) {
            send(ctx, p.problem());
        } else if (e instanceof InvalidArticleException invalid) {
            String detail = invalid.errors().size() == 1
                    ? invalid.errors().get(0).field() + " " + invalid.errors().get(0).message()
                    : invalid.errors().size() + " fields are invalid";
            send(ctx, Problem.invalid(detail, invalid.errors()));
        } else if (e instanceof HubException hub) {
            String title = switch (hub.status()) {
                case 403 -> "Callback refused";
                case 413 -> "Request too large";
                case 429 -> "Too many subscriptions";
                default -> "Invalid hub request";
            };
            send(ctx, new Problem("about:blank", title, hub.status(), hub.getMessage(),
                    List.of(new FieldError(hub.field(), hub.getMessage())), null));
        } else if (e instanceof IdempotencyConflictException) {
            send(ctx, Problem.of(409, "Idempotency key reused", e.getMessage()));
        } else if (e instanceof StorageUnavailableException) {
            log.error("Storage unavailable on {} {}: {}", ctx.method(), ctx.path(), e.getMessage());
            ctx.header("Retry-After", "30");
            send(ctx, Problem.of(503, "Storage unavailable", "the request could not be carried out now; retry later"));
        } else if (e instanceof HttpResponseException http) {
            send(ctx, Problem.of(http.getStatus(), http.getMessage(), http.getMessage()));
        } else if (isMalformedPercentEncoding(e)) {
            send(ctx, Problem.of(400, "Invalid request", "the path holds a malformed percent-encoding"));
        } else {
            log.error("Unexpected failure on {} {}", ctx.method(), ctx.path(), e);
            send(ctx, Problem.of(500, "Internal error", "the server failed; the failure is logged"));
        }
    }

    /** Javalin decodes path parameters before any handler runs, with URLDecoder, which throws on "%zz". */
    private static boolean isMalformedPercentEncoding(Exception e) {
        StackTraceElement[] trace = e.getStackTrace();
        return e instanceof IllegalArgumentException && trace.length > 0
                && trace[0].getClassName().equals("java.net.URLDecoder");
    }

    /**
     * Replaces Javalin's plain-text answer to requests no route matched. Javalin's error hook also
     * runs after our own handlers set the status, so answers already a problem or a page are kept.
     */
    public void fillUnlessAnswered(Context ctx, int status, String title, String detail) {
        String type = ctx.res().getContentType();
        if (type == null || !(type.startsWith("application/problem+json") || type.startsWith("text/html"))) {
            send(ctx, Problem.of(status, title, detail));
        }
    }

    /** Answers with a problem, whatever was set before. */
    public void send(Context ctx, int status, String title, String detail) {
        send(ctx, Problem.of(status, title, detail));
    }

    private void send(Context ctx, Problem problem) {
        if (problem.status() >= 400 && problem.status() < 500) {
            // One line per refused request, never a trace: bad input is the client's, not a failure.
            // Only the fixed vocabulary: a path or a detail may carry what a client pasted (a token).
            log.info("{} refused: {} {}{}", ctx.method(), problem.status(), problem.title(),
                    problem.errors().isEmpty() ? "" : " " + problem.errors().stream().map(e -> e.field()).toList());
        }
        try {
            ctx.status(problem.status())
                    .contentType("application/problem+json; charset=utf-8")
                    .result(mapper.writeValueAsBytes(problem));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a problem document always serializes", e);
        }
    }
}
