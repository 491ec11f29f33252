package org.khulasa.web;

import java.util.List;
import org.khulasa.article.FieldError;

/**
 * An RFC 9457 problem document, the body of every error the API answers. {@code current}, an
 * extension member, carries the article as it is now when an edit lost a race (412).
 */
record Problem(String type, String title, int status, String detail, List<FieldError> errors, ArticleJson current) {

    static Problem of(int status, String title, String detail) {
        return new Problem("about:blank", title, status, detail, List.of(), null);
    }

    static Problem invalid(String detail, List<FieldError> errors) {
        return new Problem("about:blank", "Invalid request", 400, detail, errors, null);
    }

    static Problem changedSince(ArticleJson current) {
        return new Problem("about:blank", "Precondition failed", 412,
                "article " + current.id() + " was changed since the version named in If-Match; "
                        + "current holds it as it is now, with its ETag", List.of(), current);
    }
}
