package io.tributary.connector.inference;

/**
 * The canonical ISO-8601 text ({@code 2024-01-01T10:00:00.5+02:00}) of a date-time written in the
 * shapes that ISO writers and databases export: {@code YYYY-MM-DD[T| ]HH:MM[:SS[.fraction]]} and
 * optionally {@code Z}, {@code +HH}, {@code +HHMM} or {@code +HH:MM}; and whether a text is a date
 * ({@code YYYY-MM-DD}).
 *
 * <p>It exists for speed: java.time's formatter copies its map of parsed fields for every optional
 * section it tries, which made date-time conversion the largest cost of reading a CSV file.
 * {@link TextType} falls back to that formatter for any text not handled here, so this class only
 * has to be exact for what it accepts; its output is tested to be the formatter's, character for
 * character.
 */
final class IsoDateTimeText {

    /** {@code YYYY-MM-DDTHH:MM}, the shortest shape handled. */
    private static final int MIN_LENGTH = 16;

    private IsoDateTimeText() {
    }

    /** Whether {@code t} is a valid {@code YYYY-MM-DD} date, which is then its own canonical text. */
    static boolean isDate(String t) {
        return t.length() == 10 && isDateAt(t);
    }

    /** Whether {@code t} starts with a valid {@code YYYY-MM-DD} date of the proleptic Gregorian calendar. */
    private static boolean isDateAt(String t) {
        if (t.length() < 10 || !digits(t, 0, 4) || t.charAt(4) != '-' || !digits(t, 5, 2) || t.charAt(7) != '-'
                || !digits(t, 8, 2)) {
            return false;
        }
        int month = number(t, 5, 2);
        int day = number(t, 8, 2);
        return month >= 1 && month <= 12 && day >= 1 && day <= daysIn(number(t, 0, 4), month);
    }

    /**
     * The canonical text of {@code t}, or {@code null} when {@code t} is not a valid date-time of
     * the asked kind in the shapes handled here (then the caller asks java.time).
     *
     * @param withOffset whether the value must have a UTC offset, or must have none
     */
    static String canonical(String t, boolean withOffset) {
        int n = t.length();
        if (n < MIN_LENGTH || !isDateAt(t) || !isDateTimeSeparator(t.charAt(10))
                || !digits(t, 11, 2) || t.charAt(13) != ':' || !digits(t, 14, 2)) {
            return null;
        }
        int i = 16;
        int secondsAt = -1;
        int fractionStart = -1;
        int fractionEnd = -1;
        if (i < n && t.charAt(i) == ':') {
            if (!digits(t, i + 1, 2)) {
                return null;
            }
            secondsAt = i + 1;
            i += 3;
            if (i < n && (t.charAt(i) == '.' || t.charAt(i) == ',')) {
                fractionStart = ++i;
                while (i < n && isDigit(t.charAt(i))) {
                    i++;
                }
                fractionEnd = i;
                if (fractionEnd == fractionStart || fractionEnd - fractionStart > 9) {
                    return null;
                }
            }
        }
        boolean hasOffset = i < n;
        char offsetSign = 0;
        int offsetHours = 0;
        int offsetMinutes = 0;
        if (hasOffset) {
            char c = t.charAt(i);
            int rest = n - i - 1;
            if ((c == 'Z' || c == 'z') && rest == 0) {
                offsetSign = '+';
            } else if ((c == '+' || c == '-') && (rest == 2 || rest == 4 || rest == 5)) {
                offsetSign = c;
                if (!digits(t, i + 1, 2)) {
                    return null;
                }
                offsetHours = number(t, i + 1, 2);
                int minutesAt = rest == 5 ? i + 4 : i + 3;
                if (rest == 5 && t.charAt(i + 3) != ':') {
                    return null;
                }
                if (rest > 2) {
                    if (!digits(t, minutesAt, 2)) {
                        return null;
                    }
                    offsetMinutes = number(t, minutesAt, 2);
                }
            } else {
                return null;
            }
        }
        if (hasOffset != withOffset) {
            return null;
        }
        if (number(t, 11, 2) > 23 || number(t, 14, 2) > 59
                || (secondsAt >= 0 && number(t, secondsAt, 2) > 59)
                // ZoneOffset's range is -18:00 to +18:00
                || offsetMinutes > 59 || offsetHours > 18 || (offsetHours == 18 && offsetMinutes > 0)) {
            return null;
        }

        StringBuilder out = new StringBuilder(n + 9);
        out.append(t, 0, 10).append('T').append(t, 11, 16).append(':');
        if (secondsAt >= 0) {
            out.append(t, secondsAt, secondsAt + 2);
        } else {
            out.append("00");
        }
        if (fractionStart >= 0) {
            // java.time prints the fraction without trailing zeros, and nothing when it is zero
            int end = fractionEnd;
            while (end > fractionStart && t.charAt(end - 1) == '0') {
                end--;
            }
            if (end > fractionStart) {
                out.append('.').append(t, fractionStart, end);
            }
        }
        if (hasOffset) {
            if (offsetHours == 0 && offsetMinutes == 0) {
                out.append('Z');
            } else {
                out.append(offsetSign);
                twoDigits(out, offsetHours).append(':');
                twoDigits(out, offsetMinutes);
            }
        }
        return out.toString();
    }

    private static boolean isDateTimeSeparator(char c) {
        return c == 'T' || c == 't' || c == ' ';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** Whether {@code t} has {@code count} ASCII digits at {@code from}. */
    private static boolean digits(String t, int from, int count) {
        if (from + count > t.length()) {
            return false;
        }
        for (int i = from; i < from + count; i++) {
            if (!isDigit(t.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** The value of digits already checked by {@link #digits}. */
    private static int number(String t, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            value = value * 10 + (t.charAt(i) - '0');
        }
        return value;
    }

    /** Days in a month of the proleptic Gregorian calendar, as java.time's IsoChronology counts them. */
    private static int daysIn(int year, int month) {
        return switch (month) {
            case 2 -> (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    private static StringBuilder twoDigits(StringBuilder out, int value) {
        return out.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
    }
}
