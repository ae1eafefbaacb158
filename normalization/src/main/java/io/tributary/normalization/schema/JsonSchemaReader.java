package io.tributary.normalization.schema;

import io.tributary.connector.schema.ColumnType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Reads a stream's JSON Schema (Airbyte's conventions) into {@link FieldSchema}s, once per stream.
 *
 * <ul>
 *   <li>{@code type} may be a name or a list of names; {@code anyOf}/{@code oneOf} list alternatives.
 *       {@code null} among them only makes the field nullable.</li>
 *   <li>Alternatives merge: {@code integer} and {@code number} give {@code number}; objects merge their
 *       properties; arrays merge their items; other mixes of scalars give a string column (each value
 *       written as its text); a mix of containers with anything else, a schema without a type, a tuple
 *       ({@code items} as a list) or {@code allOf} keep the value whole as JSON.</li>
 *   <li>{@code number} takes the non-standard {@code precision}/{@code scale} hints (precision 1 to
 *       1000, scale defaulting to 0 as in SQL); {@code airbyte_type} {@code integer} makes a number
 *       an integer, {@code big_integer} makes an integer an unbounded number.</li>
 *   <li>Strings: {@code format} {@code date}, {@code date-time} (with time zone unless
 *       {@code airbyte_type} is {@code timestamp_without_timezone}) and {@code time} (without time
 *       zone unless {@code airbyte_type} is {@code time_with_timezone}); anything else, including
 *       base64 binary, stays a string.</li>
 * </ul>
 */
public final class JsonSchemaReader {

    private static final int MAX_PRECISION = 1000;

    private final String stream;

    private JsonSchemaReader(String stream) {
        this.stream = stream;
    }

    /**
     * Reads the schema of a stream's records, which must describe an object.
     *
     * @throws InvalidStreamSchemaException naming the stream and field when the schema is invalid
     */
    public static FieldSchema.ObjectOf readRecordSchema(JsonNode schema, String stream) {
        FieldSchema root = new JsonSchemaReader(stream).readOrNull(schema, List.of());
        if (root instanceof FieldSchema.ObjectOf object) {
            return object;
        }
        throw new InvalidStreamSchemaException("Stream " + stream + ": the JSON schema of its records must be of type"
                + " \"object\" with \"properties\", not " + schema + "; fix the source's discovered schema");
    }

    /** The schema of a field, a string column when it only allows null. */
    private FieldSchema read(JsonNode schema, List<String> path) {
        FieldSchema read = readOrNull(schema, path);
        return read == null ? FieldSchema.Scalar.of(ColumnType.STRING) : read;
    }

    /** The schema of a field, or {@code null} when it only allows null. */
    private FieldSchema readOrNull(JsonNode schema, List<String> path) {
        if (schema.isBoolean()) {
            return FieldSchema.ANY_JSON;
        }
        if (!schema.isObject()) {
            throw invalid(path, "a schema must be a JSON object, found " + schema);
        }
        List<FieldSchema> alternatives = new ArrayList<>();
        JsonNode union = schema.has("anyOf") ? schema.get("anyOf") : schema.get("oneOf");
        if (union != null) {
            if (!union.isArray() || union.isEmpty()) {
                throw invalid(path, "anyOf/oneOf must be a non-empty list of schemas, found " + union);
            }
            for (JsonNode alternative : union) {
                FieldSchema read = readOrNull(alternative, path);
                if (read != null) {
                    alternatives.add(read);
                }
            }
            return merge(alternatives);
        }
        JsonNode type = schema.get("type");
        if (type == null) {
            if (schema.has("allOf")) {
                return FieldSchema.ANY_JSON;
            }
            if (schema.has("properties")) {
                return readTyped("object", schema, path);
            }
            if (schema.has("items")) {
                return readTyped("array", schema, path);
            }
            return FieldSchema.ANY_JSON;
        }
        if (type.isString()) {
            return readTyped(type.asString(), schema, path);
        }
        if (type.isArray()) {
            for (JsonNode name : type) {
                if (!name.isString()) {
                    throw invalid(path, "\"type\" lists type names, found " + name);
                }
                FieldSchema read = readTyped(name.asString(), schema, path);
                if (read != null) {
                    alternatives.add(read);
                }
            }
            return merge(alternatives);
        }
        throw invalid(path, "\"type\" must be a type name or a list of them, found " + type);
    }

    /** One alternative of a schema with a given type name; {@code null} for the type {@code null}. */
    private FieldSchema readTyped(String type, JsonNode schema, List<String> path) {
        String airbyteType = schema.path("airbyte_type").asString("");
        switch (type) {
            case "null":
                return null;
            case "boolean":
                return FieldSchema.Scalar.of(ColumnType.BOOLEAN);
            case "integer":
                return "big_integer".equals(airbyteType)
                        ? FieldSchema.Scalar.of(ColumnType.NUMBER)
                        : FieldSchema.Scalar.of(ColumnType.INTEGER);
            case "number":
                if ("integer".equals(airbyteType)) {
                    return FieldSchema.Scalar.of(ColumnType.INTEGER);
                }
                return number(schema, path);
            case "string":
                return FieldSchema.Scalar.of(stringType(schema.path("format").asString(""), airbyteType));
            case "object":
                return object(schema, path);
            case "array":
                return array(schema, path);
            default:
                throw invalid(
                        path,
                        "unknown type \"" + type + "\"; use one of null, boolean, integer, number,"
                                + " string, object, array");
        }
    }

