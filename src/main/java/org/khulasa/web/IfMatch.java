package org.khulasa.web;

import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.khulasa.article.Revisions;

/**
 * Reads {@code If-Match} (RFC 9110 §13.1.1) into the revisions an edit may overwrite. Articles'
 * ETags are strong, {@code "7"}: a weak or foreign tag names no revision, so it never matches.
 */
final class IfMatch {
    private static final Pattern TAG = Pattern.compile("\\s*(W/)?\"([^\"]*)\"\\s*(,|$)");
    private static final Pattern REVISION = Pattern.compile("[1-9][0-9]{0,17}");

    private IfMatch() {
    }

    static Revisions parse(String header) {
        if (header == null) {
            return Revisions.ANY;
        }
        if (header.strip().equals("*")) {
            return Revisions.ANY;
        }
        Set<Long> revisions = new HashSet<>();
        Matcher m = TAG.matcher(header);
        int at = 0;
        while (at < header.length() && m.find(at) && m.start() == at) {
            if (m.group(1) == null && REVISION.matcher(m.group(2)).matches()) {
                revisions.add(Long.parseLong(m.group(2)));
            }
            at = m.end();
        }
        if (at < header.length() && !header.substring(at).isBlank()) {
            throw ProblemException.badField("If-Match", "must be * or a list of ETags, like \"7\"");
        }
        return Revisions.of(revisions);
    }
}
