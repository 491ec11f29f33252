package org.khulasa.web.pages;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.chrono.HijrahChronology;
import java.time.chrono.HijrahDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DecimalStyle;
import java.time.temporal.ChronoField;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jsoup.nodes.Element;

/**
 * Dates as Arabic newsrooms write them, «الأحد ٢٥ أكتوبر ٢٠٢٠، ١٠:٠٠ ص» and beside it the Hijri
 * date «٨ ربيع الأول ١٤٤٢ هـ» (Umm al-Qura, the JDK's {@link HijrahChronology}), in the site's
 * time zone and the {@link DateStyle} chosen; the exact instant in UTC is kept in
 * {@code <time datetime>} for machines.
 */
public final class ArabicDates {
    private static final Locale ARABIC = Locale.forLanguageTag("ar");
    private static final String[] LEVANTINE_MONTHS = {"كانون الثاني", "شباط", "آذار", "نيسان", "أيار", "حزيران",
        "تموز", "آب", "أيلول", "تشرين الأول", "تشرين الثاني", "كانون الأول"};
    private static final String[] EGYPTIAN_MONTHS = {"يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو",
        "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر"};

    private final DateStyle style;
    private final DateTimeFormatter day;
    private final DateTimeFormatter time;
    private final DateTimeFormatter hijri;

    /** The default style in {@code zone}: Hijri date shown, «أكتوبر», Arabic-Indic digits. */
    public ArabicDates(ZoneId zone) {
        this(DateStyle.in(zone));
    }

    public ArabicDates(DateStyle style) {
        this.style = style;
        DecimalStyle digits = DecimalStyle.STANDARD.withZeroDigit(style.digits().zero());
        String[] names = style.months() == DateStyle.MonthNames.LEVANTINE ? LEVANTINE_MONTHS : EGYPTIAN_MONTHS;
        Map<Long, String> months = new HashMap<>();
        for (int m = 0; m < 12; m++) {
            months.put(m + 1L, names[m]);
        }
        this.day = new DateTimeFormatterBuilder().appendPattern("EEEE d ").appendText(ChronoField.MONTH_OF_YEAR, months)
                .appendPattern(" y").toFormatter(ARABIC).withDecimalStyle(digits);
        this.time = DateTimeFormatter.ofPattern("h:mm a", ARABIC).withDecimalStyle(digits);
        this.hijri = DateTimeFormatter.ofPattern("d MMMM y", ARABIC).withChronology(HijrahChronology.INSTANCE)
                .withDecimalStyle(digits);
    }

    ZoneId zone() {
        return style.zone();
    }

    /** «الأحد ٢٥ أكتوبر ٢٠٢٠». */
    public String day(Instant instant) {
        return day.format(instant.atZone(style.zone()));
    }

    /** «الأحد ٢٥ أكتوبر ٢٠٢٠، ١٠:٠٠ ص». */
    String dayAndTime(Instant instant) {
        ZonedDateTime at = instant.atZone(style.zone());
        return day.format(at) + "، " + time.format(at);
    }

    /** «٨ ربيع الأول ١٤٤٢ هـ»; empty when turned off, or outside the years Umm al-Qura tables cover. */
    Optional<String> hijri(Instant instant) {
        if (!style.hijri()) {
            return Optional.empty();
        }
        try {
            return Optional.of(hijri.format(HijrahDate.from(instant.atZone(style.zone()))) + " هـ");
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /**
     * Appends {@code <time datetime="2020-10-25T07:00:00Z">الأحد ٢٥ أكتوبر ٢٠٢٠، ١٠:٠٠ ص</time>},
     * then the Hijri date, if shown, in a {@code span.hijri}.
     */
    public Element appendTime(Element parent, Instant instant) {
        Element element = parent.appendElement("time").attr("datetime", instant.toString()).text(dayAndTime(instant));
        hijri(instant).ifPresent(h -> {
            parent.appendText(" ");
            parent.appendElement("span").addClass("hijri").text("(" + h + ")");
        });
        return element;
    }
}
