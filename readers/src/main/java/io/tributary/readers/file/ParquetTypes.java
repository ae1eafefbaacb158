package io.tributary.readers.file;

import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.DecimalLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.IntLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimeLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimeUnit;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimestampLogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * What a Parquet column's physical and logical type mean: the kind of value it holds
 * ({@link Kind}, used by {@link ParquetConverters}) and its JSON Schema, read from the file's
 * footer alone, without sampling rows. Lists and maps follow the Parquet format's rules for
 * nested types, including the older two-level lists some writers still produce.
 */
final class ParquetTypes {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** The value a primitive column holds. */
    enum Kind {
        BOOLEAN,
        INTEGER,
        UNSIGNED_INT32,
        UNSIGNED_INT64,
        DECIMAL,
        FLOAT,
        DOUBLE,
        STRING,
        UUID,
        BYTES,
        DATE,
        TIME,
        TIMESTAMP,
        INT96_TIMESTAMP
    }

    private ParquetTypes() {}

    static Kind kind(PrimitiveType type) {
        LogicalTypeAnnotation logical = type.getLogicalTypeAnnotation();
        if (logical instanceof DecimalLogicalTypeAnnotation) {
            return Kind.DECIMAL;
        }
        return switch (type.getPrimitiveTypeName()) {
            case BOOLEAN -> Kind.BOOLEAN;
            case INT32 ->
                logical instanceof LogicalTypeAnnotation.DateLogicalTypeAnnotation
                        ? Kind.DATE
                        : logical instanceof TimeLogicalTypeAnnotation
                                ? Kind.TIME
                                : logical instanceof IntLogicalTypeAnnotation i && !i.isSigned()
                                        ? Kind.UNSIGNED_INT32
                                        : Kind.INTEGER;
            case INT64 ->
                logical instanceof TimestampLogicalTypeAnnotation
                        ? Kind.TIMESTAMP
                        : logical instanceof TimeLogicalTypeAnnotation
                                ? Kind.TIME
                                : logical instanceof IntLogicalTypeAnnotation i && !i.isSigned()
                                        ? Kind.UNSIGNED_INT64
                                        : Kind.INTEGER;
            case INT96 -> Kind.INT96_TIMESTAMP;
            case FLOAT -> Kind.FLOAT;
            case DOUBLE -> Kind.DOUBLE;
            case BINARY, FIXED_LEN_BYTE_ARRAY ->
                logical instanceof LogicalTypeAnnotation.StringLogicalTypeAnnotation
                                || logical instanceof LogicalTypeAnnotation.EnumLogicalTypeAnnotation
                                || logical instanceof LogicalTypeAnnotation.JsonLogicalTypeAnnotation
                        ? Kind.STRING
                        : logical instanceof LogicalTypeAnnotation.UUIDLogicalTypeAnnotation ? Kind.UUID : Kind.BYTES;
        };
    }

    /** Whether times and timestamps of this column are instants (UTC-adjusted), written with an offset. */
    static boolean adjustedToUtc(PrimitiveType type) {
        LogicalTypeAnnotation logical = type.getLogicalTypeAnnotation();
        if (logical instanceof TimestampLogicalTypeAnnotation t) {
            return t.isAdjustedToUTC();
        }
        if (logical instanceof TimeLogicalTypeAnnotation t) {
            return t.isAdjustedToUTC();
        }
        return type.getPrimitiveTypeName() == PrimitiveType.PrimitiveTypeName.INT96; // Spark and Impala wrote instants
    }

    static TimeUnit unit(PrimitiveType type) {
        LogicalTypeAnnotation logical = type.getLogicalTypeAnnotation();
        if (logical instanceof TimestampLogicalTypeAnnotation t) {
            return t.getUnit();
        }
        if (logical instanceof TimeLogicalTypeAnnotation t) {
            return t.getUnit();
        }
        return TimeUnit.NANOS;
    }

    static int scale(PrimitiveType type) {
        return type.getLogicalTypeAnnotation() instanceof DecimalLogicalTypeAnnotation d ? d.getScale() : 0;
    }

    /** The stream schema of a file: one property per top-level column, in the file's order. */
    static ObjectNode streamSchema(MessageType message) {
        ObjectNode schema = NODES.objectNode();
        schema.put("$schema", "http://json-schema.org/draft-07/schema#");
        schema.put("type", "object");
        ObjectNode properties = schema.putObject("properties");
        for (Type field : message.getFields()) {
            properties.set(field.getName(), fieldSchema(field));
        }
        return schema;
    }

