package io.tributary.text;

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
 * {@code 2024-05-01 10:15:30+02}) are read by {@link IsoDateTimeScanner}, since java.time's formatters
 * cost microseconds per value; anything else (years past 9999, ...) falls back to java.time.
 *
 * <p>The date-time separator may be {@code T} or a space; offsets may be {@code Z}, {@code +HH},
 * {@code +HHMM}, {@code +HH:MM} or {@code +HH:MM:SS}. A value for a column with time zone that has no
 * offset is taken as UTC; a date alone is its midnight. A value for a column without time zone keeps
 * its wall-clock time as written and drops any offset.
 */
public final class IsoTemporal {

    /**
     * The one java.time parser of ISO-8601 dates and date-times (separator {@code T} or a space, time
     * optional, offsets {@code Z}, {@code +HH}, {@code +HHMM}, {@code +HH:MM}, {@code +HH:MM:SS}): the
     * fallback of the scanner here and of {@link TextType}'s typing of text.
     */
    static final DateTimeFormatter DATE_TIME_FORMAT = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .optionalStart()
            .appendLiteral('T')
            .optionalEnd()
            .optionalStart()
            .appendLiteral(' ')
            .optionalEnd()
            .optionalStart()
            .append(DateTimeFormatter.ISO_LOCAL_TIME)
            .optionalEnd()
            .optionalStart()
            .appendOffset("+HH:MM:ss", "Z")
            .optionalEnd()
            .optionalStart()
            .appendOffset("+HHmm", "Z")
            .optionalEnd()
            .optionalStart()
            .appendOffset("+HH", "Z")
            .optionalEnd()
            .toFormatter()
            .withResolverStyle(ResolverStyle.STRICT);

    /** The one java.time parser of ISO-8601 times, with the offsets {@link #DATE_TIME_FORMAT} takes. */
    static final DateTimeFormatter TIME_FORMAT = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .append(DateTimeFormatter.ISO_LOCAL_TIME)
            .optionalStart()
            .appendOffset("+HH:MM:ss", "Z")
            .optionalEnd()
            .optionalStart()
            .appendOffset("+HHmm", "Z")
            .optionalEnd()
            .optionalStart()
            .appendOffset("+HH", "Z")
            .optionalEnd()
            .toFormatter()
            .withResolverStyle(ResolverStyle.STRICT);

    private IsoTemporal() {}

    /** {@code yyyy-MM-dd}. */
    public static LocalDate date(String text) {
        IsoDateTimeScanner scan = new IsoDateTimeScanner(text);
        if (scan.date() && scan.atEnd()) {
            return LocalDate.of(scan.year(), scan.month(), scan.day());
        }
        TemporalAccessor parsed = fallback(DATE_TIME_FORMAT, text);
        return parsed != null && !parsed.isSupported(ChronoField.HOUR_OF_DAY) ? LocalDate.from(parsed) : null;
    }

    /** {@code HH:mm[:ss[.fraction]]}; an offset, if any, is dropped. */
    public static LocalTime time(String text) {
        IsoDateTimeScanner scan = new IsoDateTimeScanner(text);
        if (scan.time() && (scan.atEnd() || scan.offset())) {
            return LocalTime.ofNanoOfDay(scan.nanoOfDay());
        }
        TemporalAccessor parsed = fallback(TIME_FORMAT, text);
        return parsed == null ? null : LocalTime.from(parsed);
    }

    /** {@code HH:mm[:ss[.fraction]][offset]}; UTC when the offset is missing. */
    public static OffsetTime timeWithOffset(String text) {
        IsoDateTimeScanner scan = new IsoDateTimeScanner(text);
        if (scan.time() && (scan.atEnd() || scan.offset())) {
            return scan.offsetInRange() ? OffsetTime.of(LocalTime.ofNanoOfDay(scan.nanoOfDay()), offset(scan)) : null;
        }
        TemporalAccessor parsed = fallback(TIME_FORMAT, text);
        if (parsed == null) {
            return null;
        }
        return OffsetTime.of(
                LocalTime.from(parsed),
                parsed.isSupported(ChronoField.OFFSET_SECONDS) ? ZoneOffset.from(parsed) : ZoneOffset.UTC);
    }

    /** A date-time without zone: the wall-clock time as written, any offset dropped; a date alone is its midnight. */
    public static LocalDateTime timestamp(String text) {
        IsoDateTimeScanner scan = new IsoDateTimeScanner(text);
        if (dateTime(scan)) {
            return LocalDateTime.of(
                    LocalDate.of(scan.year(), scan.month(), scan.day()), LocalTime.ofNanoOfDay(scan.nanoOfDay()));
        }
        TemporalAccessor parsed = fallback(DATE_TIME_FORMAT, text);
        return parsed == null ? null : LocalDateTime.of(LocalDate.from(parsed), localTimeOrMidnight(parsed));
    }

    /** An instant with its offset; UTC when the offset is missing; a date alone is its midnight. */
    public static OffsetDateTime timestampWithOffset(String text) {
        IsoDateTimeScanner scan = new IsoDateTimeScanner(text);
        if (dateTime(scan)) {
            return scan.offsetInRange()
                    ? OffsetDateTime.of(
                            LocalDate.of(scan.year(), scan.month(), scan.day()),
                            LocalTime.ofNanoOfDay(scan.nanoOfDay()),
                            offset(scan))
                    : null;
        }
        TemporalAccessor parsed = fallback(DATE_TIME_FORMAT, text);
        if (parsed == null) {
            return null;
        }
        ZoneOffset offset = parsed.isSupported(ChronoField.OFFSET_SECONDS) ? ZoneOffset.from(parsed) : ZoneOffset.UTC;
        return OffsetDateTime.of(LocalDate.from(parsed), localTimeOrMidnight(parsed), offset);
    }

    /** A date, then optionally a separator, a time and an offset; the scanner has read the whole text. */
    private static boolean dateTime(IsoDateTimeScanner scan) {
        return scan.date()
                && (scan.atEnd() || scan.dateTimeSeparator() && scan.time() && (scan.atEnd() || scan.offset()));
    }

    private static ZoneOffset offset(IsoDateTimeScanner scan) {
        return scan.hasOffset() ? ZoneOffset.ofTotalSeconds(scan.offsetSeconds()) : ZoneOffset.UTC;
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
}
