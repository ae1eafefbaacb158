package io.tributary.normalization;

import io.tributary.connector.schema.TableSchema;

/**
 * How rows of one table are filled: the table, the plans of its object's properties, its child
 * tables (indexed by {@link FieldPlan.ChildTableField}'s ordinal) and where the metadata columns sit.
 * Immutable once planned.
 */
final class TablePlan {

    final TableSchema schema;
    final FieldPlan[] fields;
    final TablePlan[] children;
    final int width;
    /** -1 for a stream's own table. */
    final int parentHashIdIndex;

    final int abIdIndex;
    final int emittedAtIndex;
    final int normalizedAtIndex;
    final int hashIdIndex;
    final int metaIndex;

    TablePlan(
            TableSchema schema,
            FieldPlan[] fields,
            TablePlan[] children,
            String parentHashIdColumn,
            String hashIdColumn) {
        this.schema = schema;
        this.fields = fields;
        this.children = children;
        this.width = schema.columns().size();
        this.parentHashIdIndex = parentHashIdColumn == null ? -1 : schema.indexOf(parentHashIdColumn);
        this.abIdIndex = schema.indexOf(MetadataColumns.AB_ID);
        this.emittedAtIndex = schema.indexOf(MetadataColumns.EMITTED_AT);
        this.normalizedAtIndex = schema.indexOf(MetadataColumns.NORMALIZED_AT);
        this.hashIdIndex = schema.indexOf(hashIdColumn);
        this.metaIndex = schema.indexOf(MetadataColumns.META);
    }
}
