package org.khulasa.article;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Related ids that name no stored article (or the article itself). */
public class UnknownRelatedArticlesException extends InvalidArticleException {

    public UnknownRelatedArticlesException(List<Long> requested, Set<Long> unknown) {
        super(errorsFor(requested, unknown));
    }

    private static List<FieldError> errorsFor(List<Long> requested, Set<Long> unknown) {
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < requested.size(); i++) {
            if (unknown.contains(requested.get(i))) {
                errors.add(new FieldError("related[" + i + "]", "no article has id " + requested.get(i)));
            }
        }
        return errors;
    }
}
