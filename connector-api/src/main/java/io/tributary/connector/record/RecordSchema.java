package io.tributary.connector.record;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The fields of a typed {@link SourceRecord}, in the order of its values: what a source's reader
 * plans once per stream (for example the selected columns of a table) so that a record is an array
 * of values by field index, not a map per row. Immutable; compared by identity in hot paths, so a
 * reader hands the same instance with every record of a stream.
 */
public final class RecordSchema {

    private final List<String> fields;
    private final Map<String, Integer> indexes;

    private RecordSchema(List<String> fields) {
        this.fields = List.copyOf(fields);
        this.indexes = new HashMap<>(fields.size() * 2);
        for (int i = 0; i < this.fields.size(); i++) {
            if (indexes.put(this.fields.get(i), i) != null) {
                throw new IllegalArgumentException("A record has two fields named '" + this.fields.get(i) + "'");
            }
        }
    }

    /** The fields, in value order. */
    public static RecordSchema of(List<String> fields) {
        return new RecordSchema(fields);
    }

    /** The top-level properties of a stream's JSON Schema, in the schema's order. */
    public static RecordSchema ofJsonSchema(JsonNode jsonSchema) {
        JsonNode properties = jsonSchema.path("properties");
        return new RecordSchema(properties.isObject() ? List.copyOf(properties.propertyNames()) : List.of());
    }

    public List<String> fields() {
        return fields;
    }

    public int size() {
        return fields.size();
    }

    public String field(int index) {
        return fields.get(index);
    }

    /** The index of a field, or -1 when the record has no such field. */
    public int indexOf(String field) {
        @Nullable Integer index = indexes.get(field);
        return index == null ? -1 : index;
    }

    @Override
    public String toString() {
        return "RecordSchema" + fields;
    }
}
