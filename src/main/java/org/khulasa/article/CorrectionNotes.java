package org.khulasa.article;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DecimalStyle;
import java.util.Locale;

/**
 * How a correction reads at the end of an article, in feeds and pages alike:
 * «تصحيح (١ ديسمبر ٢٠٢٦): …», dated in the newsroom's time zone.
 */
public final class CorrectionNotes {
    public static final String LABEL = "تصحيح";

    private static final DateTimeFormatter DAY = DateTimeFormatter
            .ofPattern("d MMMM y", Locale.forLanguageTag("ar"))
            .withDecimalStyle(DecimalStyle.STANDARD.withZeroDigit('٠'));

    private CorrectionNotes() {
    }

    /** «تصحيح (١ ديسمبر ٢٠٢٦):», the lead-in before the note's text. */
    public static String heading(Correction correction, ZoneId zone) {
        return LABEL + " (" + day(correction, zone) + "):";
    }

    /** «١ ديسمبر ٢٠٢٦»: the day of the correction in {@code zone}. */
    public static String day(Correction correction, ZoneId zone) {
        return DAY.format(correction.at().atZone(zone));
    }
}
