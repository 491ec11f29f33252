package org.khulasa.article;

import java.util.Set;

/**
 * The revisions of an article an edit is based on ({@code If-Match}): the edit goes ahead only
 * if the stored article is one of them. {@link #ANY} when the editor did not say.
 */
public record Revisions(Set<Long> accepted, boolean any) {
    public static final Revisions ANY = new Revisions(Set.of(), true);

    public Revisions {
        accepted = Set.copyOf(accepted);
    }

    public static Revisions of(Set<Long> accepted) {
        return new Revisions(accepted, false);
    }

    public boolean admits(long revision) {
        return any || accepted.contains(revision);
    }
}
