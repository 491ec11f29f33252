package org.khulasa.article;

import java.util.Collection;
import java.util.Set;

/**
 * What a committed write changed, so caches drop only that: always the site's feeds and pages,
 * and the categories and authors (by slug) whose feeds show an article the write touched, its
 * related titles included; whether the categories readers see (every page's navigation) were
 * created, renamed or removed ({@code names}); or, when that is not known, everything.
 */
public record Changes(boolean everything, Set<String> categories, Set<String> authors, boolean names) {

    /** When the write is not known in detail (another instance was out of reach meanwhile). */
    public static final Changes EVERYTHING = new Changes(true, Set.of(), Set.of(), true);

    public Changes {
        categories = Set.copyOf(categories);
        authors = Set.copyOf(authors);
    }

    public static Changes of(Collection<String> categories, Collection<String> authors) {
        return new Changes(false, Set.copyOf(categories), Set.copyOf(authors), false);
    }

    /** The same changes, and the categories readers see changed too. */
    public Changes withNames() {
        return new Changes(everything, categories, authors, true);
    }

    public boolean changesCategory(String slug) {
        return everything || categories.contains(slug);
    }

    public boolean changesAuthor(String slug) {
        return everything || authors.contains(slug);
    }

    /** Whether the list of categories every page shows may have changed. */
    public boolean changesNames() {
        return everything || names;
    }
}
