package org.khulasa.web.desk;

import java.time.Instant;
import java.util.Optional;
import org.khulasa.article.Article;
import org.khulasa.article.Status;

/** Where an article stands for its editors: out, scheduled, or a draft; named in the list and its filter. */
enum DeskStatus {
    PUBLISHED("published", "منشور"),
    SCHEDULED("scheduled", "مجدول"),
    DRAFT("draft", "مسودة");

    final String param;
    final String arabic;

    DeskStatus(String param, String arabic) {
        this.param = param;
        this.arabic = arabic;
    }

    static DeskStatus of(Article article, Instant now) {
        if (article.content().status() == Status.DRAFT) {
            return DRAFT;
        }
        return article.content().published().isAfter(now) ? SCHEDULED : PUBLISHED;
    }

    /** The status a list filter names ({@code ?status=draft}); empty for any other value. */
    static Optional<DeskStatus> fromParam(String value) {
        for (DeskStatus s : values()) {
            if (s.param.equals(value)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
