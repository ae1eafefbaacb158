package io.tributary.writers.parquet;

import io.tributary.connector.record.RecordJson;
import io.tributary.connector.record.SourceRecord;
import io.tributary.connector.schema.Column;
import io.tributary.connector.schema.TableSchema;
import io.tributary.writers.jsonl.JsonColumnCodec;
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
 * <p>Mapping: BOOLEAN to BOOLEAN; INTEGER to INT64; NUMBER with a declared precision p (at most 38)
 * and scale s to DECIMAL(p,s) on INT32 (p &le; 9), INT64 (p &le; 18) or a fixed-length byte array;
 * NUMBER without (usable) precision to DOUBLE, as Airbyte's S3 Parquet output writes JSON Schema
 * {@code number}, or as configured to DECIMAL(38,9) or its exact text as STRING; DATE to DATE; TIME to TIME(MICROS, local); TIME_TZ to TIME(MICROS, UTC-adjusted); TIMESTAMP
 * to TIMESTAMP(MICROS, not UTC-adjusted); TIMESTAMP_TZ to TIMESTAMP(MICROS, UTC-adjusted); STRING to
 * STRING; JSON (text, or a JSON tree written with exact decimals) to BINARY with the JSON logical type. Every column is optional, so files of one table
 * share one schema whether or not a file has NULLs.
 */
final class ParquetColumn {

    @FunctionalInterface
    private interface Encoder {
        void write(RecordConsumer out, Object value);
    }

    /** The value in the form the encoder takes, or {@code null} when it fits no value of the column's Parquet type. */
    @FunctionalInterface
    private interface Narrowing {
        Object apply(Object value);
    }

    private static final Narrowing AS_IS = v -> v;

    private final TableSchema table;
    private final Column column;
    private final int index;
    private final Type type;
    private final Narrowing narrowing;
    private final Encoder encoder;
    /** Values written as NULL because they fit no value of the column's type; see {@link #write}. */
    private long nulled;

    private String firstNulled;

    private ParquetColumn(TableSchema table, Column column, int index, PrimitiveType type, Encoder encoder) {
        this(table, column, index, type, AS_IS, encoder);
    }

