package io.tributary.text;

/**
 * Reads, left to right, the ISO-8601 and PostgreSQL shapes of dates, times and date-times that
 * sources export: {@code YYYY-MM-DD}, a {@code T}, {@code t} or space, {@code HH:MM[:SS[.fraction]]}
 * (a comma may stand for the point, 1 to 9 fraction digits), then {@code Z}, {@code +HH},
 * {@code +HHMM}, {@code +HH:MM} or {@code +HH:MM:SS}. Each step reads one part where the previous one
 * stopped and returns false when the text has another shape there or a value out of its range (a day
 * the proleptic Gregorian calendar does not have, an hour past 23, an offset past 18 hours); the caller
 * combines the steps into the shapes it accepts and reads the values of the parts read.
 *
 * <p>It exists for speed: java.time's formatters cost microseconds per value, which made date-time
 * conversion the largest cost of reading text sources. Its callers leave every other shape (years
 * past 9999, ...) to java.time. One scanner per text, of no further use once a step has returned false
 * (its values are then undefined); not thread-safe.
 */
public final class IsoDateTimeScanner {

    private static final int MAX_OFFSET_SECONDS = 18 * 3600;

    private final String text;
    private int pos;
    private int year;
    private int month;
    private int day;
    private int hour;
    private int minute;
    private int second;
    private int fractionStart;
    private int fractionDigits;
    private boolean hasOffset;
    private boolean offsetHasSeconds;
    private int offsetSeconds;

    /** A scanner at the start of {@code text}. */
    public IsoDateTimeScanner(String text) {
        this.text = text;
    }

    /** Whether everything has been read. */
    public boolean atEnd() {
        return pos == text.length();
    }

    /** Reads a {@code YYYY-MM-DD} date of the proleptic Gregorian calendar. */
    public boolean date() {
        if (text.length() < pos + 10 || text.charAt(pos + 4) != '-' || text.charAt(pos + 7) != '-') {
            return false;
        }
        year = number(pos, 4);
        month = number(pos + 5, 2);
        day = number(pos + 8, 2);
        pos += 10;
        return year >= 0 && month >= 1 && month <= 12 && day >= 1 && day <= daysIn(year, month);
    }

    /** Reads the separator between a date and a time: {@code T}, {@code t} or a space. */
    public boolean dateTimeSeparator() {
        if (pos == text.length()) {
            return false;
        }
        char c = text.charAt(pos++);
        return c == 'T' || c == 't' || c == ' ';
    }

    /** Reads a time of day {@code HH:MM[:SS[.fraction]]}, where a comma may stand for the point. */
    public boolean time() {
        if (text.length() < pos + 5 || text.charAt(pos + 2) != ':') {
            return false;
        }
        hour = number(pos, 2);
        minute = number(pos + 3, 2);
        pos += 5;
        if (hour < 0 || minute < 0 || hour > 23 || minute > 59) {
            return false;
        }
        if (pos == text.length() || text.charAt(pos) != ':') {
            return true;
        }
        second = pos + 3 <= text.length() ? number(pos + 1, 2) : -1;
        pos += 3;
        return second >= 0 && second <= 59 && fraction();
    }

    /** Reads the optional fraction after the seconds. */
    private boolean fraction() {
        if (pos == text.length() || (text.charAt(pos) != '.' && text.charAt(pos) != ',')) {
            return true;
        }
        int start = ++pos;
        while (pos < text.length() && isDigit(text.charAt(pos))) {
            pos++;
        }
        fractionStart = start;
        fractionDigits = pos - start;
        return fractionDigits > 0 && fractionDigits <= 9;
    }

    /**
     * Reads a UTC offset that ends the text: {@code Z} (either case), {@code +HH}, {@code +HHMM},
     * {@code +HH:MM} or {@code +HH:MM:SS}, with {@code +} or {@code -}.
     */
    public boolean offset() {
        int rest = text.length() - pos - 1;
        if (rest < 0) {
            return false;
        }
        char sign = text.charAt(pos);
        pos = text.length();
        if (sign == 'Z' || sign == 'z') {
            hasOffset = true;
            return rest == 0;
        }
        int at = text.length() - rest;
        // the length tells the form: HH, HHMM, HH:MM or HH:MM:SS
        if ((sign != '+' && sign != '-')
                || !(rest == 2
                        || rest == 4
                        || (rest == 5 || rest == 8)
                                && text.charAt(at + 2) == ':'
                                && (rest == 5 || text.charAt(at + 5) == ':'))) {
            return false;
        }
        int hours = number(at, 2);
        int minutes = rest == 2 ? 0 : number(rest == 4 ? at + 2 : at + 3, 2);
        int seconds = rest == 8 ? number(at + 6, 2) : 0;
        if (hours < 0 || minutes < 0 || seconds < 0 || hours > 18 || minutes > 59 || seconds > 59) {
            return false;
        }
        int total = hours * 3600 + minutes * 60 + seconds;
        hasOffset = true;
        offsetHasSeconds = rest == 8;
        offsetSeconds = sign == '-' ? -total : total;
        return true;
    }

    public int year() {
        return year;
    }

    public int month() {
        return month;
    }

    public int day() {
        return day;
    }

    public int hour() {
        return hour;
    }

    public int minute() {
        return minute;
    }

    /** The seconds of the time read, 0 when they were not written. */
    public int second() {
        return second;
    }

    /** The fraction of the second read, in nanoseconds. */
    public int nano() {
        // computed when asked: a caller that copies the digits does not need it
        int nano = fractionDigits == 0 ? 0 : number(fractionStart, fractionDigits);
        for (int i = fractionDigits; i < 9; i++) {
            nano *= 10;
        }
        return nano;
    }

    /** How many fraction digits the time read was written with, 0 for none. */
    public int fractionDigits() {
        return fractionDigits;
    }

    /** The time read, in nanoseconds since midnight. */
    public long nanoOfDay() {
        return ((hour * 60L + minute) * 60L + second) * 1_000_000_000L + nano();
    }

    /** Whether an offset has been read. */
    public boolean hasOffset() {
        return hasOffset;
    }

    /** Whether the offset read was written with seconds ({@code +HH:MM:SS}). */
    public boolean offsetHasSeconds() {
        return offsetHasSeconds;
    }

    /**
     * Whether the offset read, if any, is within &plusmn;18:00, the range of java.time's ZoneOffset.
     * {@link #offset} reads up to &plusmn;18:59:59 so that a caller which drops the offset may accept
     * such a value.
     */
    public boolean offsetInRange() {
        return Math.abs(offsetSeconds) <= MAX_OFFSET_SECONDS;
    }

    /** The offset read, in seconds east of UTC; 0 for none. */
    public int offsetSeconds() {
        return offsetSeconds;
    }

    /** The number written by {@code length} ASCII digits at {@code from}, or -1 when one is not a digit. */
    private int number(int from, int length) {
        int value = 0;
        for (int i = from; i < from + length; i++) {
            char c = text.charAt(i);
            if (!isDigit(c)) {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** Days in a month of the proleptic Gregorian calendar, as java.time's IsoChronology counts them. */
    private static int daysIn(int year, int month) {
        return switch (month) {
            case 2 -> (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }
}
