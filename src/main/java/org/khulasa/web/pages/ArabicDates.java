package org.khulasa.web.pages;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DecimalStyle;
import java.util.Locale;
import org.jsoup.nodes.Element;

/**
 * Dates as Arabic readers write them, «الأحد ٢٥ أكتوبر ٢٠٢٠», in the site's time zone, with the
 * exact instant in UTC kept in {@code <time datetime>} for machines.
 */
public final class ArabicDates {
    private static final DateTimeFormatter DAY = DateTimeFormatter
            .ofPattern("EEEE d MMMM y", Locale.forLanguageTag("ar"))
            .withDecimalStyle(DecimalStyle.STANDARD.withZeroDigit('٠'));

    private final ZoneId zone;

    public ArabicDates(ZoneId zone) {
        this.zone = zone;
    }

    ZoneId zone() {
        return zone;
    }

    public String day(Instant instant) {
        return DAY.format(instant.atZone(zone));
    }

    /** Appends {@code <time datetime="2020-10-25T07:00:00Z">الأحد ٢٥ أكتوبر ٢٠٢٠</time>}. */
    public Element appendTime(Element parent, Instant instant) {
        return parent.appendElement("time").attr("datetime", instant.toString()).text(day(instant));
    }
}
