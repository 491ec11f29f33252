package org.khulasa.web;

import java.util.List;
import org.khulasa.article.FieldError;

/** Thrown by handlers to answer with a problem document; mapped in one place by {@code App}. */
final class ProblemException extends RuntimeException {
    private final Problem problem;

    ProblemException(Problem problem) {
        super(problem.detail());
        this.problem = problem;
    }

    static ProblemException of(int status, String title, String detail) {
        return new ProblemException(Problem.of(status, title, detail));
    }

    static ProblemException badField(String field, String message) {
        return new ProblemException(Problem.invalid(field + " " + message, List.of(new FieldError(field, message))));
    }

    static ProblemException notFound(String detail) {
        return of(404, "Not found", detail);
    }

    Problem problem() {
        return problem;
    }
}
