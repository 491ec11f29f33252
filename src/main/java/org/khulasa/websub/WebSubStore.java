package org.khulasa.websub;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Where the hub keeps its subscriptions and the deliveries still to make, so a restart loses
 * none; on a database several instances share, each change and each delivery is taken by one.
 */
public interface WebSubStore {

    /** Adds or renews (same callback and topic) a verified subscription. */
    void subscribe(String callback, String callbackHost, String topic, String secret, Instant expiresAt);

    void unsubscribe(String callback, String topic);

    /** Subscriptions of {@code host} that have not expired at {@code now}. */
    int countForHost(String host, Instant now);

    /**
     * The feeds changed by writes and publications not yet read, read once for all instances:
     * empty when another instance took them. Deliveries for them are queued by {@link #enqueue}.
     */
    Optional<ChangedScopes> takeChanges(Instant now);

    /** Queues a content delivery for each live subscription of {@code topics}, due at {@code now}. */
    int enqueue(Set<String> topics, Instant now);

    /** Queues a publish ping of each topic to each external hub, due at {@code now}. */
    void enqueuePings(List<String> hubs, Set<String> topics, Instant now);

    /** Claims up to {@code limit} due deliveries until {@code until}; another instance then skips them. */
    List<Delivery> claimDue(Instant now, Instant until, int limit);

    void delivered(long id);

    /** Puts a failed delivery back, due again at {@code dueAt}, or drops it when {@code dueAt} is empty. */
    void failed(long id, Optional<Instant> dueAt);

    /** Removes subscriptions whose lease ended by {@code now}; answers how many. */
    int expire(Instant now);

    /** One delivery to make: {@code secret} is the subscription's (null without one, or for a ping). */
    record Delivery(long id, String kind, String target, String topic, String secret, int attempts) {
        public static final String CONTENT = "content";
        public static final String PUBLISH = "publish";
    }

    /** What changed: the whole site's feeds, and these categories' and authors' feeds. */
    record ChangedScopes(boolean site, Set<String> categories, Set<String> authors) {
        public boolean isEmpty() {
            return !site && categories.isEmpty() && authors.isEmpty();
        }
    }
}
