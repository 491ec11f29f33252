package org.khulasa.web;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import org.khulasa.article.FieldError;

/**
 * Reads a JSON request body, refusing before it is read whole what is too large (413) or is not
 * JSON (415), and naming where malformed JSON goes wrong (400).
 */
final class JsonBody {
    private final ObjectMapper mapper;
    private final int maxBytes;

    JsonBody(ObjectMapper mapper, int maxBytes) {
        this.mapper = mapper;
        this.maxBytes = maxBytes;
    }

    /** The raw bytes, for fingerprinting the request; parse them with {@link #parse}. */
    byte[] read(Context ctx) {
        String type = ctx.contentType() == null ? "" : ctx.contentType().toLowerCase(Locale.ROOT);
        String mediaType = type.split(";", 2)[0].strip();
        if (!mediaType.equals("application/json") && !(mediaType.startsWith("application/") && mediaType.endsWith("+json"))) {
            throw ProblemException.of(415, "Unsupported media type",
                    "send the article as JSON with Content-Type: application/json; got '" + ctx.contentType() + "'");
        }
        if (type.contains("charset=") && !type.matches(".*charset=\"?utf-8\"?.*")) {
            throw ProblemException.of(415, "Unsupported media type", "articles must be sent as UTF-8");
        }
        long declared = ctx.req().getContentLengthLong();
        if (declared > maxBytes) {
            throw tooLarge();
        }
        try (InputStream in = ctx.bodyInputStream()) {
            byte[] bytes = in.readNBytes(maxBytes + 1);
            if (bytes.length > maxBytes) {
                throw tooLarge();
            }
            return bytes;
        } catch (IOException e) {
            throw ProblemException.of(400, "Unreadable request", "the request body could not be read: " + e.getMessage());
        }
    }

    JsonNode parse(byte[] bytes) {
        if (bytes.length == 0) {
            throw new ProblemException(Problem.invalid("the request has no body; send the article as JSON",
                    List.of(new FieldError("", "empty body"))));
        }
        try {
            JsonNode node = mapper.readTree(bytes);
            if (node == null || node.isMissingNode()) {
                throw new ProblemException(Problem.invalid("the body holds no JSON", List.of(new FieldError("", "empty body"))));
            }
            return node;
        } catch (JacksonException e) {
            String where = e.getLocation() == null ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw new ProblemException(Problem.invalid("malformed JSON" + where + ": " + e.getOriginalMessage(),
                    List.of(new FieldError("", "malformed JSON" + where))));
        } catch (IOException e) {
            throw new ProblemException(Problem.invalid("the body is not valid UTF-8 JSON",
                    List.of(new FieldError("", "not valid UTF-8 JSON"))));
        }
    }

    private ProblemException tooLarge() {
        return ProblemException.of(413, "Request too large",
                "an article may be at most " + (maxBytes / 1024 / 1024) + " MB of JSON");
    }
}
