package org.khulasa.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.khulasa.web.http.Sha256;

/**
 * What an {@code Idempotency-Key} is checked against: the request as parsed, not its bytes. A CMS
 * that retries through another JSON library (reindented, keys reordered, characters escaped)
 * sends the same request, and gets the replay rather than a 409.
 */
final class RequestFingerprint {
    private static final ObjectMapper PLAIN = new ObjectMapper();
    private static final ObjectWriter SORTED = PLAIN.writer().with(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private RequestFingerprint() {
    }

    /** SHA-256 of the JSON written back compactly, object keys in order; hex. */
    static String of(JsonNode request) {
        try {
            // As plain maps and lists, which the writer sorts; a JsonNode keeps the order it was sent in.
            byte[] canonical = SORTED.writeValueAsBytes(PLAIN.convertValue(request, Object.class));
            return Sha256.hex(canonical);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a parsed JSON tree always serializes", e);
        }
    }
}
