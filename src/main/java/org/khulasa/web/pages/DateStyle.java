package org.khulasa.web.pages;

import java.time.ZoneId;
import java.util.Locale;

/**
 * How pages write dates: in which time zone, with or without the Hijri date beside the
 * Gregorian one, with which month names, and with which digits.
 */
public record DateStyle(ZoneId zone, boolean hijri, MonthNames months, Digits digits) {

    /** The default: Umm al-Qura Hijri date shown, «أكتوبر», Arabic-Indic digits. */
    public static DateStyle in(ZoneId zone) {
        return new DateStyle(zone, true, MonthNames.EGYPTIAN, Digits.ARABIC_INDIC);
    }

    /** Gregorian month names: «نوفمبر» in Egypt and the Gulf, «تشرين الثاني» in Syria, Lebanon, Jordan and Iraq. */
    public enum MonthNames {
        EGYPTIAN, LEVANTINE;

        /** {@code egyptian} or {@code levantine}, as the setting spells them. */
        public static MonthNames parse(String value) {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        }
    }

    /** Arabic-Indic «٢٠٢٠» or Western «2020». */
    public enum Digits {
        ARABIC_INDIC('\u0660'), WESTERN('0');

        private final char zero;

        Digits(char zero) {
            this.zero = zero;
        }

        char zero() {
            return zero;
        }

        /** {@code arabic-indic} or {@code western}, as the setting spells them. */
        public static Digits parse(String value) {
            return valueOf(value.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        }
    }
}
