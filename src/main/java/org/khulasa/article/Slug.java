package org.khulasa.article;

import java.util.regex.Pattern;

/** URL-safe names of categories and authors: the Arabic lives in their display names. */
public final class Slug {
    private static final Pattern VALID = Pattern.compile("[a-z0-9-]{1,64}");

    private Slug() {
    }

    public static boolean isValid(String slug) {
        return slug != null && VALID.matcher(slug).matches();
    }
}
