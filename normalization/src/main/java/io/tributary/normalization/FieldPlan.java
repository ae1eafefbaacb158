package io.tributary.normalization;

import io.tributary.connector.record.RecordValues;
import io.tributary.normalization.convert.ColumnConverters;
import io.tributary.normalization.convert.ValueConverter;
import tools.jackson.databind.JsonNode;

/**
 * What becomes of one property of a row's object, decided once per stream: a column, an object whose
 * properties flatten into prefixed columns, or an array of objects whose items become rows of a child
 * table. Each adds its hashid inputs in schema order: one per column, one per child-table array.
 */
abstract sealed class FieldPlan permits FieldPlan.ColumnField, FieldPlan.FlattenedObject, FieldPlan.ChildTableField {

    /** The property name in the record. */
    final String property;
    /** The dotted path within the row's table, as {@code _airbyte_meta} names the field. */
    final String label;

    FieldPlan(String property, String label) {
        this.property = property;
        this.label = label;
    }

    /** How many hashid inputs this field adds. */
    abstract int hashInputs();

    /**
     * Fills the row from the property's value ({@link io.tributary.connector.record.RecordValues}: typed,
     * or a JSON node), {@code null} when absent.
     */
    abstract void apply(Object value, RowState row);

    static boolean isAbsent(Object value) {
        return value == null || value instanceof JsonNode node && (node.isNull() || node.isMissingNode());
    }

    /** What kind of value a non-object is, for messages. */
    static String kindOf(Object value) {
        return ColumnConverters.kindOf(value instanceof JsonNode node ? node : RecordValues.toNode(value));
    }

    /** A value landing in one typed column. */
    static final class ColumnField extends FieldPlan {
        private final int index;
        private final ValueConverter converter;

        ColumnField(String property, String label, int index, ValueConverter converter) {
            super(property, label);
            this.index = index;
            this.converter = converter;
        }

        @Override
        int hashInputs() {
            return 1;
        }

        @Override
        void apply(Object value, RowState row) {
            if (isAbsent(value)) {
                row.hash.addNull();
                return;
            }
            row.hash.addValue(value);
            row.field = label;
            row.values[index] = converter.convert(value, row);
        }
    }

    /** An object flattened into its parent's row. */
    static final class FlattenedObject extends FieldPlan {
        private final FieldPlan[] fields;
        private final int hashInputs;

        FlattenedObject(String property, String label, FieldPlan[] fields) {
            super(property, label);
            this.fields = fields;
            int inputs = 0;
            for (FieldPlan field : fields) {
                inputs += field.hashInputs();
            }
            this.hashInputs = inputs;
        }

        @Override
        int hashInputs() {
            return hashInputs;
        }

        @Override
        void apply(Object value, RowState row) {
            if (isAbsent(value)) {
                row.hash.addNulls(hashInputs);
                return;
            }
            if (!(value instanceof JsonNode object) || !object.isObject()) {
                row.rejected(label, "expected an object, found " + kindOf(value));
                row.hash.addNulls(hashInputs);
                return;
            }
            for (FieldPlan field : fields) {
                field.apply(object.get(field.property), row);
            }
        }
    }

    /** An array of objects whose items become rows of a child table once the row's hashid is known. */
    static final class ChildTableField extends FieldPlan {
        private final int ordinal;

        ChildTableField(String property, String label, int ordinal) {
            super(property, label);
            this.ordinal = ordinal;
        }

        @Override
        int hashInputs() {
            return 1;
        }

        @Override
        void apply(Object value, RowState row) {
            if (isAbsent(value)) {
                row.hash.addNull();
                return;
            }
            if (!(value instanceof JsonNode array) || !array.isArray()) {
                row.rejected(label, "expected an array of objects, found " + kindOf(value));
                row.hash.addNull();
                return;
            }
            row.hash.addValue(array);
            for (int i = 0; i < array.size(); i++) {
                JsonNode item = array.get(i);
                if (!item.isObject() && !item.isNull()) {
                    row.rejected(label + "[" + i + "]", "expected an object, found " + ColumnConverters.kindOf(item));
                }
            }
            row.arrays[ordinal] = array;
        }
    }
}
