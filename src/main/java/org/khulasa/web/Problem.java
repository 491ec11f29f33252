package org.khulasa.web;

import java.util.List;
import org.khulasa.article.FieldError;

/** An RFC 9457 problem document, the body of every error the API answers. */
record Problem(String type, String title, int status, String detail, List<FieldError> errors) {

    static Problem of(int status, String title, String detail) {
        return new Problem("about:blank", title, status, detail, List.of());
    }

    static Problem invalid(String detail, List<FieldError> errors) {
        return new Problem("about:blank", "Invalid request", 400, detail, errors);
    }
}
