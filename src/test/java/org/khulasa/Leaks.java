package org.khulasa;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** What an error answer must never show a client: stack traces, exception names, SQL, file paths. */
public final class Leaks {
    private static final List<Pattern> SIGNS = List.of(
            Pattern.compile("\\bat [a-z]+\\.[a-zA-Z_.$]+\\("),       // a stack frame
            Pattern.compile("\\b(java|javax|jakarta|org\\.eclipse|org\\.jdbi|org\\.sqlite|io\\.javalin|com\\.fasterxml)\\.[a-z]"),
            Pattern.compile("[A-Za-z]+(Exception|Error)\\b"),
            Pattern.compile("\\b(SELECT|INSERT|UPDATE|DELETE)\\b.*\\b(FROM|INTO|SET|WHERE)\\b", Pattern.CASE_INSENSITIVE),
            Pattern.compile("\\bSQLITE_[A-Z]+"),
            Pattern.compile("sqlite|jdbc|hikari", Pattern.CASE_INSENSITIVE),
            Pattern.compile("/(tmp|work|root|home)/"),
            Pattern.compile("\\.java:\\d+"));

    private Leaks() {
    }

    /** The first sign of an internal detail in {@code body}, if there is one. */
    public static Optional<String> in(String body) {
        for (Pattern sign : SIGNS) {
            var m = sign.matcher(body);
            if (m.find()) {
                return Optional.of("'" + m.group() + "' in: " + body.substring(0, Math.min(300, body.length()))
                        .toLowerCase(Locale.ROOT).replace('\n', ' '));
            }
        }
        return Optional.empty();
    }
}
