package io.tributary.writers.postgres;

import io.tributary.connector.schema.Column;
import io.tributary.connector.schema.ColumnType;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;

/**
 * How normalized columns are stored in PostgreSQL: the SQL type of each {@link ColumnType}, spelled
 * as {@code format_type} prints it (so an existing column's type compares as text), and how a value
 * is encoded for binary COPY.
 */
final class PostgresColumnTypes {

    /** 2000-01-01, PostgreSQL's epoch for dates and timestamps, as days and seconds since 1970-01-01. */
    private static final long PG_EPOCH_DAY = 10_957;

    private static final long PG_EPOCH_SECOND = PG_EPOCH_DAY * 86_400;
    /** PostgreSQL's numeric limits: beyond them a column is an unconstrained numeric. */
    private static final int MAX_PRECISION = 1000;

    private PostgresColumnTypes() {}

    static String sqlType(Column column) {
        return switch (column.type()) {
            case BOOLEAN -> "boolean";
            case INTEGER -> "bigint";
            case NUMBER -> numeric(column.precision(), column.scale());
            case STRING -> "text";
            case DATE -> "date";
            case TIME -> "time without time zone";
            case TIME_TZ -> "time with time zone";
            case TIMESTAMP -> "timestamp without time zone";
            case TIMESTAMP_TZ -> "timestamp with time zone";
            case JSON -> "jsonb";
        };
    }

    private static String numeric(Integer precision, Integer scale) {
        if (precision == null || precision < 1 || precision > MAX_PRECISION) {
            return "numeric";
        }
        int s = scale == null ? 0 : scale;
        return s < -MAX_PRECISION || s > MAX_PRECISION ? "numeric" : "numeric(" + precision + "," + s + ")";
    }

    /** Writes one value of a column in binary COPY format. Planned once per column. */
    @FunctionalInterface
    interface FieldWriter {
        void write(BinaryCopyStream out, Object value) throws SQLException;
    }

    /** The writer of a column: NULL for a null value, else the binary form of its type. */
    static FieldWriter writer(ColumnType type) {
        FieldWriter value = switch (type) {
            case BOOLEAN -> (out, v) -> out.writeBoolean((Boolean) v);
            case INTEGER -> (out, v) -> out.writeInt8(((Number) v).longValue());
            case NUMBER -> (out, v) -> out.writeNumeric(decimal(v));
            case STRING -> (out, v) -> out.writeText(v.toString());
            case DATE -> (out, v) -> out.writeInt4(Math.toIntExact(((LocalDate) v).toEpochDay() - PG_EPOCH_DAY));
            case TIME -> (out, v) -> out.writeInt8(roundedMicros(((LocalTime) v).toNanoOfDay()));
            case TIME_TZ ->
                (out, v) -> {
                    OffsetTime t = (OffsetTime) v;
                    out.writeTimeTz(
                            roundedMicros(t.toLocalTime().toNanoOfDay()),
                            -t.getOffset().getTotalSeconds());
                };
            case TIMESTAMP ->
                (out, v) -> {
                    LocalDateTime t = (LocalDateTime) v;
                    out.writeInt8(micros(t.toEpochSecond(ZoneOffset.UTC), t.getNano()));
                };
            case TIMESTAMP_TZ ->
                (out, v) -> {
                    OffsetDateTime t = (OffsetDateTime) v;
                    out.writeInt8(micros(t.toEpochSecond(), t.getNano()));
                };
            case JSON -> (out, v) -> out.writeJsonb(v.toString());
        };
        return (out, v) -> {
            if (v == null) {
                out.writeNull();
            } else {
                value.write(out, v);
            }
        };
    }

    /** A timestamptz given as epoch milliseconds (the raw table's {@code _airbyte_emitted_at}). */
    static long microsOfEpochMillis(long millis) {
        return (millis - PG_EPOCH_SECOND * 1000) * 1000;
    }

    private static long micros(long epochSecond, int nanos) {
        return (epochSecond - PG_EPOCH_SECOND) * 1_000_000 + roundedMicros(nanos);
    }

    /** PostgreSQL keeps microseconds; like its text input, round half up rather than cut. */
    private static long roundedMicros(long nanos) {
        return (nanos + 500) / 1000;
    }

    private static BigDecimal decimal(Object v) {
        return v instanceof BigDecimal d ? d : new BigDecimal(v.toString());
    }

    /** UTF-8 without NUL characters, which PostgreSQL text cannot hold. */
    static byte[] text(String s) {
        return (s.indexOf('\0') < 0 ? s : s.replace("\0", "")).getBytes(StandardCharsets.UTF_8);
    }
}
