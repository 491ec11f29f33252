package org.khulasa.storage;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.khulasa.article.Changes;

/**
 * Runs each of the store's writes in a transaction holding the write lock and, once it commits,
 * tells this instance's listeners what it changed (before the writer is answered, so no reader
 * after the answer sees a stale cache); the other instances hear of it through {@link ChangeSignal}.
 */
final class Writes {
    private final Jdbi jdbi;
    private final WriteQueue queue;
    private final Clock clock;
    private final ChangeStamps stamps;
    private final List<Consumer<Changes>> listeners = new CopyOnWriteArrayList<>();

    Writes(Jdbi jdbi, WriteQueue queue, Clock clock, ChangeStamps stamps) {
        this.jdbi = jdbi;
        this.queue = queue;
        this.clock = clock;
        this.stamps = stamps;
    }

    <T> T run(HandleCallback<T, RuntimeException> write) {
        List<Changes> changed = new ArrayList<>(1);
        T result = queue.writing(() -> jdbi.inTransaction(h -> {
            ChangeStamps.lockWrites(h);
            ChangeStamps.Before before = ChangeStamps.before(h, clock.instant());
            T written = write.withHandle(h);
            changed.clear(); // a retried transaction reports once
            stamps.announce(h, before, clock.instant()).ifPresent(changed::add);
            return written;
        }));
        for (Changes c : changed) {
            for (Consumer<Changes> listener : listeners) {
                listener.accept(c);
            }
        }
        return result;
    }

    /** {@code listener} hears of this instance's writes. */
    void listen(Consumer<Changes> listener) {
        listeners.add(listener);
    }
}
