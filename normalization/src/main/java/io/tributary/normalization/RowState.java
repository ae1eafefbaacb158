package io.tributary.normalization;

import io.tributary.normalization.convert.ValueIssues;
import io.tributary.normalization.hashid.HashIdBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The row being filled, one per thread and reused for every row: its values, the arrays that become
 * child rows once its hashid is known, its hashid inputs, and the changes its {@code _airbyte_meta}
 * records. Changes name the field by its dotted path within the row's table.
 */
final class RowState implements ValueIssues {

    /** Airbyte's reason for a value its destination column cannot hold. */
    static final String TYPECAST_ERROR = "DESTINATION_TYPECAST_ERROR";
    /** Airbyte's reason for a value cut to fit its column. */
    static final String SIZE_LIMITATION = "DESTINATION_FIELD_SIZE_LIMITATION";

    final HashIdBuilder hash = new HashIdBuilder();
    Object[] values;
    JsonNode[] arrays;
    /** The field being converted, for {@link #nulled} and {@link #truncated}. */
    String field;

    private ArrayNode changes;

    void begin(Object[] rowValues, JsonNode[] rowArrays) {
        values = rowValues;
        arrays = rowArrays;
        field = null;
        changes = null;
        hash.start();
    }

    @Override
    public void nulled(String message) {
        record(field, "NULLED", TYPECAST_ERROR, message);
    }

    @Override
    public void truncated(String message) {
        record(field, "TRUNCATED", SIZE_LIMITATION, message);
    }

    /** A value of {@code at} that cannot land in any column (a string where an object was expected). */
    void rejected(String at, String message) {
        record(at, "NULLED", TYPECAST_ERROR, message);
    }

    /** The row's {@code _airbyte_meta}. */
    String meta() {
        if (changes == null) {
            return MetadataColumns.NO_CHANGES;
        }
        ObjectNode meta = JsonNodeFactory.instance.objectNode();
        meta.set("changes", changes);
        return meta.toString();
    }

    private void record(String at, String change, String reason, String message) {
        if (changes == null) {
            changes = JsonNodeFactory.instance.arrayNode();
        }
        changes.addObject()
                .put("field", at)
                .put("change", change)
                .put("reason", reason)
                .put("message", message);
    }
}
