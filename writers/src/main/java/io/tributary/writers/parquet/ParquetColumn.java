package io.tributary.writers.parquet;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.IntStream;

import io.tributary.connector.schema.Column;
import io.tributary.connector.schema.TableSchema;
import io.tributary.writers.jsonl.JsonColumnCodec;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimeUnit;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;
import tools.jackson.databind.JsonNode;

/**
 * One column of a normalized table as Parquet stores it: its type and how a value is encoded.
 *
 * <p>Mapping: BOOLEAN to BOOLEAN; INTEGER to INT64; NUMBER with precision p (at most 38) and scale s to
 * DECIMAL(p,s) on INT32 (p &le; 9), INT64 (p &le; 18) or a fixed-length byte array; NUMBER without
 * precision to DECIMAL(38,9) or, when so configured or wider than 38 digits, to its exact text as
 * STRING; DATE to DATE; TIME to TIME(MICROS, local); TIME_TZ to TIME(MICROS, UTC-adjusted); TIMESTAMP
 * to TIMESTAMP(MICROS, not UTC-adjusted); TIMESTAMP_TZ to TIMESTAMP(MICROS, UTC-adjusted); STRING to
 * STRING; JSON (text, or a JSON tree written with exact decimals) to BINARY with the JSON logical type. Every column is optional, so files of one table
 * share one schema whether or not a file has NULLs.
 */
final class ParquetColumn {

    @FunctionalInterface
    private interface Encoder {
        void write(RecordConsumer out, Object value);
    }

    private final TableSchema table;
    private final Column column;
    private final int index;
    private final Type type;
    private final Encoder encoder;

    private ParquetColumn(TableSchema table, Column column, int index, PrimitiveType type, Encoder encoder) {
        this.table = table;
        this.column = column;
        this.index = index;
        this.type = type;
        this.encoder = encoder;
    }

    static List<ParquetColumn> of(TableSchema table, ParquetOptions options) {
        return IntStream.range(0, table.columns().size())
                .mapToObj(i -> of(table, table.columns().get(i), i, options))
                .toList();
    }

    static MessageType messageType(TableSchema table, List<ParquetColumn> columns) {
        return new MessageType(table.name(), columns.stream().map(c -> c.type).toList());
    }

