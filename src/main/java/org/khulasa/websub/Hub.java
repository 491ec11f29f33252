package org.khulasa.websub;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The WebSub side of the site: the built-in hub's work (verifying intent, distributing content)
 * or, with external hubs configured, notifying them. A ticker reads changes four times a second
 * and whenever a write nudges it; writes never wait for it. Deliveries live in {@link WebSubStore}
 * until made, retried with growing delays, then dropped.
 */
public final class Hub implements AutoCloseable {
    /** Delays before each retry of a failed delivery; after the last one it is dropped. */
    static final List<Duration> RETRY_DELAYS = List.of(Duration.ofSeconds(5), Duration.ofSeconds(30),
            Duration.ofMinutes(2), Duration.ofMinutes(10), Duration.ofHours(1));
    static final Duration TICK = Duration.ofMillis(250);
    /** How long a claimed delivery is this instance's; after that another may make it. */
    static final Duration CLAIM = Duration.ofSeconds(60);
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    /** Expired leases are never delivered to; their rows are swept this often. */
    static final Duration EXPIRY_SWEEP = Duration.ofMinutes(1);

    private static final Logger log = LoggerFactory.getLogger(Hub.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final WebSubStore store;
    private final Topics topics;
    private final CallbackPolicy policy;
    private final Clock clock;
    private final String hubUrl;
    private final List<String> externalHubs;
    /** Told each delivery's kind and outcome: delivered, retry or dropped (the server's metrics). */
    private final BiConsumer<String, String> outcomes;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(daemon("websub-ticker"));
    private Instant nextExpiry = Instant.EPOCH; // the ticker's thread only
    private final ExecutorService senders = Executors.newFixedThreadPool(4, daemon("websub-sender"));

    /** {@code hubUrl}: the built-in hub's URL; {@code externalHubs}: when not empty, these are notified instead. */
    public Hub(WebSubStore store, Topics topics, Clock clock, String hubUrl, List<String> externalHubs, boolean allowPrivate) {
        this(store, topics, clock, hubUrl, externalHubs, allowPrivate, (kind, outcome) -> { });
    }

    /** As above, telling {@code outcomes} how each delivery ended. */
    public Hub(WebSubStore store, Topics topics, Clock clock, String hubUrl, List<String> externalHubs, boolean allowPrivate,
               BiConsumer<String, String> outcomes) {
        this.outcomes = outcomes;
        this.store = store;
        this.topics = topics;
        this.policy = new CallbackPolicy(allowPrivate);
        this.clock = clock;
        this.hubUrl = hubUrl;
        this.externalHubs = List.copyOf(externalHubs);
    }

    public Hub start() {
        ticker.scheduleWithFixedDelay(this::tick, 0, TICK.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    /** A write just committed: look for changes now rather than at the next tick. */
    public void nudge() {
        if (!ticker.isShutdown()) {
            ticker.execute(this::tick);
        }
    }

    boolean isBuiltIn() {
        return externalHubs.isEmpty();
    }

    CallbackPolicy policy() {
        return policy;
    }

    WebSubStore store() {
        return store;
    }

    Clock clock() {
        return clock;
    }

    Topics topics() {
        return topics;
    }

    private void tick() {
        try {
            Instant now = clock.instant();
            store.takeChanges(now).ifPresent(changed -> {
                Set<String> changedTopics = topics.of(changed);
                if (isBuiltIn()) {
                    store.enqueue(changedTopics, now);
                } else {
                    store.enqueuePings(externalHubs, changedTopics, now);
                }
            });
            if (!now.isBefore(nextExpiry)) {
                store.expire(now);
                nextExpiry = now.plus(EXPIRY_SWEEP);
            }
            for (WebSubStore.Delivery delivery : store.claimDue(now, now.plus(CLAIM), 16)) {
                senders.execute(() -> deliver(delivery, now));
            }
        } catch (RuntimeException e) {
            log.warn("WebSub tick failed; trying again at the next: {}", e.toString());
        }
    }

    /** {@code claimedAt}: when this attempt began; a retry is due a delay after it. */
    private void deliver(WebSubStore.Delivery delivery, Instant claimedAt) {
        boolean ok;
        try {
            ok = delivery.kind().equals(WebSubStore.Delivery.PUBLISH) ? ping(delivery) : distribute(delivery);
        } catch (RuntimeException e) {
            log.info("WebSub delivery of {} to {} failed: {}", delivery.topic(), delivery.target(), e.toString());
            ok = false;
        }
        try {
            if (ok) {
                store.delivered(delivery.id());
                outcomes.accept(delivery.kind(), "delivered");
            } else {
                int attempt = delivery.attempts();
                boolean retry = attempt < RETRY_DELAYS.size();
                store.failed(delivery.id(), retry ? Optional.of(claimedAt.plus(RETRY_DELAYS.get(attempt))) : Optional.empty());
                outcomes.accept(delivery.kind(), retry ? "retry" : "dropped");
            }
        } catch (RuntimeException e) {
            log.warn("WebSub could not record a delivery: {}", e.toString()); // its claim runs out; it is retried
        }
    }

    /** Content distribution (section 7), signed when the subscriber gave a secret (section 8). */
    private boolean distribute(WebSubStore.Delivery delivery) {
        Optional<Topics.Content> content = topics.content(delivery.topic());
        if (content.isEmpty()) {
            return true; // the feed is gone (its last article deleted): nothing left to send
        }
        URI callback = URI.create(delivery.target());
        policy.requirePublic("hub.callback", callback.getHost());
        byte[] body = content.get().body();
        HttpRequest.Builder request = HttpRequest.newBuilder(callback).timeout(REQUEST_TIMEOUT)
                .header("Content-Type", content.get().contentType())
                .header("Link", "<" + hubUrl + ">; rel=\"hub\", <" + delivery.topic() + ">; rel=\"self\"")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (delivery.secret() != null) {
            request.header("X-Hub-Signature", Signature.of(delivery.secret(), body));
        }
        return send(request.build()) / 100 == 2;
    }

    /** Tells an external hub the topic changed (the publish ping most hubs accept). */
    private boolean ping(WebSubStore.Delivery delivery) {
        String form = "hub.mode=publish&hub.url=" + URLEncoder.encode(delivery.topic(), StandardCharsets.UTF_8);
        return send(HttpRequest.newBuilder(URI.create(delivery.target())).timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build()) / 100 == 2;
    }

    /**
     * Verification of intent (section 5.3), then the subscription is stored or removed; or, for a
     * topic the site does not serve, the denial (section 5.2). Runs after the 202 was sent.
     */
    void verifyLater(String mode, URI callback, String topic, Duration lease, String secret) {
        senders.execute(() -> {
            try {
                if (topics.content(topic).isEmpty()) {
                    send(HttpRequest.newBuilder(withQuery(callback, "hub.mode=denied&hub.topic=" + encode(topic)
                            + "&hub.reason=" + encode("this hub serves only the feeds of its own site")))
                            .timeout(REQUEST_TIMEOUT).GET().build());
                    return;
                }
                String challenge = HexFormat.of().formatHex(nextBytes());
                String query = "hub.mode=" + mode + "&hub.topic=" + encode(topic) + "&hub.challenge=" + challenge
                        + (mode.equals("subscribe") ? "&hub.lease_seconds=" + lease.toSeconds() : "");
                policy.requirePublic("hub.callback", callback.getHost());
                HttpResponse<String> answer = http.send(HttpRequest.newBuilder(withQuery(callback, query))
                        .timeout(REQUEST_TIMEOUT).GET().build(), HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() / 100 != 2 || !answer.body().equals(challenge)) {
                    log.info("WebSub {} of {} to {} not confirmed ({})", mode, topic, callback, answer.statusCode());
                    return;
                }
                if (mode.equals("subscribe")) {
                    store.subscribe(callback.toString(), callback.getHost(), topic, secret, clock.instant().plus(lease));
                } else {
                    store.unsubscribe(callback.toString(), topic);
                }
            } catch (Exception e) {
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                log.info("WebSub verification of {} at {} failed: {}", topic, callback, e.toString());
            }
        });
    }

    private int send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (java.io.IOException e) {
            log.info("WebSub request to {} failed: {}", request.uri(), e.toString());
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    private static byte[] nextBytes() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    private static URI withQuery(URI callback, String query) {
        String url = callback.toString();
        return URI.create(url + (callback.getRawQuery() == null ? "?" : "&") + query);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    @Override
    public void close() {
        ticker.shutdownNow();
        senders.shutdownNow();
        try {
            senders.awaitTermination(2, TimeUnit.SECONDS);
            ticker.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
