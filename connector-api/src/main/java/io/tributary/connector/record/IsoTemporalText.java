package io.tributary.connector.record;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.SignStyle;
import java.time.temporal.ChronoField;

/**
 * The one text form of a typed date or time value, as records show it in JSON (raw tables, JSON
 * Lines) and as hashids read it: ISO-8601 with seconds always written, the fraction of a second
 * with as many digits as it needs (none when zero, as PostgreSQL prints it), a zero offset as
 * {@code Z}, and years beyond four digits or before year 1 with a sign ({@code +12345-01-01},
 * {@code -0043-03-15} for 44 BC).
 *
 * <p>The usual values (years 0000..9999, offsets in whole minutes) are written by hand, since a
 * java.time formatter costs about a microsecond per value and records are written by the million.
 */
public final class IsoTemporalText {

    private static final DateTimeFormatter DATE = new DateTimeFormatterBuilder()
            .appendValue(ChronoField.YEAR, 4, 10, SignStyle.EXCEEDS_PAD)
            .appendLiteral('-')
            .appendValue(ChronoField.MONTH_OF_YEAR, 2)
            .appendLiteral('-')
            .appendValue(ChronoField.DAY_OF_MONTH, 2)
            .toFormatter();

    private IsoTemporalText() {}

    /** Whether {@code value} is one of the date and time types records carry. */
    public static boolean isTemporal(Object value) {
        return value instanceof OffsetDateTime
                || value instanceof LocalDateTime
                || value instanceof LocalDate
                || value instanceof OffsetTime
                || value instanceof LocalTime;
    }

    /**
     * The text of a {@link LocalDate}, {@link LocalTime}, {@link OffsetTime}, {@link LocalDateTime} or
     * {@link OffsetDateTime}.
     *
     * @throws IllegalArgumentException for any other type
     */
    public static String format(Object value) {
        StringBuilder out = new StringBuilder(32);
        append(out, value);
        return out.toString();
    }

    /** Appends the text of a date or time value (see {@link #format}). */
    public static void append(StringBuilder out, Object value) {
        if (value instanceof OffsetDateTime t) {
            date(out, t.toLocalDate());
            out.append('T');
            time(out, t.toLocalTime());
            offset(out, t.getOffset());
        } else if (value instanceof LocalDateTime t) {
            date(out, t.toLocalDate());
            out.append('T');
            time(out, t.toLocalTime());
        } else if (value instanceof LocalDate d) {
            date(out, d);
        } else if (value instanceof OffsetTime t) {
            time(out, t.toLocalTime());
            offset(out, t.getOffset());
        } else if (value instanceof LocalTime t) {
            time(out, t);
        } else {
            throw new IllegalArgumentException("Not a date or time value: "
                    + (value == null ? "null" : value.getClass().getName()));
        }
    }

    private static void date(StringBuilder out, LocalDate date) {
        int year = date.getYear();
        if (year < 0 || year > 9999) {
            out.append(DATE.format(date));
            return;
        }
        digits(out, year, 4);
        out.append('-');
        digits(out, date.getMonthValue(), 2);
        out.append('-');
        digits(out, date.getDayOfMonth(), 2);
    }

    private static void time(StringBuilder out, LocalTime time) {
        digits(out, time.getHour(), 2);
        out.append(':');
        digits(out, time.getMinute(), 2);
        out.append(':');
        digits(out, time.getSecond(), 2);
        int nano = time.getNano();
        if (nano == 0) {
            return;
        }
        int length = 9;
        while (nano % 10 == 0) {
            nano /= 10;
            length--;
        }
        out.append('.');
        digits(out, nano, length);
    }

    private static void offset(StringBuilder out, ZoneOffset offset) {
        int total = offset.getTotalSeconds();
        if (total == 0) {
            out.append('Z');
            return;
        }
        out.append(total < 0 ? '-' : '+');
        int abs = Math.abs(total);
        digits(out, abs / 3600, 2);
        out.append(':');
        digits(out, abs / 60 % 60, 2);
        if (abs % 60 != 0) {
            out.append(':');
            digits(out, abs % 60, 2);
        }
    }

    /** {@code value} (non-negative) with leading zeros to {@code width} digits. */
    private static void digits(StringBuilder out, int value, int width) {
        int start = out.length();
        for (int i = 0; i < width; i++) {
            out.append('0');
        }
        for (int i = start + width - 1; i >= start && value > 0; i--) {
            out.setCharAt(i, (char) ('0' + value % 10));
            value /= 10;
        }
    }
}