    private static ParquetColumn of(TableSchema table, Column column, int index, ParquetOptions options) {
        String name = column.name();
        return switch (column.type()) {
            case BOOLEAN -> new ParquetColumn(table, column, index,
                    Types.optional(PrimitiveTypeName.BOOLEAN).named(name),
                    (out, v) -> out.addBoolean((Boolean) v));
            case INTEGER -> new ParquetColumn(table, column, index,
                    Types.optional(PrimitiveTypeName.INT64).as(LogicalTypeAnnotation.intType(64, true)).named(name),
                    (out, v) -> out.addLong(((Number) v).longValue()));
            case NUMBER -> decimal(table, column, index, options);
            case DATE -> new ParquetColumn(table, column, index,
                    Types.optional(PrimitiveTypeName.INT32).as(LogicalTypeAnnotation.dateType()).named(name),
                    (out, v) -> out.addInteger(Math.toIntExact(((LocalDate) v).toEpochDay())));
            case TIME -> new ParquetColumn(table, column, index,
                    Types.optional(PrimitiveTypeName.INT64)
                            .as(LogicalTypeAnnotation.timeType(false, TimeUnit.MICROS)).named(name),
                    (out, v) -> out.addLong(((LocalTime) v).toNanoOfDay() / 1000));
            case TIME_TZ -> new ParquetColumn(table, column, index,
                    Types.optional(PrimitiveTypeName.INT64)
                            .as(LogicalTypeAnnotation.timeType(true, TimeUnit.MICROS)).named(name),
                    (out, v) -> out.addLong(((OffsetTime) v).withOffsetSameInstant(ZoneOffset.UTC)
                            .toLocalTime().toNanoOfDay() / 1000));
            case TIMESTAMP -> new ParquetColumn(table, column, index,
                    Types.optional(PrimitiveTypeName.INT64)
                            .as(LogicalTypeAnnotation.timestampType(false, TimeUnit.MICROS)).named(name),
                    (out, v) -> {
                        LocalDateTime t = (LocalDateTime) v;
                        out.addLong(micros(t.toEpochSecond(ZoneOffset.UTC), t.getNano()));
                    });
            case TIMESTAMP_TZ -> new ParquetColumn(table, column, index,
                    Types.optional(PrimitiveTypeName.INT64)
                            .as(LogicalTypeAnnotation.timestampType(true, TimeUnit.MICROS)).named(name),
                    (out, v) -> {
                        OffsetDateTime t = (OffsetDateTime) v;
                        out.addLong(micros(t.toEpochSecond(), t.getNano()));
                    });
            case STRING -> text(table, column, index, LogicalTypeAnnotation.stringType());
            case JSON -> new ParquetColumn(table, column, index,
                    Types.optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.jsonType()).named(name),
                    (out, v) -> out.addBinary(v instanceof JsonNode node
                            ? Binary.fromConstantByteArray(JsonColumnCodec.MAPPER.writeValueAsBytes(node))
                            : utf8(v.toString())));
        };
    }

    private static long micros(long epochSecond, int nanos) {
        return Math.addExact(Math.multiplyExact(epochSecond, 1_000_000L), nanos / 1000);
    }

    private static ParquetColumn text(TableSchema table, Column column, int index, LogicalTypeAnnotation annotation) {
        return new ParquetColumn(table, column, index,
                Types.optional(PrimitiveTypeName.BINARY).as(annotation).named(column.name()),
                (out, v) -> out.addBinary(utf8(v.toString())));
    }

    /**
     * Text as an array-backed binary: {@code Binary.fromString} wraps a ByteBuffer, which costs an
     * allocation more per value and makes the dictionary's hashing and comparing slower.
     */
    private static Binary utf8(String text) {
        return Binary.fromConstantByteArray(text.getBytes(StandardCharsets.UTF_8));
    }

    private static ParquetColumn decimal(TableSchema table, Column column, int index, ParquetOptions options) {
        Integer declared = column.precision();
        boolean bounded = declared != null && declared > 0 && declared <= 38;
        if (!bounded && (declared != null || !options.unboundedNumbersAsDecimal())) {
            // Wider than any DECIMAL readers accept, or configured: the exact text.
            return new ParquetColumn(table, column, index,
                    Types.optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named(column.name()),
                    (out, v) -> out.addBinary(utf8(toDecimal(v).toPlainString())));
        }
        int precision = bounded ? declared : ParquetOptions.UNBOUNDED_PRECISION;
        int scale = bounded ? (column.scale() == null ? 0 : column.scale()) : ParquetOptions.UNBOUNDED_SCALE;
        LogicalTypeAnnotation annotation = LogicalTypeAnnotation.decimalType(scale, precision);
        ParquetColumn[] self = new ParquetColumn[1];
        if (precision <= 9) {
            self[0] = new ParquetColumn(table, column, index,
                    Types.optional(PrimitiveTypeName.INT32).as(annotation).named(column.name()),
                    (out, v) -> out.addInteger(self[0].unscaled(v, precision, scale, bounded).intValueExact()));
        } else if (precision <= 18) {
            self[0] = new ParquetColumn(table, column, index,
                    Types.optional(PrimitiveTypeName.INT64).as(annotation).named(column.name()),
                    (out, v) -> out.addLong(self[0].unscaled(v, precision, scale, bounded).longValueExact()));
        } else {
            int length = bytesFor(precision);
            self[0] = new ParquetColumn(table, column, index,
                    Types.optional(PrimitiveTypeName.FIXED_LEN_BYTE_ARRAY).length(length).as(annotation).named(column.name()),
                    (out, v) -> out.addBinary(Binary.fromConstantByteArray(
                            fixed(self[0].unscaled(v, precision, scale, bounded), length))));
        }
        return self[0];
    }

    /** The unscaled value at {@code scale}; fails rather than rounds or overflows. */
    private BigInteger unscaled(Object value, int precision, int scale, boolean declared) {
        BigDecimal decimal = toDecimal(value);
        BigDecimal scaled;
        try {
            scaled = decimal.setScale(scale, RoundingMode.UNNECESSARY);
        } catch (ArithmeticException e) {
            scaled = null;
        }
        if (scaled == null || scaled.precision() > precision) {
            throw new IllegalArgumentException("table " + table.qualifiedName() + ", column " + column.name()
                    + ": value " + decimal.toPlainString() + " does not fit DECIMAL(" + precision + "," + scale + ")"
                    + (declared ? " as the source schema declares; fix the source's precision/scale"
                            : "; set number_without_precision: string to keep such numbers exactly as text"));
        }
        return scaled.unscaledValue();
    }

    private static BigDecimal toDecimal(Object value) {
        if (value instanceof BigDecimal d) {
            return d;
        }
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return BigDecimal.valueOf(((Number) value).longValue());
        }
        if (value instanceof BigInteger i) {
            return new BigDecimal(i);
        }
        return new BigDecimal(value.toString());
    }

    /** The fewest bytes whose two's complement holds every unscaled value of {@code precision} digits. */
    static int bytesFor(int precision) {
        BigInteger max = BigInteger.TEN.pow(precision).subtract(BigInteger.ONE);
        return (max.bitLength() + 1 + 7) / 8;
    }

    private static byte[] fixed(BigInteger unscaled, int length) {
        byte[] raw = unscaled.toByteArray();
        byte[] out = new byte[length];
        byte pad = (byte) (unscaled.signum() < 0 ? 0xFF : 0x00);
        int offset = length - raw.length;
        for (int i = 0; i < offset; i++) {
            out[i] = pad;
        }
        System.arraycopy(raw, 0, out, offset, raw.length);
        return out;
    }

    /** Adds {@code values}' value of this column to the current record; NULL is an absent field. */
    void write(RecordConsumer out, Object[] values) {
        Object value = values[index];
        if (value == null) {
            return;
        }
        out.startField(column.name(), index);
        try {
            encoder.write(out, value);
        } catch (ClassCastException e) {
            throw new IllegalArgumentException("table " + table.qualifiedName() + ", column " + column.name() + " ("
                    + column.type() + "): unexpected value of Java type " + value.getClass().getName()
                    + "; the normalizer must produce the type ColumnType." + column.type() + " names", e);
        }
        out.endField(column.name(), index);
    }
}
