package io.tributary.readers.postgres;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;

/**
 * How one column is selected in a {@code COPY (SELECT ...) TO STDOUT (FORMAT binary)} and how its
 * field becomes a typed record value. The types most tables are made of (integers, numeric, text,
 * boolean, dates and timestamps, uuid, bytea, jsonb) are decoded from their binary send format, with
 * no text in between; every other type is selected as {@code ::text} and converted exactly as the
 * cursor reader converts its text ({@link PostgresType#reader()}), so both paths give the same values.
 */
final class BinaryCopyColumn {

    /** 2000-01-01, PostgreSQL's epoch for dates and timestamps, in days and seconds since 1970-01-01. */
    private static final long PG_EPOCH_DAY = 10_957;

    private static final long PG_EPOCH_SECOND = PG_EPOCH_DAY * 86_400;
    private static final int NUMERIC_NEGATIVE = 0x4000;
    private static final int NUMERIC_NAN = 0xC000;
    private static final int NUMERIC_PLUS_INFINITY = 0xD000;
    private static final int NUMERIC_MINUS_INFINITY = 0xF000;

    private final String selectExpression;
    private final Decoder decoder;

    private BinaryCopyColumn(String selectExpression, Decoder decoder) {
        this.selectExpression = selectExpression;
        this.decoder = decoder;
    }

    /** Decodes the current field of a COPY row. */
    @FunctionalInterface
    interface Decoder {
        Object decode(BinaryCopyRows rows) throws IOException;
    }

    String selectExpression() {
        return selectExpression;
    }

    /** The value of the row's next field, {@code null} for SQL NULL. */
    Object read(BinaryCopyRows rows) throws IOException {
        return rows.nextField() ? decoder.decode(rows) : null;
    }

    /** The plan of a column of {@code type}, selected as {@code quotedColumn} (qualified, quoted). */
    static BinaryCopyColumn of(PostgresType type, String quotedColumn) {
        String native_ = type.selectExpression(quotedColumn);
        return switch (type.kind()) {
            case INTEGER ->
                switch (type.baseName()) {
                    case "int2" -> new BinaryCopyColumn(native_, r -> (long) r.shortAt(r.offset()));
                    case "int4" -> new BinaryCopyColumn(native_, r -> (long) r.intAt(r.offset()));
                    case "int8" -> new BinaryCopyColumn(native_, r -> r.longAt(r.offset()));
                    default -> new BinaryCopyColumn(quotedColumn + "::int8", r -> r.longAt(r.offset()));
                };
            case BOOLEAN -> new BinaryCopyColumn(native_, r -> r.buffer()[r.offset()] != 0);
            case NUMERIC, MONEY -> new BinaryCopyColumn(native_, BinaryCopyColumn::numeric);
            case TEXT ->
                switch (type.baseName()) {
                    case "text", "varchar", "bpchar" -> new BinaryCopyColumn(native_, BinaryCopyRows::text);
                    default -> asText(type, quotedColumn);
                };
            case DATE -> new BinaryCopyColumn(native_, BinaryCopyColumn::date);
            case TIMESTAMP -> new BinaryCopyColumn(native_, r -> timestamp(r, false));
            case TIMESTAMPTZ -> new BinaryCopyColumn(native_, r -> timestamp(r, true));
            case UUID ->
                new BinaryCopyColumn(native_, r -> new UUID(r.longAt(r.offset()), r.longAt(r.offset() + 8)).toString());
            case BYTEA -> new BinaryCopyColumn(native_, BinaryCopyRows::bytes);
            case JSON ->
                type.baseName().equals("jsonb")
                        // jsonb's binary form is a version byte (1) and the text
                        ? new BinaryCopyColumn(
                                native_,
                                r -> JsonbObjectNode.of(java.util.Arrays.copyOfRange(
                                        r.buffer(), r.offset() + 1, r.offset() + r.length())))
                        : asText(type, quotedColumn);
            default -> asText(type, quotedColumn);
        };
    }

