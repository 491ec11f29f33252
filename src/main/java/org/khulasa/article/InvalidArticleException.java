package org.khulasa.article;

import java.util.List;

/** An editor's request that can't be stored as sent; each error names its field. */
public class InvalidArticleException extends RuntimeException {
    private final List<FieldError> errors;

    public InvalidArticleException(List<FieldError> errors) {
        super(errors.isEmpty() ? "invalid article" : errors.get(0).field() + ": " + errors.get(0).message());
        this.errors = List.copyOf(errors);
    }

    public InvalidArticleException(String field, String message) {
        this(List.of(new FieldError(field, message)));
    }

    public List<FieldError> errors() {
        return errors;
    }
}
