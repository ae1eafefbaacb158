package io.tributary.readers.file;

import io.tributary.connector.record.RecordValues;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.UUID;
import java.util.function.Consumer;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.Converter;
import org.apache.parquet.io.api.GroupConverter;
import org.apache.parquet.io.api.PrimitiveConverter;
import org.apache.parquet.io.api.RecordMaterializer;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimeUnit;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.NullNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns Parquet's column values into record values as parquet-java assembles each row: top-level
 * columns become typed values ({@code Long}, {@code BigDecimal}, {@code OffsetDateTime}...), nested
 * ones (structs, lists, maps) JSON trees whose scalars have the same JSON form. No intermediate
 * row object is built, and no value goes through text.
 */
final class ParquetConverters {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Julian day number of 1970-01-01: INT96 timestamps count days from the Julian epoch. */
    private static final long JULIAN_EPOCH_DAY = 2_440_588;

    private ParquetConverters() {}

    /** Materializes each row as its top-level values, by column index. */
    static final class Rows extends RecordMaterializer<Object[]> {
        private final Fields root;
        private Object[] current;

        Rows(MessageType schema) {
            this.root = new Fields(schema, values -> current = values.clone());
        }

        @Override
        public Object[] getCurrentRecord() {
            return current;
        }

        @Override
        public GroupConverter getRootConverter() {
            return root;
        }
    }

    /** The converter of one field, handing each value it completes to {@code sink}. */
    static Converter of(Type field, Consumer<Object> sink) {
        if (field.isPrimitive()) {
            return new Value(field.asPrimitiveType(), sink);
        }
        GroupType group = field.asGroupType();
        if (group.getLogicalTypeAnnotation() instanceof LogicalTypeAnnotation.ListLogicalTypeAnnotation
                && group.getFieldCount() == 1) {
            return new ListOf(group, sink);
        }
        if (ParquetTypes.isMap(group)) {
            return new MapOf(group, sink);
        }
        return new Fields(group, values -> sink.accept(struct(group, values)));
    }

    /** The fields of a group (a row or a struct); a repeated field collects its values into an array. */
    private static final class Fields extends GroupConverter {
        private final Converter[] converters;
        private final boolean[] repeated;
        private final Object[] values;
        private final Consumer<Object[]> done;

        Fields(GroupType type, Consumer<Object[]> done) {
            int n = type.getFieldCount();
            this.converters = new Converter[n];
            this.repeated = new boolean[n];
            this.values = new Object[n];
            this.done = done;
            for (int i = 0; i < n; i++) {
                int index = i;
                Type field = type.getType(i);
                repeated[i] = field.isRepetition(Type.Repetition.REPEATED);
                converters[i] = of(
                        field,
                        repeated[i]
                                ? value -> ((ArrayNode) values[index]).add(RecordValues.toNode(value))
                                : value -> values[index] = value);
            }
        }

        @Override
        public Converter getConverter(int fieldIndex) {
            return converters[fieldIndex];
        }

        @Override
        public void start() {
            Arrays.fill(values, null);
            for (int i = 0; i < values.length; i++) {
                if (repeated[i]) {
                    values[i] = NODES.arrayNode();
                }
            }
        }

        @Override
        public void end() {
            done.accept(values);
        }
    }

    /** A LIST group: its elements, in order, as a JSON array (a null element stays null). */
    private static final class ListOf extends GroupConverter {
        private final Converter repeated;
        private final Consumer<Object> sink;
        private ArrayNode elements;
        private boolean elementSeen;

        ListOf(GroupType list, Consumer<Object> sink) {
            this.sink = sink;
            Consumer<Object> add = value -> {
                elements.add(RecordValues.toNode(value));
                elementSeen = true;
            };
            if (ParquetTypes.wrapsElement(list)) {
                Converter element = of(ParquetTypes.listElement(list), add);
                this.repeated = new GroupConverter() {
                    @Override
                    public Converter getConverter(int fieldIndex) {
                        return element;
                    }

                    @Override
                    public void start() {
                        elementSeen = false;
                    }

                    @Override
                    public void end() {
                        if (!elementSeen) {
                            elements.add(NullNode.getInstance());
                        }
                    }
                };
            } else {
                Type element = list.getType(0);
                this.repeated = element.isPrimitive()
                        ? new Value(element.asPrimitiveType(), add)
                        : new Fields(
                                element.asGroupType(), values -> add.accept(struct(element.asGroupType(), values)));
            }
        }

        @Override
        public Converter getConverter(int fieldIndex) {
            return repeated;
        }

        @Override
        public void start() {
            elements = NODES.arrayNode();
        }

        @Override
        public void end() {
            sink.accept(elements);
        }
    }

    /** A struct's field values as a JSON object (a missing field as null, so every object has the same shape). */
    private static ObjectNode struct(GroupType type, Object[] values) {
        ObjectNode object = NODES.objectNode();
        for (int i = 0; i < values.length; i++) {
            object.set(type.getFieldName(i), RecordValues.toNode(values[i]));
        }
        return object;
    }

