package org.khulasa.web;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.khulasa.article.FieldError;

/**
 * Reads a JSON request body, refusing before it is read whole what is too large (413) or is not
 * JSON (415), and naming where malformed JSON goes wrong (400).
 */
record JsonBody(ObjectMapper mapper, int maxBytes) {
    /** The raw bytes, for fingerprinting the request; parse them with {@link #parse}. */
    byte[] read(Context ctx) {
        // The raw header: the servlet's getContentType() throws on a charset the JDK doesn't know.
        String contentType = ctx.header("Content-Type");
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        String mediaType = type.split(";", 2)[0].strip();
        if (!mediaType.equals("application/json") && !(mediaType.startsWith("application/") && mediaType.endsWith("+json"))) {
            throw ProblemException.of(415, "Unsupported media type",
                    "send the article as JSON with Content-Type: application/json; got '" + contentType + "'");
        }
        if (type.contains("charset=") && !type.matches(".*charset=\"?utf-8\"?.*")) {
            throw ProblemException.of(415, "Unsupported media type", "articles must be sent as UTF-8");
        }
        // Nothing here inflates a compressed body: refuse it rather than read the bytes as JSON.
        String encoding = ctx.header("Content-Encoding");
        if (encoding != null && !encoding.isBlank() && !encoding.strip().equalsIgnoreCase("identity")) {
            throw ProblemException.of(415, "Unsupported media type",
                    "send the article uncompressed; Content-Encoding '" + encoding + "' is not accepted");
        }
        // Jetty decodes "chunked" and silently skips any other transfer coding ("gzip, chunked").
        String transfer = ctx.header("Transfer-Encoding");
        if (transfer != null && !transfer.strip().equalsIgnoreCase("chunked")) {
            throw ProblemException.of(400, "Invalid request", "only Transfer-Encoding: chunked is accepted");
        }
        long declared = ctx.req().getContentLengthLong();
        try (InputStream in = ctx.bodyInputStream()) {
            if (declared > maxBytes) {
                throw tooLarge(ctx, in, declared);
            }
            byte[] bytes = in.readNBytes(maxBytes + 1);
            if (bytes.length > maxBytes) {
                throw tooLarge(ctx, in, declared);
            }
            return bytes;
        } catch (IOException e) {
            // The cause (a connection closed early, a broken chunk) stays out of the answer.
            throw ProblemException.of(400, "Unreadable request", "the request body could not be read whole");
        }
    }

    JsonNode parse(byte[] bytes) {
        if (bytes.length == 0) {
            throw new ProblemException(Problem.invalid("the request has no body; send the article as JSON",
                    List.of(new FieldError("", "empty body"))));
        }
        String text = strictUtf8(bytes);
        try {
            JsonNode node = mapper.readTree(text);
            if (node == null || node.isMissingNode()) {
                throw new ProblemException(Problem.invalid("the body holds no JSON", List.of(new FieldError("", "empty body"))));
            }
            return node;
        } catch (JacksonException e) {
            String where = e.getLocation() == null ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw new ProblemException(Problem.invalid("malformed JSON" + where + ": " + describe(e),
                    List.of(new FieldError("", "malformed JSON" + where))));
        }
    }

    /**
     * JSON is UTF-8 (RFC 8259). Decoded strictly: Jackson alone would take overlong forms ("C0 AF"
     * as "/"), encoded surrogates, and UTF-16 or UTF-32 it detects by itself. A leading BOM is allowed.
     */
    private static String strictUtf8(byte[] bytes) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw new ProblemException(Problem.invalid("the body is not valid UTF-8",
                    List.of(new FieldError("", "not valid UTF-8"))));
        }
    }

    /** Jackson's message, without the parts that name its own classes and settings. */
    private static String describe(JacksonException e) {
        if (e instanceof StreamConstraintsException) {
            return "nested more than 32 deep, or a number of more than 64 digits";
        }
        String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        if (message.startsWith("Trailing token")) {
            return "more content after the JSON value";
        }
        for (String tail : List.of("\n", " (start marker", " (bound as", " at [Source")) {
            int at = message.indexOf(tail);
            if (at >= 0) {
                message = message.substring(0, at);
            }
        }
        if (message.isBlank() || message.contains("`") || message.contains("com.fasterxml")) {
            return "not valid JSON";
        }
        return message.length() > 200 ? message.substring(0, 200) + "…" : message;
    }

    /**
     * The 413, after reading and dropping the rest of the body: clients that write the whole body
     * before reading (urllib, many PHP and Java clients) would otherwise hit a closed connection
     * ("Broken pipe") and never see the answer. Within a bound, as nginx's lingering close does.
     */
    private ProblemException tooLarge(Context ctx, InputStream in, long declared) {
        LingeringClose.discard(ctx, in, declared);
        return ProblemException.of(413, "Request too large",
                "an article may be at most " + (maxBytes / 1024 / 1024) + " MB of JSON");
    }
}
