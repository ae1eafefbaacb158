package io.tributary.readers.postgres;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A column's type, resolved through domains (to their base type) and arrays (to their element type).
 *
 * @param sqlName the type as SQL spells it ({@code format_type}), used to cast saved positions back
 * @param baseName {@code pg_type.typname} of the resolved base type, e.g. {@code int4}
 * @param precision for numeric, the declared precision, or {@code null}
 * @param scale for numeric, the declared scale, or {@code null}
 * @param enumLabels for enums, the labels in sort order
 * @param element for arrays, the element type
 * @param dimensions for arrays, the declared number of dimensions (at least 1)
 */
record PostgresType(
        String sqlName,
        String baseName,
        PostgresTypeKind kind,
        Integer precision,
        Integer scale,
        List<String> enumLabels,
        PostgresType element,
        int dimensions) {

    PostgresType {
        enumLabels = enumLabels == null ? List.of() : List.copyOf(enumLabels);
    }

    /** The JSON Schema of values of this type, following the record conventions. */
    ObjectNode jsonSchema(boolean nullable) {
        ObjectNode schema = JsonNodeFactory.instance.objectNode();
        if (nullable) {
            schema.putArray("type").add("null").add(kind.jsonType());
        } else {
            schema.put("type", kind.jsonType());
        }
        switch (kind) {
            case NUMERIC -> {
                if (precision != null) {
                    schema.put("precision", precision);
                    schema.put("scale", scale);
                }
            }
            case MONEY -> schema.put("precision", 19).put("scale", 2); // a 64-bit count of cents
            case DATE -> schema.put("format", "date");
            case TIME -> schema.put("format", "time").put("airbyte_type", "time_without_timezone");
            case TIMETZ -> schema.put("format", "time").put("airbyte_type", "time_with_timezone");
            case TIMESTAMP -> schema.put("format", "date-time").put("airbyte_type", "timestamp_without_timezone");
            case TIMESTAMPTZ -> schema.put("format", "date-time").put("airbyte_type", "timestamp_with_timezone");
            case UUID -> schema.put("format", "uuid");
            case BYTEA -> schema.put("contentEncoding", "base64");
            case ENUM -> {
                ArrayNode values = schema.putArray("enum");
                enumLabels.forEach(values::add);
                if (nullable) {
                    values.addNull();
                }
            }
            case ARRAY -> {
                ObjectNode items = element.jsonSchema(true);
                for (int d = 1; d < dimensions; d++) {
                    ObjectNode outer = JsonNodeFactory.instance.objectNode();
                    outer.putArray("type").add("null").add("array");
                    outer.set("items", items);
                    items = outer;
                }
                schema.set("items", items);
            }
            default -> {
                // the type alone says it all
            }
        }
        return schema;
    }

    /** How the column is selected: money through numeric, everything else as it is. */
    String selectExpression(String quotedColumn) {
        return kind == PostgresTypeKind.MONEY ? quotedColumn + "::numeric" : quotedColumn;
    }

    /** Converts the text form of a non-null value; jsonb objects stay text until something looks inside ({@link JsonbObjectNode}). */
    Function<String, JsonNode> textConverter() {
        if (kind == PostgresTypeKind.ARRAY) {
            Function<String, JsonNode> elements = element.textConverter();
            return s -> PostgresArrayLiteral.parse(s, elements);
        }
        if (kind == PostgresTypeKind.JSON && baseName.equals("jsonb")) {
            return JsonbObjectNode::of;
        }
        return kind::fromText;
    }

    /**
     * Reads the column at {@code index} of the current row as a typed record value
     * ({@link io.tributary.connector.record.RecordValues}). Planned once per column; the common types
     * use pgjdbc's typed getters, which parse the wire bytes without an intermediate String, and
     * dates and times are scanned straight from PostgreSQL's text into java.time values.
     */
    ColumnReader reader() {
        return switch (kind) {
            case INTEGER ->
                (rs, i) -> {
                    long v = rs.getLong(i);
                    return rs.wasNull() ? null : v;
                };
            case BOOLEAN ->
                (rs, i) -> {
                    boolean v = rs.getBoolean(i);
                    return rs.wasNull() ? null : v;
                };
            case TEXT, ENUM, UUID, TIME, INTERVAL, OTHER -> ResultSet::getString;
            case BYTEA -> ResultSet::getBytes;
            // jsonb as the UTF-8 bytes the driver received (its text form): no decoding into a String
            case JSON ->
                baseName.equals("jsonb")
                        ? (rs, i) -> {
                            byte[] b = rs.getBytes(i);
                            return b == null ? null : JsonbObjectNode.of(b);
                        }
                        : textReader();
            case ARRAY -> {
                Function<String, JsonNode> elements = element.textConverter();
                yield (rs, i) -> {
                    String s = rs.getString(i);
                    return s == null ? null : PostgresArrayLiteral.parse(s, elements);
                };
            }
            default ->
                (rs, i) -> {
                    String s = rs.getString(i);
                    return s == null ? null : kind.typedFromText(s);
                };
        };
    }

    private ColumnReader textReader() {
        Function<String, JsonNode> convert = textConverter();
        return (rs, i) -> {
            String s = rs.getString(i);
            return s == null ? null : convert.apply(s);
        };
    }

    /** Reads one column of the current row as a typed record value, {@code null} for SQL NULL. */
    @FunctionalInterface
    interface ColumnReader {
        Object read(ResultSet rs, int index) throws SQLException;
    }
}