    /** A MAP group: a JSON object whose property names are the keys' text. */
    private static final class MapOf extends GroupConverter {
        private final GroupConverter entry;
        private final Consumer<Object> sink;
        private ObjectNode map;
        private Object key;
        private Object value;

        MapOf(GroupType group, Consumer<Object> sink) {
            this.sink = sink;
            GroupType keyValue = group.getType(0).asGroupType();
            Converter keys = of(keyValue.getType(0), k -> key = k);
            Converter values = of(keyValue.getType(1), v -> value = v);
            this.entry = new GroupConverter() {
                @Override
                public Converter getConverter(int fieldIndex) {
                    return fieldIndex == 0 ? keys : values;
                }

                @Override
                public void start() {
                    key = null;
                    value = null;
                }

                @Override
                public void end() {
                    map.set(RecordValues.text(key), RecordValues.toNode(value));
                }
            };
        }

        @Override
        public Converter getConverter(int fieldIndex) {
            return entry;
        }

        @Override
        public void start() {
            map = NODES.objectNode();
        }

        @Override
        public void end() {
            sink.accept(map);
        }
    }

    /** A primitive column's values, converted as its logical type says. */
    private static final class Value extends PrimitiveConverter {
        private final ParquetTypes.Kind kind;
        private final Consumer<Object> sink;
        private final int scale;
        private final boolean utc;
        private final TimeUnit unit;

        Value(PrimitiveType type, Consumer<Object> sink) {
            this.kind = ParquetTypes.kind(type);
            this.sink = sink;
            this.scale = ParquetTypes.scale(type);
            this.utc = ParquetTypes.adjustedToUtc(type);
            this.unit = ParquetTypes.unit(type);
        }

        @Override
        public void addBoolean(boolean value) {
            sink.accept(value);
        }

        @Override
        public void addInt(int value) {
            sink.accept(
                    switch (kind) {
                        case DATE -> LocalDate.ofEpochDay(value);
                        case DECIMAL -> BigDecimal.valueOf(value, scale);
                        case TIME -> time(value * 1_000_000L); // INT32 times are milliseconds
                        case UNSIGNED_INT32 -> Integer.toUnsignedLong(value);
                        default -> (long) value;
                    });
        }

        @Override
        public void addLong(long value) {
            sink.accept(
                    switch (kind) {
                        case DECIMAL -> BigDecimal.valueOf(value, scale);
                        case TIMESTAMP -> timestamp(value);
                        case TIME -> time(unit == TimeUnit.NANOS ? value : value * 1_000L);
                        case UNSIGNED_INT64 ->
                            value >= 0 ? (Object) value : new BigInteger(Long.toUnsignedString(value));
                        default -> value;
                    });
        }

        @Override
        public void addFloat(float value) {
            // Through the float's own shortest text: 0.1f is 0.1, not 0.10000000149011612.
            sink.accept(Float.isFinite(value) ? (Object) Double.valueOf(Float.toString(value)) : Float.toString(value));
        }

        @Override
        public void addDouble(double value) {
            // NaN and the infinities have no JSON number: kept as text, which normalization records.
            sink.accept(Double.isFinite(value) ? (Object) value : Double.toString(value));
        }

        @Override
        public void addBinary(Binary value) {
            sink.accept(
                    switch (kind) {
                        case STRING -> value.toStringUsingUTF8();
                        case DECIMAL -> new BigDecimal(new BigInteger(value.getBytes()), scale);
                        case UUID -> uuid(value.toByteBuffer());
                        case INT96_TIMESTAMP -> int96(value.toByteBuffer().order(ByteOrder.LITTLE_ENDIAN));
                        default -> value.getBytes();
                    });
        }

        private Object time(long nanosOfDay) {
            LocalTime time = LocalTime.ofNanoOfDay(nanosOfDay);
            return utc ? time.atOffset(ZoneOffset.UTC) : time;
        }

        private Object timestamp(long value) {
            long perSecond = switch (unit) {
                case MILLIS -> 1_000L;
                case MICROS -> 1_000_000L;
                case NANOS -> 1_000_000_000L;
            };
            long seconds = Math.floorDiv(value, perSecond);
            int nanos = (int) (Math.floorMod(value, perSecond) * (1_000_000_000L / perSecond));
            return utc
                    ? OffsetDateTime.ofInstant(Instant.ofEpochSecond(seconds, nanos), ZoneOffset.UTC)
                    : LocalDateTime.ofEpochSecond(seconds, nanos, ZoneOffset.UTC);
        }

        private static String uuid(ByteBuffer bytes) {
            return new UUID(bytes.getLong(), bytes.getLong()).toString();
        }

        /** Eight bytes of nanoseconds in the day, then four of the Julian day, both little-endian. */
        private static OffsetDateTime int96(ByteBuffer bytes) {
            long nanosOfDay = bytes.getLong();
            long julianDay = Integer.toUnsignedLong(bytes.getInt());
            return LocalDate.ofEpochDay(julianDay - JULIAN_EPOCH_DAY)
                    .atStartOfDay()
                    .plusNanos(nanosOfDay)
                    .atOffset(ZoneOffset.UTC);
        }
    }
}
