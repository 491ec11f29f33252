package org.khulasa.websub;

import java.util.Optional;
import java.util.Set;

/** The feeds the hub can distribute, by URL: what each one holds now, and which changed. */
public interface Topics {

    /** The feed at {@code topic} as served now; empty when the site serves no such feed. */
    Optional<Content> content(String topic);

    /** The URLs of every format of the feeds in {@code changed}. */
    Set<String> of(WebSubStore.ChangedScopes changed);

    /** A feed body and its media type. */
    record Content(byte[] body, String contentType) {
    }
}