    /** A field's schema, always nullable: a column required in one file may be missing from the next. */
    static ObjectNode fieldSchema(Type field) {
        if (field.isRepetition(Type.Repetition.REPEATED)) {
            // A bare repeated field is a list of its values.
            return array(valueSchema(field));
        }
        return valueSchema(field);
    }

    private static ObjectNode valueSchema(Type field) {
        if (field.isPrimitive()) {
            return primitiveSchema(field.asPrimitiveType());
        }
        GroupType group = field.asGroupType();
        LogicalTypeAnnotation logical = group.getLogicalTypeAnnotation();
        if (logical instanceof LogicalTypeAnnotation.ListLogicalTypeAnnotation && group.getFieldCount() == 1) {
            return array(valueSchema(listElement(group)));
        }
        if (isMap(group)) {
            ObjectNode schema = typed("object");
            schema.set(
                    "additionalProperties",
                    fieldSchema(group.getType(0).asGroupType().getType(1)));
            return schema;
        }
        ObjectNode schema = typed("object");
        ObjectNode properties = schema.putObject("properties");
        for (Type child : group.getFields()) {
            properties.set(child.getName(), fieldSchema(child));
        }
        return schema;
    }

    /**
     * The element type of a LIST group. Three-level lists ({@code list (repeated group) -> element})
     * name the element; a repeated primitive, a repeated group of several fields, or one named
     * {@code array} or {@code <list>_tuple} is the element itself (the format's backward-compatibility rules).
     */
    static Type listElement(GroupType list) {
        Type repeated = list.getType(0);
        if (repeated.isPrimitive()) {
            return repeated;
        }
        GroupType group = repeated.asGroupType();
        if (group.getFieldCount() != 1
                || group.getName().equals("array")
                || group.getName().equals(list.getName() + "_tuple")) {
            return repeated;
        }
        return group.getType(0);
    }

    /** Whether the list's repeated field wraps the element (three levels) rather than being it. */
    static boolean wrapsElement(GroupType list) {
        return listElement(list) != list.getType(0);
    }

    /** A MAP (or legacy MAP_KEY_VALUE) group: one repeated key_value group holding a key and a value. */
    static boolean isMap(GroupType group) {
        LogicalTypeAnnotation logical = group.getLogicalTypeAnnotation();
        boolean annotated = logical instanceof LogicalTypeAnnotation.MapLogicalTypeAnnotation
                || logical instanceof LogicalTypeAnnotation.MapKeyValueTypeAnnotation;
        return annotated
                && group.getFieldCount() == 1
                && !group.getType(0).isPrimitive()
                && group.getType(0).asGroupType().getFieldCount() == 2;
    }

    private static ObjectNode primitiveSchema(PrimitiveType type) {
        boolean utc = adjustedToUtc(type);
        return switch (kind(type)) {
            case BOOLEAN -> typed("boolean");
            case INTEGER, UNSIGNED_INT32 -> typed("integer");
            // Beyond 2^63 - 1 the values are unbounded integers.
            case UNSIGNED_INT64 -> typed("integer").put("airbyte_type", "big_integer");
            case DECIMAL -> {
                DecimalLogicalTypeAnnotation decimal = (DecimalLogicalTypeAnnotation) type.getLogicalTypeAnnotation();
                yield typed("number").put("precision", decimal.getPrecision()).put("scale", decimal.getScale());
            }
            case FLOAT, DOUBLE -> typed("number");
            case STRING -> typed("string");
            case UUID -> typed("string").put("format", "uuid");
            case BYTES -> typed("string").put("contentEncoding", "base64");
            case DATE -> typed("string").put("format", "date");
            case TIME ->
                typed("string")
                        .put("format", "time")
                        .put("airbyte_type", utc ? "time_with_timezone" : "time_without_timezone");
            case TIMESTAMP, INT96_TIMESTAMP ->
                typed("string")
                        .put("format", "date-time")
                        .put("airbyte_type", utc ? "timestamp_with_timezone" : "timestamp_without_timezone");
        };
    }

    private static ObjectNode array(ObjectNode items) {
        ObjectNode schema = typed("array");
        schema.set("items", items);
        return schema;
    }

    private static ObjectNode typed(String type) {
        ObjectNode schema = NODES.objectNode();
        schema.putArray("type").add("null").add(type);
        return schema;
    }
}