    /** Selected as text and converted as the cursor reader converts the text. */
    private static BinaryCopyColumn asText(PostgresType type, String quotedColumn) {
        String select = type.selectExpression(quotedColumn) + "::text";
        return switch (type.kind()) {
            case TEXT, ENUM, UUID, TIME, INTERVAL, OTHER -> new BinaryCopyColumn(select, BinaryCopyRows::text);
            case JSON, ARRAY -> {
                Function<String, JsonNode> convert = type.textConverter();
                yield new BinaryCopyColumn(select, r -> convert.apply(r.text()));
            }
            default -> new BinaryCopyColumn(select, r -> type.kind().typedFromText(r.text()));
        };
    }

    /** Days since 2000-01-01; the infinities as PostgreSQL prints them. */
    private static Object date(BinaryCopyRows r) {
        int days = r.intAt(r.offset());
        if (days == Integer.MAX_VALUE) {
            return "infinity";
        }
        if (days == Integer.MIN_VALUE) {
            return "-infinity";
        }
        return LocalDate.ofEpochDay(PG_EPOCH_DAY + days);
    }

    /** Microseconds since 2000-01-01 (UTC for timestamptz); the infinities as PostgreSQL prints them. */
    private static Object timestamp(BinaryCopyRows r, boolean withZone) {
        long micros = r.longAt(r.offset());
        if (micros == Long.MAX_VALUE) {
            return "infinity";
        }
        if (micros == Long.MIN_VALUE) {
            return "-infinity";
        }
        long seconds = Math.floorDiv(micros, 1_000_000L);
        int nanos = (int) Math.floorMod(micros, 1_000_000L) * 1000;
        LocalDateTime local = LocalDateTime.ofEpochSecond(PG_EPOCH_SECOND + seconds, nanos, ZoneOffset.UTC);
        return withZone ? OffsetDateTime.of(local, ZoneOffset.UTC) : local;
    }

    /**
     * The binary numeric: digit count, weight of the first base-10000 digit, sign, display scale, then
     * the digits. The value keeps the display scale, as the text form {@code 10.50} does; NaN and the
     * infinities become the text PostgreSQL prints for them.
     */
    static Object numeric(BinaryCopyRows r) {
        int at = r.offset();
        int digits = r.shortAt(at);
        int weight = r.shortAt(at + 2);
        int sign = r.shortAt(at + 4) & 0xffff;
        int scale = r.shortAt(at + 6);
        switch (sign) {
            case NUMERIC_NAN:
                return "NaN";
            case NUMERIC_PLUS_INFINITY:
                return "Infinity";
            case NUMERIC_MINUS_INFINITY:
                return "-Infinity";
            default:
                break;
        }
        BigDecimal value;
        if (digits == 0) {
            value = BigDecimal.ZERO;
        } else if (digits <= 4) {
            long unscaled = 0;
            for (int i = 0; i < digits; i++) {
                unscaled = unscaled * 10_000 + r.shortAt(at + 8 + 2 * i);
            }
            value = BigDecimal.valueOf(sign == NUMERIC_NEGATIVE ? -unscaled : unscaled, 4 * (digits - 1 - weight));
        } else {
            BigInteger unscaled = BigInteger.ZERO;
            BigInteger base = BigInteger.valueOf(10_000);
            for (int i = 0; i < digits; i++) {
                unscaled = unscaled.multiply(base).add(BigInteger.valueOf(r.shortAt(at + 8 + 2 * i)));
            }
            value = new BigDecimal(sign == NUMERIC_NEGATIVE ? unscaled.negate() : unscaled, 4 * (digits - 1 - weight));
        }
        // Digits past the display scale are zeros (PostgreSQL drops trailing zero digits only).
        return value.setScale(scale, RoundingMode.UNNECESSARY);
    }
}
