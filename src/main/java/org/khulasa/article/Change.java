package org.khulasa.article;

import java.util.Locale;

/**
 * What kind of edit a replace is, as readers should learn of it: a {@code MINOR} fix (a typo)
 * leaves the public update time alone, so readers don't show the item as new again; an
 * {@code UPDATE} moves it; a {@code CORRECTION} moves it and adds a dated, visible note.
 */
public enum Change {
    MINOR, UPDATE, CORRECTION;

    /** The name editors send: {@code minor}, {@code update}, {@code correction}. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
