package org.khulasa.article;

import java.time.Instant;

/** A correction readers are told of: when it was made (the write's time) and what it says. */
public record Correction(Instant at, String note) {
}
