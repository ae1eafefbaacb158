package io.tributary.normalization.convert;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;

/**
 * Parses the ISO-8601 date and time strings sources emit, {@code null} when the text is not a valid
 * value. The usual shapes ({@code 2024-05-01}, {@code 10:15:30.5}, {@code 2024-05-01T10:15:30.123Z},
 * {@code 2024-05-01 10:15:30+02}) take a hand-written path, since java.time's formatters cost
 * microseconds per value; anything else (years past 9999, ...) falls back to java.time.
 *
 * <p>The date-time separator may be {@code T} or a space; offsets may be {@code Z}, {@code +HH},
 * {@code +HHMM}, {@code +HH:MM} or {@code +HH:MM:SS}. A value for a column with time zone that has no
 * offset is taken as UTC; a date alone is its midnight. A value for a column without time zone keeps
 * its wall-clock time as written and drops any offset.
 */
public final class IsoTemporal {

    private static final DateTimeFormatter FALLBACK = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .optionalStart().appendLiteral('T').optionalEnd()
            .optionalStart().appendLiteral(' ').optionalEnd()
            .optionalStart().append(DateTimeFormatter.ISO_LOCAL_TIME).optionalEnd()
            .optionalStart().appendOffset("+HH:MM:ss", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHmm", "Z").optionalEnd()
            .optionalStart().appendOffset("+HH", "Z").optionalEnd()
            .toFormatter()
            .withResolverStyle(ResolverStyle.STRICT);

    private static final DateTimeFormatter TIME_FALLBACK = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .append(DateTimeFormatter.ISO_LOCAL_TIME)
            .optionalStart().appendOffset("+HH:MM:ss", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHmm", "Z").optionalEnd()
            .optionalStart().appendOffset("+HH", "Z").optionalEnd()
            .toFormatter()
            .withResolverStyle(ResolverStyle.STRICT);

    private IsoTemporal() {
    }

    /** {@code yyyy-MM-dd}. */
    public static LocalDate date(String text) {
        Cursor c = new Cursor(text);
        try {
            if (c.date() && c.atEnd()) {
                return LocalDate.of(c.year, c.month, c.day);
            }
        } catch (DateTimeException e) {
            return null;
        }
        TemporalAccessor parsed = fallback(FALLBACK, text);
        return parsed != null && !parsed.isSupported(ChronoField.HOUR_OF_DAY)
                ? LocalDate.from(parsed) : null;
    }

    /** {@code HH:mm[:ss[.fraction]]}; an offset, if any, is dropped. */
    public static LocalTime time(String text) {
        Cursor c = new Cursor(text);
        try {
            if (c.time() && (c.atEnd() || c.offset() && c.atEnd())) {
                return LocalTime.ofNanoOfDay(c.nanoOfDay);
            }
        } catch (DateTimeException e) {
            return null;
        }
        TemporalAccessor parsed = fallback(TIME_FALLBACK, text);
        return parsed == null ? null : LocalTime.from(parsed);
    }

    /** {@code HH:mm[:ss[.fraction]][offset]}; UTC when the offset is missing. */
    public static OffsetTime timeWithOffset(String text) {
        Cursor c = new Cursor(text);
        try {
            if (c.time() && (c.atEnd() || c.offset() && c.atEnd())) {
                return OffsetTime.of(LocalTime.ofNanoOfDay(c.nanoOfDay), c.zone());
            }
        } catch (DateTimeException e) {
            return null;
        }
        TemporalAccessor parsed = fallback(TIME_FALLBACK, text);
        if (parsed == null) {
            return null;
        }
        return OffsetTime.of(LocalTime.from(parsed), parsed.isSupported(ChronoField.OFFSET_SECONDS)
                ? ZoneOffset.from(parsed) : ZoneOffset.UTC);
    }

    /** A date-time without zone: the wall-clock time as written, any offset dropped; a date alone is its midnight. */
    public static LocalDateTime timestamp(String text) {
        Cursor c = new Cursor(text);
        try {
            if (c.dateTime()) {
                return LocalDateTime.of(LocalDate.of(c.year, c.month, c.day), LocalTime.ofNanoOfDay(c.nanoOfDay));
            }
        } catch (DateTimeException e) {
            return null;
        }
        TemporalAccessor parsed = fallback(FALLBACK, text);
        return parsed == null ? null : LocalDateTime.of(LocalDate.from(parsed), localTimeOrMidnight(parsed));
    }

    /** An instant with its offset; UTC when the offset is missing; a date alone is its midnight. */
    public static OffsetDateTime timestampWithOffset(String text) {
        Cursor c = new Cursor(text);
        try {
            if (c.dateTime()) {
                return OffsetDateTime.of(LocalDate.of(c.year, c.month, c.day), LocalTime.ofNanoOfDay(c.nanoOfDay), c.zone());
            }
        } catch (DateTimeException e) {
            return null;
        }
        TemporalAccessor parsed = fallback(FALLBACK, text);
        if (parsed == null) {
            return null;
        }
        ZoneOffset offset = parsed.isSupported(ChronoField.OFFSET_SECONDS)
                ? ZoneOffset.from(parsed) : ZoneOffset.UTC;
        return OffsetDateTime.of(LocalDate.from(parsed), localTimeOrMidnight(parsed), offset);
    }

    private static LocalTime localTimeOrMidnight(TemporalAccessor parsed) {
        return parsed.isSupported(ChronoField.HOUR_OF_DAY) ? LocalTime.from(parsed) : LocalTime.MIDNIGHT;
    }

    private static TemporalAccessor fallback(DateTimeFormatter formatter, String text) {
        try {
            return formatter.parse(text.trim());
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** A left-to-right reader of the fast-path shapes; each step returns false when the text has another shape. */
    private static final class Cursor {
        private final String text;
        private int pos;
        int year;
        int month;
        int day;
        long nanoOfDay;
        int offsetSeconds;
        boolean hasOffset;

        Cursor(String text) {
            this.text = text;
        }

        boolean atEnd() {
            return pos == text.length();
        }

        /** A date, then optionally a separator and a time, then optionally an offset, then the end. */
        boolean dateTime() {
            if (!date()) {
                return false;
            }
            if (atEnd()) {
                return true;
            }
            char separator = text.charAt(pos);
            if (separator != 'T' && separator != 't' && separator != ' ') {
                return false;
            }
            pos++;
            return time() && (atEnd() || offset() && atEnd());
        }

        boolean date() {
            if (text.length() < pos + 10 || text.charAt(pos + 4) != '-' || text.charAt(pos + 7) != '-') {
                return false;
            }
            year = digits(pos, 4);
            month = digits(pos + 5, 2);
            day = digits(pos + 8, 2);
            pos += 10;
            return year >= 0 && month >= 0 && day >= 0;
        }

        boolean time() {
            if (text.length() < pos + 5 || text.charAt(pos + 2) != ':') {
                return false;
            }
            int hour = digits(pos, 2);
            int minute = digits(pos + 3, 2);
            if (hour < 0 || minute < 0 || hour > 23 || minute > 59) {
                return false;
            }
            pos += 5;
            int second = 0;
            long nanos = 0;
            if (pos < text.length() && text.charAt(pos) == ':') {
                second = pos + 3 <= text.length() ? digits(pos + 1, 2) : -1;
                if (second < 0 || second > 59) {
                    return false;
                }
                pos += 3;
                if (pos < text.length() && (text.charAt(pos) == '.' || text.charAt(pos) == ',')) {
                    int start = ++pos;
                    while (pos < text.length() && isDigit(text.charAt(pos))) {
                        pos++;
                    }
                    int length = pos - start;
                    if (length == 0 || length > 9) {
                        return false;
                    }
                    nanos = digits(start, length);
                    for (int i = length; i < 9; i++) {
                        nanos *= 10;
                    }
                }
            }
            nanoOfDay = ((hour * 60L + minute) * 60L + second) * 1_000_000_000L + nanos;
            return true;
        }

        boolean offset() {
            char sign = text.charAt(pos);
            if (sign == 'Z' || sign == 'z') {
                pos++;
                hasOffset = true;
                return true;
            }
            if (sign != '+' && sign != '-') {
                return false;
            }
            int rest = text.length() - pos - 1;
            int hours;
            int minutes = 0;
            int seconds = 0;
            if (rest == 2) {
                hours = digits(pos + 1, 2);
            } else if (rest == 4) {
                hours = digits(pos + 1, 2);
                minutes = digits(pos + 3, 2);
            } else if (rest == 5 && text.charAt(pos + 3) == ':') {
                hours = digits(pos + 1, 2);
                minutes = digits(pos + 4, 2);
            } else if (rest == 8 && text.charAt(pos + 3) == ':' && text.charAt(pos + 6) == ':') {
                hours = digits(pos + 1, 2);
                minutes = digits(pos + 4, 2);
                seconds = digits(pos + 7, 2);
            } else {
                return false;
            }
            if (hours < 0 || minutes < 0 || seconds < 0 || hours > 18 || minutes > 59 || seconds > 59) {
                return false;
            }
            int total = hours * 3600 + minutes * 60 + seconds;
            offsetSeconds = sign == '-' ? -total : total;
            hasOffset = true;
            pos = text.length();
            return true;
        }

        ZoneOffset zone() {
            return hasOffset ? ZoneOffset.ofTotalSeconds(offsetSeconds) : ZoneOffset.UTC;
        }

        /** The number written by {@code length} digits at {@code from}, or -1 when one is not a digit. */
        private int digits(int from, int length) {
            int value = 0;
            for (int i = from; i < from + length; i++) {
                char ch = text.charAt(i);
                if (!isDigit(ch)) {
                    return -1;
                }
                value = value * 10 + (ch - '0');
            }
            return value;
        }

        private static boolean isDigit(char ch) {
            return ch >= '0' && ch <= '9';
        }
    }
}
