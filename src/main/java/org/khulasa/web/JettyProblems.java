package org.khulasa.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers, as problem+json like every other error, the requests Jetty refuses before Khulasa sees
 * them: two Content-Lengths, a NUL or an ambiguous segment in the path (400), a URI too long
 * (414), headers too large (431). Jetty's own answer is an HTML page.
 */
final class JettyProblems extends ErrorHandler {
    private static final Logger log = LoggerFactory.getLogger(JettyProblems.class);
    /** Jetty's reasons are short English phrases ("Multiple Content-Lengths"); anything else is not repeated. */
    private static final Pattern PLAIN_REASON = Pattern.compile("[A-Za-z0-9 ,:'-]{1,80}");

    private final ObjectMapper mapper;

    JettyProblems(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** Every method: Jetty writes error bodies only for GET, POST and HEAD by default. */
    @Override
    public boolean errorPageForMethod(String method) {
        return true;
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
            Callback callback) {
        String title = switch (code) {
            case 400 -> "Invalid request";
            case 414 -> "URI too long";
            case 431 -> "Request headers too large";
            default -> HttpStatus.getMessage(code);
        };
        String reason = message != null && PLAIN_REASON.matcher(message).matches() ? message : title;
        String detail = switch (code) {
            case 414 -> "the request target is longer than the server reads";
            case 431 -> "the request headers are larger than the server reads (8 KB)";
            default -> "the request was refused before it reached the site: " + reason;
        };
        log.info("{} request refused by the HTTP layer: {} {}", request.getMethod(), code, reason);
        byte[] body;
        try {
            body = mapper.writeValueAsBytes(Problem.of(code, title, detail));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a problem document always serializes", e);
        }
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/problem+json; charset=utf-8");
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        response.write(true, ByteBuffer.wrap(body), callback);
    }
}
