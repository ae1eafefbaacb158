package io.tributary.text;

/**
 * The canonical ISO-8601 text ({@code 2024-01-01T10:00:00.5+02:00}) of a date-time written in the
 * shapes that ISO writers and databases export: {@code YYYY-MM-DD[T| ]HH:MM[:SS[.fraction]]} and
 * optionally {@code Z}, {@code +HH}, {@code +HHMM} or {@code +HH:MM}; and whether a text is a date
 * ({@code YYYY-MM-DD}).
 *
 * <p>It exists for speed: java.time's formatter copies its map of parsed fields for every optional
 * section it tries, which made date-time conversion the largest cost of reading a CSV file.
 * {@link IsoDateTimeScanner} reads the text. {@link TextType} falls back to that formatter for any
 * text not handled here, so this class only has to be exact for what it accepts; its output is tested
 * to be the formatter's, character for character.
 */
final class IsoDateTimeText {

    private IsoDateTimeText() {}

    /** Whether {@code t} is a valid {@code YYYY-MM-DD} date, which is then its own canonical text. */
    static boolean isDate(String t) {
        IsoDateTimeScanner scan = new IsoDateTimeScanner(t);
        return scan.date() && scan.atEnd();
    }

    /**
     * The canonical text of {@code t}, or {@code null} when {@code t} is not a valid date-time of
     * the asked kind in the shapes handled here (then the caller asks java.time).
     *
     * @param withOffset whether the value must have a UTC offset, or must have none
     */
    static String canonical(String t, boolean withOffset) {
        IsoDateTimeScanner scan = new IsoDateTimeScanner(t);
        if (!scan.date()
                || !scan.dateTimeSeparator()
                || !scan.time()
                || !(scan.atEnd() || scan.offset())
                // java.time prints an offset's seconds unless they are zero; rare enough to leave to it
                || scan.offsetHasSeconds()
                || !scan.offsetInRange()
                || scan.hasOffset() != withOffset) {
            return null;
        }
        // the scanner read the date and the time at fixed places: YYYY-MM-DD?HH:MM[:SS[.fraction]]
        StringBuilder out = new StringBuilder(t.length() + 9);
        out.append(t, 0, 10).append('T').append(t, 11, 16);
        if (t.length() > 16 && t.charAt(16) == ':') {
            out.append(t, 16, 19);
        } else {
            out.append(":00");
        }
        if (scan.fractionDigits() > 0) {
            // java.time prints the fraction without trailing zeros, and nothing when it is zero;
            // the digits follow YYYY-MM-DD?HH:MM:SS.
            int start = 20;
            int end = start + scan.fractionDigits();
            while (end > start && t.charAt(end - 1) == '0') {
                end--;
            }
            if (end > start) {
                out.append('.').append(t, start, end);
            }
        }
        if (scan.hasOffset()) {
            int offset = scan.offsetSeconds();
            if (offset == 0) {
                out.append('Z');
            } else {
                int minutes = Math.abs(offset) / 60;
                out.append(offset < 0 ? '-' : '+');
                twoDigits(out, minutes / 60).append(':');
                twoDigits(out, minutes % 60);
            }
        }
        return out.toString();
    }

    private static StringBuilder twoDigits(StringBuilder out, int value) {
        return out.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
    }
}
