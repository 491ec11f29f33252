package org.khulasa.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Counts failed token checks per client address: after {@link #MAX_FAILURES} within one
 * {@link #WINDOW}, every request from that address that presents a token is answered 429 until
 * the window ends, so tokens can't be guessed at network speed. Memory is bounded: only the
 * {@link #MAX_ADDRESSES} most recently seen addresses are remembered.
 */
final class AuthFailureLimiter {
    static final int MAX_FAILURES = 10;
    static final Duration WINDOW = Duration.ofMinutes(1);
    static final int MAX_ADDRESSES = 10_000;

    private static final class Window {
        final Instant start;
        int failures;

        Window(Instant start) {
            this.start = start;
        }
    }

    private final Clock clock;
    private final Map<String, Window> windows = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Window> eldest) {
            return size() > MAX_ADDRESSES;
        }
    };

    AuthFailureLimiter(Clock clock) {
        this.clock = clock;
    }

    /** Seconds until {@code address} may try again, when it has failed too often. */
    synchronized OptionalLong blockedFor(String address) {
        Window w = current(address);
        if (w == null || w.failures < MAX_FAILURES) {
            return OptionalLong.empty();
        }
        long millis = Duration.between(clock.instant(), w.start.plus(WINDOW)).toMillis();
        return OptionalLong.of(Math.max(1, (millis + 999) / 1000));
    }

    synchronized void recordFailure(String address) {
        Window w = current(address);
        if (w == null) {
            w = new Window(clock.instant());
            windows.put(address, w);
        }
        w.failures++;
    }

    synchronized int addressesTracked() {
        return windows.size();
    }

    private Window current(String address) {
        Window w = windows.get(address);
        if (w != null && !clock.instant().isBefore(w.start.plus(WINDOW))) {
            windows.remove(address);
            return null;
        }
        return w;
    }
}
