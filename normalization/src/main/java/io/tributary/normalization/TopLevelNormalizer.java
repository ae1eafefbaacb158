package io.tributary.normalization;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.tributary.connector.catalog.ConfiguredStream;
import io.tributary.connector.record.SourceRecord;
import io.tributary.connector.schema.Column;
import io.tributary.connector.schema.ColumnType;
import io.tributary.connector.schema.NormalizedRecord;
import io.tributary.connector.schema.StreamTables;
import io.tributary.connector.schema.TableRow;
import io.tributary.connector.schema.TableSchema;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Interim normalizer: top-level fields become columns, nested values stay JSON. Replaced by the
 * flattening normalizer.
 */
final class TopLevelNormalizer implements StreamNormalizer {

    private final StreamTables tables;
    private final List<String> fields;

    private TopLevelNormalizer(StreamTables tables, List<String> fields) {
        this.tables = tables;
        this.fields = fields;
    }

    static TopLevelNormalizer plan(ConfiguredStream stream, NormalizationOptions options) {
        List<Column> columns = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        JsonNode properties = stream.stream().jsonSchema().path("properties");
        for (Map.Entry<String, JsonNode> p : properties.properties()) {
            fields.add(p.getKey());
            columns.add(new Column(options.naming().identifier(p.getKey()), List.of(p.getKey()), typeOf(p.getValue()), null, null));
        }
        columns.add(Column.metadata("_airbyte_ab_id", ColumnType.STRING));
        columns.add(Column.metadata("_airbyte_emitted_at", ColumnType.INTEGER));
        TableSchema root = new TableSchema(options.naming().identifier(stream.destinationName()),
                stream.destinationNamespace(), columns, stream.primaryKeyColumns(), null);
        return new TopLevelNormalizer(new StreamTables(List.of(root)), fields);
    }

    private static ColumnType typeOf(JsonNode schema) {
        JsonNode type = schema.path("type");
        String t = type.isArray() ? firstNonNull(type) : type.asString("string");
        return switch (t) {
            case "integer" -> ColumnType.INTEGER;
            case "number" -> ColumnType.NUMBER;
            case "boolean" -> ColumnType.BOOLEAN;
            case "object", "array" -> ColumnType.JSON;
            default -> ColumnType.STRING;
        };
    }

    private static String firstNonNull(JsonNode types) {
        for (JsonNode t : types) {
            if (!"null".equals(t.asString())) {
                return t.asString();
            }
        }
        return "string";
    }

    @Override
    public StreamTables tables() {
        return tables;
    }

    @Override
    public NormalizedRecord process(SourceRecord record) {
        TableSchema root = tables.root();
        Object[] values = new Object[root.columns().size()];
        ObjectNode data = record.data();
        String abId = UUID.randomUUID().toString();
        for (int i = 0; i < fields.size(); i++) {
            JsonNode v = data.get(fields.get(i));
            values[i] = v == null || v.isNull() ? null : convert(root.columns().get(i).type(), v);
        }
        values[fields.size()] = abId;
        values[fields.size() + 1] = record.emittedAt();
        return new NormalizedRecord(record, abId, List.of(new TableRow(root, values)));
    }

    private static Object convert(ColumnType type, JsonNode v) {
        return switch (type) {
            case INTEGER -> v.canConvertToLong() ? v.asLong() : null;
            case NUMBER -> v.isNumber() ? v.decimalValue() : parseDecimal(v.asString());
            case BOOLEAN -> v.isBoolean() ? v.asBoolean() : null;
            case JSON -> v.toString();
            default -> v.isString() ? v.asString() : v.toString();
        };
    }

    private static BigDecimal parseDecimal(String s) {
        try {
            return new BigDecimal(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
