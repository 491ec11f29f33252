package org.khulasa.websub;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * {@code POST /websub}: subscription requests to the built-in hub (WebSub section 5.1). A valid
 * request is answered {@code 202 Accepted} and verified afterwards (5.3); anything refused gets a
 * 4xx problem naming the field.
 *
 * <pre>curl -i http://localhost:8080/websub -d hub.mode=subscribe -d hub.topic=http://localhost:8080/feeds/atom.xml \
 *   --data-urlencode hub.callback=https://reader.example/push/123 -d hub.secret=s3cret</pre>
 */
public final class HubEndpoint {
    /** A subscription request is a few URLs: 8 KB holds it many times over. */
    static final int MAX_BODY_BYTES = 8 * 1024;
    static final int MAX_SECRET_BYTES = 199; // section 5.1: "MUST be less than 200 bytes"
    static final int MAX_PER_HOST = 100;
    static final Duration DEFAULT_LEASE = Duration.ofDays(10);
    static final Duration MIN_LEASE = Duration.ofMinutes(5);
    static final Duration MAX_LEASE = Duration.ofDays(30);

    private final Hub hub;
    private final String topicPrefix;

    /** {@code topicPrefix}: every topic served starts with it (the site's {@code /feeds/} URL). */
    public HubEndpoint(Hub hub, String topicPrefix) {
        this.hub = hub;
        this.topicPrefix = topicPrefix;
    }

    public void handle(Context ctx) {
        String type = ctx.contentType() == null ? "" : ctx.contentType().toLowerCase(Locale.ROOT);
        if (!type.startsWith("application/x-www-form-urlencoded")) {
            throw new HubException(415, "Content-Type", "Content-Type must be application/x-www-form-urlencoded");
        }
        Map<String, String> form = parse(read(ctx));
        String mode = form.get("hub.mode");
        if (!"subscribe".equals(mode) && !"unsubscribe".equals(mode)) {
            throw HubException.badRequest("hub.mode", "must be subscribe or unsubscribe");
        }
        String topic = form.get("hub.topic");
        if (topic == null || topic.isBlank()) {
            throw HubException.badRequest("hub.topic", "is required");
        }
        if (!topic.startsWith(topicPrefix) || topic.length() > CallbackPolicy.MAX_URL_LENGTH) {
            throw HubException.badRequest("hub.topic", "must be one of this site's feeds, under " + topicPrefix);
        }
        URI callback = hub.policy().check("hub.callback", form.get("hub.callback"));
        String secret = form.get("hub.secret");
        if (secret != null && (secret.isEmpty() || secret.getBytes(StandardCharsets.UTF_8).length > MAX_SECRET_BYTES)) {
            throw HubException.badRequest("hub.secret", "must be 1 to " + MAX_SECRET_BYTES + " bytes");
        }
        Duration lease = lease(form.get("hub.lease_seconds"));
        if (mode.equals("subscribe") && hub.store().countForHost(callback.getHost(), hub.clock().instant()) >= MAX_PER_HOST) {
            throw new HubException(429, "hub.callback", "hub.callback's host " + callback.getHost() + " has "
                    + MAX_PER_HOST + " subscriptions already; unsubscribe some first");
        }
        hub.verifyLater(mode, callback, topic, lease, secret);
        ctx.status(202).result("");
    }

    private static Duration lease(String value) {
        if (value == null || value.isBlank()) {
            return DEFAULT_LEASE;
        }
        long seconds;
        try {
            seconds = Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw HubException.badRequest("hub.lease_seconds", "must be a whole number of seconds");
        }
        if (seconds <= 0) {
            throw HubException.badRequest("hub.lease_seconds", "must be positive");
        }
        // The hub picks the lease within its bounds and tells the subscriber in the verification.
        Duration asked = Duration.ofSeconds(seconds);
        return asked.compareTo(MIN_LEASE) < 0 ? MIN_LEASE : asked.compareTo(MAX_LEASE) > 0 ? MAX_LEASE : asked;
    }

    private static byte[] read(Context ctx) {
        long declared = ctx.req().getContentLengthLong();
        if (declared > MAX_BODY_BYTES) {
            throw new HubException(413, "body", "the request body is over " + MAX_BODY_BYTES + " bytes");
        }
        try (InputStream in = ctx.req().getInputStream()) {
            byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
            if (body.length > MAX_BODY_BYTES) {
                throw new HubException(413, "body", "the request body is over " + MAX_BODY_BYTES + " bytes");
            }
            return body;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, String> parse(byte[] body) {
        Map<String, String> form = new HashMap<>();
        String text = new String(body, StandardCharsets.UTF_8);
        for (String pair : text.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            if (form.putIfAbsent(name, value) != null) {
                throw HubException.badRequest(name, "is given twice");
            }
        }
        return form;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw HubException.badRequest("body", "holds a malformed percent-encoding");
        }
    }
}
