package org.khulasa.article;

/** An edit based on a revision that is no longer the stored one: someone else changed the article since. */
public class EditConflictException extends RuntimeException {
    private final Article current;

    public EditConflictException(Article current) {
        super("article " + current.id() + " is at revision " + current.revision() + " now");
        this.current = current;
    }

    public Article current() {
        return current;
    }
}