    private static ColumnType stringType(String format, String airbyteType) {
        if ("date".equals(format) || "date".equals(airbyteType)) {
            return ColumnType.DATE;
        }
        if ("date-time".equals(format) || airbyteType.startsWith("timestamp_")) {
            return "timestamp_without_timezone".equals(airbyteType) ? ColumnType.TIMESTAMP : ColumnType.TIMESTAMP_TZ;
        }
        if ("time".equals(format) || airbyteType.startsWith("time_")) {
            return "time_with_timezone".equals(airbyteType) ? ColumnType.TIME_TZ : ColumnType.TIME;
        }
        return ColumnType.STRING;
    }

    private FieldSchema number(JsonNode schema, List<String> path) {
        JsonNode precision = schema.get("precision");
        JsonNode scale = schema.get("scale");
        if (precision == null && scale == null) {
            return FieldSchema.Scalar.of(ColumnType.NUMBER);
        }
        if (precision == null) {
            throw invalid(
                    path, "\"scale\" needs a \"precision\" (the total number of digits); add one or remove the scale");
        }
        if (!precision.isIntegralNumber() || precision.asInt() < 1 || precision.asInt() > MAX_PRECISION) {
            throw invalid(
                    path, "\"precision\" must be a whole number from 1 to " + MAX_PRECISION + ", found " + precision);
        }
        int s = 0;
        if (scale != null) {
            if (!scale.isIntegralNumber() || Math.abs(scale.asInt()) > MAX_PRECISION) {
                throw invalid(
                        path,
                        "\"scale\" must be a whole number from -" + MAX_PRECISION + " to " + MAX_PRECISION + ", found "
                                + scale);
            }
            s = scale.asInt();
        }
        return new FieldSchema.Scalar(ColumnType.NUMBER, precision.asInt(), s);
    }

    private FieldSchema object(JsonNode schema, List<String> path) {
        JsonNode properties = schema.get("properties");
        Map<String, FieldSchema> fields = new LinkedHashMap<>();
        if (properties != null && !properties.isNull()) {
            if (!properties.isObject()) {
                throw invalid(path, "\"properties\" must be an object of field schemas, found " + properties);
            }
            for (Map.Entry<String, JsonNode> property : properties.properties()) {
                List<String> fieldPath = append(path, property.getKey());
                fields.put(property.getKey(), read(property.getValue(), fieldPath));
            }
        }
        return new FieldSchema.ObjectOf(fields);
    }

    private FieldSchema array(JsonNode schema, List<String> path) {
        JsonNode items = schema.get("items");
        if (items == null || items.isArray()) {
            return new FieldSchema.ArrayOf(FieldSchema.ANY_JSON);
        }
        List<String> itemPath = path.isEmpty()
                ? List.of("[]")
                : append(path.subList(0, path.size() - 1), path.get(path.size() - 1) + "[]");
        FieldSchema read = readOrNull(items, itemPath);
        return new FieldSchema.ArrayOf(read == null ? FieldSchema.ANY_JSON : read);
    }

    /** Merges the non-null alternatives of a union; {@code null} when there are none. */
    private static FieldSchema merge(List<FieldSchema> alternatives) {
        if (alternatives.isEmpty()) {
            return null;
        }
        FieldSchema merged = alternatives.get(0);
        for (int i = 1; i < alternatives.size(); i++) {
            merged = merge(merged, alternatives.get(i));
        }
        return merged;
    }

    private static FieldSchema merge(FieldSchema a, FieldSchema b) {
        if (a.equals(b)) {
            return a;
        }
        if (a instanceof FieldSchema.ObjectOf x && b instanceof FieldSchema.ObjectOf y) {
            Map<String, FieldSchema> properties = new LinkedHashMap<>(x.properties());
            y.properties().forEach((name, schema) -> properties.merge(name, schema, JsonSchemaReader::merge));
            return new FieldSchema.ObjectOf(properties);
        }
        if (a instanceof FieldSchema.ArrayOf x && b instanceof FieldSchema.ArrayOf y) {
            return new FieldSchema.ArrayOf(merge(x.items(), y.items()));
        }
        if (a instanceof FieldSchema.Scalar x && b instanceof FieldSchema.Scalar y) {
            if (isNumeric(x.type()) && isNumeric(y.type())) {
                // Hints of one alternative do not bound the other's values.
                return FieldSchema.Scalar.of(ColumnType.NUMBER);
            }
            return FieldSchema.Scalar.of(ColumnType.STRING);
        }
        return FieldSchema.ANY_JSON;
    }

    private static boolean isNumeric(ColumnType type) {
        return type == ColumnType.INTEGER || type == ColumnType.NUMBER;
    }

    private static List<String> append(List<String> path, String name) {
        List<String> longer = new ArrayList<>(path.size() + 1);
        longer.addAll(path);
        longer.add(name);
        return longer;
    }

    private InvalidStreamSchemaException invalid(List<String> path, String problem) {
        String field = path.isEmpty() ? "the record schema" : "field " + String.join(".", path);
        return new InvalidStreamSchemaException("Stream " + stream + ", " + field + ": " + problem
                + " (fix the stream's JSON schema in the source's catalog)");
    }
}
