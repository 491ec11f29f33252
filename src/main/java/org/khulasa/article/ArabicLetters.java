package org.khulasa.article;

import java.util.Map;

/**
 * Arabic letters and digits in ASCII: the one table every slug is spelled with, a tag's
 * ({@link TagSlug}, letter for letter) and an imported section's (with the vowels Arabic leaves
 * unwritten read in, which needs to know each letter's kind).
 */
public final class ArabicLetters {

    /** What a letter is, for a speller that reads vowels in. */
    public enum Kind {
        CONSONANT,
        /** Alef in its forms, alef maqsura, and taa marbuta (a final a). */
        VOWEL,
        /** و and ي: a consonant (w, y) or a long vowel (u, i), by their place. */
        WEAK,
        /** A glottal stop, alone or on a seat: letter for letter, written as its seat. */
        HAMZA,
        /** An Arabic-Indic digit, written as the ASCII one. */
        DIGIT
    }

    /** A letter's ASCII spelling, letter for letter, and its kind. */
    public record Letter(String latin, Kind kind) {
    }

    private static final Map<Character, Letter> LETTERS = Map.ofEntries(
            vowel('ا', "a"), vowel('أ', "a"), vowel('إ', "i"), vowel('آ', "aa"), vowel('ٱ', "a"), vowel('ى', "a"),
            vowel('ة', "a"), weak('و', "w"), weak('ي', "y"), weak('ی', "y"),
            hamza('ء', ""), hamza('ؤ', "w"), hamza('ئ', "y"),
            consonant('ب', "b"), consonant('ت', "t"), consonant('ث', "th"), consonant('ج', "j"), consonant('ح', "h"),
            consonant('خ', "kh"), consonant('د', "d"), consonant('ذ', "dh"), consonant('ر', "r"), consonant('ز', "z"),
            consonant('س', "s"), consonant('ش', "sh"), consonant('ص', "s"), consonant('ض', "d"), consonant('ط', "t"),
            consonant('ظ', "z"), consonant('ع', ""), consonant('غ', "gh"), consonant('ف', "f"), consonant('ق', "q"),
            consonant('ك', "k"), consonant('ل', "l"), consonant('م', "m"), consonant('ن', "n"), consonant('ه', "h"),
            consonant('پ', "p"), consonant('چ', "ch"), consonant('ژ', "zh"), consonant('ڤ', "v"), consonant('ک', "k"),
            consonant('گ', "g"));

    private ArabicLetters() {
    }

    /** The letter or Arabic-Indic digit {@code c}; null for anything else. */
    public static Letter of(char c) {
        if (c >= '٠' && c <= '٩' || c >= '۰' && c <= '۹') {
            return new Letter(String.valueOf((char) ('0' + (c & 0xF))), Kind.DIGIT);
        }
        return LETTERS.get(c);
    }

    /** Short vowel signs and other marks, and the tatweel that stretches a word: none is written. */
    public static boolean isMark(char c) {
        return Character.getType(c) == Character.NON_SPACING_MARK || c == 'ـ';
    }

    private static Map.Entry<Character, Letter> consonant(char c, String latin) {
        return Map.entry(c, new Letter(latin, Kind.CONSONANT));
    }

    private static Map.Entry<Character, Letter> vowel(char c, String latin) {
        return Map.entry(c, new Letter(latin, Kind.VOWEL));
    }

    private static Map.Entry<Character, Letter> weak(char c, String latin) {
        return Map.entry(c, new Letter(latin, Kind.WEAK));
    }

    private static Map.Entry<Character, Letter> hamza(char c, String latin) {
        return Map.entry(c, new Letter(latin, Kind.HAMZA));
    }
}
