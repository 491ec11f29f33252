package org.khulasa.storage;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.khulasa.article.Author;
import org.khulasa.article.Category;

/**
 * Categories and authors of one batch: looked up (or created) once each; those showing an
 * article already out are then marked changed together (a scheduled one changes no feed yet).
 */
final class ImportScopes {
    private final Handle h;
    private final Instant now;
    private final Map<String, Long> ids = new HashMap<>();
    private final Set<Long> categories = new HashSet<>();
    private final Set<Long> authors = new HashSet<>();

    ImportScopes(Handle h, Instant now) {
        this.h = h;
        this.now = now;
    }

    long category(Category category, Instant published) {
        long id = ids.computeIfAbsent("categories/" + category.slug(),
                k -> Scopes.upsertCategory(h, category, now, published, true));
        if (!published.isAfter(now)) {
            categories.add(id);
        }
        return id;
    }

    long author(Author author, Instant published) {
        long id = ids.computeIfAbsent("authors/" + author.slug(),
                k -> Scopes.upsertAuthors(h, List.of(author), now, published, true).get(0));
        if (!published.isAfter(now)) {
            authors.add(id);
        }
        return id;
    }

    /** Whether an article of the batch was written (its category and authors looked up). */
    boolean used() {
        return !ids.isEmpty();
    }

    boolean anyOut() {
        return !categories.isEmpty();
    }

    /** Stamps them with the feeds' change time {@link ChangeStamps#feedsChanged} just set. */
    void touch() {
        String at = "(SELECT feeds_changed_at FROM site_state WHERE id = 1)";
        if (!categories.isEmpty()) {
            InList.update(h, "UPDATE categories SET changed_at = " + at + " WHERE id IN (%s)", List.copyOf(categories),
                    "stamping categories");
        }
        if (!authors.isEmpty()) {
            InList.update(h, "UPDATE authors SET changed_at = " + at + " WHERE id IN (%s)", List.copyOf(authors),
                    "stamping authors");
        }
    }
}