    private ParquetColumn(
            TableSchema table, Column column, int index, PrimitiveType type, Narrowing narrowing, Encoder encoder) {
        this.table = table;
        this.column = column;
        this.index = index;
        this.type = type;
        this.narrowing = narrowing;
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
            case BOOLEAN ->
                new ParquetColumn(
                        table,
                        column,
                        index,
                        Types.optional(PrimitiveTypeName.BOOLEAN).named(name),
                        (out, v) -> out.addBoolean((Boolean) v));
            case INTEGER ->
                new ParquetColumn(
                        table,
                        column,
                        index,
                        Types.optional(PrimitiveTypeName.INT64)
                                .as(LogicalTypeAnnotation.intType(64, true))
                                .named(name),
                        (out, v) -> out.addLong(((Number) v).longValue()));
            case NUMBER -> number(table, column, index, options);
            case DATE ->
                new ParquetColumn(
                        table,
                        column,
                        index,
                        Types.optional(PrimitiveTypeName.INT32)
                                .as(LogicalTypeAnnotation.dateType())
                                .named(name),
                        (out, v) -> out.addInteger(Math.toIntExact(((LocalDate) v).toEpochDay())));
            case TIME ->
                new ParquetColumn(
                        table,
                        column,
                        index,
                        Types.optional(PrimitiveTypeName.INT64)
                                .as(LogicalTypeAnnotation.timeType(false, TimeUnit.MICROS))
                                .named(name),
                        (out, v) -> out.addLong(((LocalTime) v).toNanoOfDay() / 1000));
            case TIME_TZ ->
                new ParquetColumn(
                        table,
                        column,
                        index,
                        Types.optional(PrimitiveTypeName.INT64)
                                .as(LogicalTypeAnnotation.timeType(true, TimeUnit.MICROS))
                                .named(name),
                        (out, v) -> out.addLong(((OffsetTime) v)
                                        .withOffsetSameInstant(ZoneOffset.UTC)
                                        .toLocalTime()
                                        .toNanoOfDay()
                                / 1000));
            case TIMESTAMP ->
                new ParquetColumn(
                        table,
                        column,
                        index,
                        Types.optional(PrimitiveTypeName.INT64)
                                .as(LogicalTypeAnnotation.timestampType(false, TimeUnit.MICROS))
                                .named(name),
                        (out, v) -> {
                            LocalDateTime t = (LocalDateTime) v;
                            out.addLong(micros(t.toEpochSecond(ZoneOffset.UTC), t.getNano()));
                        });
            case TIMESTAMP_TZ ->
                new ParquetColumn(
                        table,
                        column,
                        index,
                        Types.optional(PrimitiveTypeName.INT64)
                                .as(LogicalTypeAnnotation.timestampType(true, TimeUnit.MICROS))
                                .named(name),
                        (out, v) -> {
                            OffsetDateTime t = (OffsetDateTime) v;
                            out.addLong(micros(t.toEpochSecond(), t.getNano()));
                        });
            case STRING -> text(table, column, index, LogicalTypeAnnotation.stringType());
            case JSON ->
                new ParquetColumn(
                        table,
                        column,
                        index,
                        Types.optional(PrimitiveTypeName.BINARY)
                                .as(LogicalTypeAnnotation.jsonType())
                                .named(name),
                        (out, v) -> out.addBinary(
                                v instanceof JsonNode node
                                        ? Binary.fromConstantByteArray(JsonColumnCodec.MAPPER.writeValueAsBytes(node))
                                        : v instanceof SourceRecord record
                                                ? Binary.fromConstantByteArray(
                                                        RAW_JSON.get().encode(record))
                                                : utf8(v.toString())));
        };
    }

    /** Each writing thread's encoder of raw records (the JSON column of a raw-only stream). */
    private static final ThreadLocal<RecordJson> RAW_JSON = ThreadLocal.withInitial(RecordJson::new);

    private static long micros(long epochSecond, int nanos) {
        return Math.addExact(Math.multiplyExact(epochSecond, 1_000_000L), nanos / 1000);
    }

    private static ParquetColumn text(TableSchema table, Column column, int index, LogicalTypeAnnotation annotation) {
        return new ParquetColumn(
                table,
                column,
                index,
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

    /**
     * NUMBER: {@code DECIMAL(p,s)} only where the source declares a precision Parquet readers accept
     * (1 to 38 digits; scale 0 when none is declared, as normalization rounds); otherwise as configured
     * by {@code number_without_precision}: DOUBLE (the default, as Airbyte's S3 Parquet output),
     * {@code DECIMAL(38,9)} or the exact text.
     */
    private static ParquetColumn number(TableSchema table, Column column, int index, ParquetOptions options) {
        Integer declared = column.precision();
        if (declared != null && declared > 0 && declared <= 38) {
            int scale = column.scale() == null ? 0 : column.scale();
            return decimal(table, column, index, declared, Math.max(0, Math.min(scale, declared)));
        }
        return switch (options.numbersWithoutPrecision()) {
            case DOUBLE ->
                new ParquetColumn(
                        table,
                        column,
                        index,
                        Types.optional(PrimitiveTypeName.DOUBLE).named(column.name()),
                        ParquetColumn::finiteDouble,
                        (out, v) -> out.addDouble((Double) v));
            case DECIMAL ->
                decimal(table, column, index, ParquetOptions.UNBOUNDED_PRECISION, ParquetOptions.UNBOUNDED_SCALE);
            case STRING ->
                new ParquetColumn(
                        table,
                        column,
                        index,
                        Types.optional(PrimitiveTypeName.BINARY)
                                .as(LogicalTypeAnnotation.stringType())
                                .named(column.name()),
                        v -> toDecimal(v).toPlainString(),
                        (out, v) -> out.addBinary(utf8((String) v)));
        };
    }

    /** The nearest double; {@code null} (the value fits no DOUBLE) beyond its range, where the double would be infinite. */
    private static Object finiteDouble(Object value) {
        double d = value instanceof BigDecimal decimal
                ? decimal.doubleValue()
                : value instanceof Double || value instanceof Float || value instanceof Long || value instanceof Integer
                        ? ((Number) value).doubleValue()
                        : toDecimal(value).doubleValue();
        return Double.isFinite(d) ? d : null;
    }

    private static ParquetColumn decimal(TableSchema table, Column column, int index, int precision, int scale) {
        LogicalTypeAnnotation annotation = LogicalTypeAnnotation.decimalType(scale, precision);
        Narrowing unscaled = v -> unscaled(v, precision, scale);
        if (precision <= 9) {
            return new ParquetColumn(
                    table,
                    column,
                    index,
                    Types.optional(PrimitiveTypeName.INT32).as(annotation).named(column.name()),
                    unscaled,
                    (out, v) -> out.addInteger(((BigInteger) v).intValueExact()));
        }
        if (precision <= 18) {
            return new ParquetColumn(
                    table,
                    column,
                    index,
                    Types.optional(PrimitiveTypeName.INT64).as(annotation).named(column.name()),
                    unscaled,
                    (out, v) -> out.addLong(((BigInteger) v).longValueExact()));
        }
        int length = bytesFor(precision);
        return new ParquetColumn(
                table,
                column,
                index,
                Types.optional(PrimitiveTypeName.FIXED_LEN_BYTE_ARRAY)
                        .length(length)
                        .as(annotation)
                        .named(column.name()),
                unscaled,
                (out, v) -> out.addBinary(Binary.fromConstantByteArray(fixed((BigInteger) v, length))));
    }

    /**
     * The unscaled value at {@code scale}, or {@code null} when the value has more digits than the
     * column holds: never rounded here (normalization rounds to the declared scale), never a failed sync.
     */
    private static BigInteger unscaled(Object value, int precision, int scale) {
        BigDecimal decimal = toDecimal(value);
        try {
            BigDecimal scaled = decimal.setScale(scale, RoundingMode.UNNECESSARY);
            return scaled.precision() > precision ? null : scaled.unscaledValue();
        } catch (ArithmeticException e) {
            return null;
        }
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

    /**
     * The value of this column in the form its encoder takes, or {@code null} when the column's type
     * cannot hold it (a number beyond a double's range or with more digits than its DECIMAL): such a
     * value is written as NULL rather than failing the sync, and counted; {@link TableRowWriteSupport}
     * records it in the row's {@code _airbyte_meta} and the writer logs the count when the file
     * closes. Normalization nulls such values first; this catches what only the file format can see.
     */
    Object narrow(Object value) {
        Object narrowed;
        try {
            narrowed = narrowing.apply(value);
        } catch (ClassCastException e) {
            throw unexpected(value, e);
        }
        if (narrowed == null && nulled++ == 0) {
            firstNulled = String.valueOf(value instanceof BigDecimal d ? d.toPlainString() : value);
        }
        return narrowed;
    }

    /** Adds a value {@link #narrow}ed for this column to the current record; NULL is an absent field. */
    void emit(RecordConsumer out, Object narrowed) {
        if (narrowed == null) {
            return;
        }
        out.startField(column.name(), index);
        try {
            encoder.write(out, narrowed);
        } catch (ClassCastException e) {
            throw unexpected(narrowed, e);
        }
        out.endField(column.name(), index);
    }

    private IllegalArgumentException unexpected(Object value, ClassCastException e) {
        return new IllegalArgumentException(
                "table " + table.qualifiedName() + ", column " + column.name() + " ("
                        + column.type() + "): unexpected value of Java type "
                        + value.getClass().getName()
                        + "; the normalizer must produce the type ColumnType." + column.type() + " names",
                e);
    }

    Column column() {
        return column;
    }

    /** Why {@link #narrow} gave NULL for {@code value}, for {@code _airbyte_meta}. */
    String nulledReason(Object value) {
        return "value " + (value instanceof BigDecimal d ? d.toPlainString() : value) + " does not fit Parquet "
                + describe(type);
    }

    /** How many values were written as NULL because they did not fit; see {@link #write}. */
    long nulled() {
        return nulled;
    }

    /** What {@link #nulled()} counts, for the log: column, Parquet type, count and the first such value. */
    String nulledSummary() {
        return "table " + table.qualifiedName() + ", column " + column.name() + ": " + nulled + " value(s) did not fit "
                + describe(type) + " and were written as NULL, e.g. " + firstNulled;
    }

    private static String describe(Type type) {
        PrimitiveType primitive = type.asPrimitiveType();
        LogicalTypeAnnotation annotation = primitive.getLogicalTypeAnnotation();
        return annotation == null ? primitive.getPrimitiveTypeName().name() : annotation.toString();
    }
}
