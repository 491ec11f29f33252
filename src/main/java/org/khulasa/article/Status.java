package org.khulasa.article;

import java.util.Locale;

/** A draft is seen only by editors; a published article by everyone once its time has come. */
public enum Status {
    DRAFT, PUBLISHED;

    /** The name editors send and read: {@code draft}, {@code published}. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
