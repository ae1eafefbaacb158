package io.tributary.normalization;

import io.tributary.connector.catalog.ConfiguredStream;
import io.tributary.connector.naming.NamingConvention;
import io.tributary.connector.naming.UniqueIdentifiers;
import io.tributary.connector.schema.Column;
import io.tributary.connector.schema.ColumnType;
import io.tributary.connector.schema.TableSchema;
import io.tributary.normalization.convert.ColumnConverters;
import io.tributary.normalization.schema.FieldSchema;
import io.tributary.normalization.schema.InvalidStreamSchemaException;
import io.tributary.normalization.schema.JsonSchemaReader;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Plans a stream's tables from its JSON Schema, once: which properties flatten, which arrays become
 * child tables, the columns' names and types, and the converter of every column.
 *
 * <p>Names: a flattened column is its path joined with {@code _} ({@code contact.email} gives
 * {@code contact_email}); a child table is its parent path joined the same way
 * ({@code customers_addresses}, then {@code customers_addresses_lines}), and when that name is taken
 * Airbyte's hashed nested name. Within a table the metadata columns claim their names first, then
 * data columns in order of path length and then schema order, so a top-level {@code a_b} keeps its
 * name and a flattened {@code a.b} becomes {@code a_b_<hash>} (see {@link UniqueIdentifiers}).
 *
 * <p>Columns: data columns in schema order (depth first), then the parent's hashid (child tables),
 * {@code _airbyte_ab_id}, {@code _airbyte_emitted_at}, {@code _airbyte_normalized_at}, the table's
 * own hashid and {@code _airbyte_meta}.
 */
final class StreamPlanner {

    private final ConfiguredStream stream;
    private final NamingConvention naming;
    private final int maxDepth;
    private final UniqueIdentifiers tableNames;
    private final List<TableSchema> tables = new ArrayList<>();

    StreamPlanner(ConfiguredStream stream, NormalizationOptions options) {
        this.stream = stream;
        this.naming = options.naming();
        this.maxDepth = options.maxDepth();
        this.tableNames = new UniqueIdentifiers(naming);
    }

    /** The stream's own table's plan; {@link #tables()} then lists every table, parents first. */
    TablePlan plan() {
        FieldSchema.ObjectOf record = JsonSchemaReader.readRecordSchema(
                stream.stream().jsonSchema(), stream.stream().qualifiedName());
        List<String> path = List.of(stream.destinationName());
        String name = tableNames.claim(naming.identifier(stream.destinationName()), NamingConvention.pathKey(path));
        return planTable(name, path, stream.name(), record, 0, null);
    }

    List<TableSchema> tables() {
        return tables;
    }

    /**
     * @param path the stream's destination name then the property names leading to this table
     * @param hashIdSubject what the table's hashid column is named after
     * @param level the nesting level of the object's properties
     * @param parent the parent table and its hashid column, {@code null} for the stream's own table
     */
    private TablePlan planTable(
            String name,
            List<String> path,
            String hashIdSubject,
            FieldSchema.ObjectOf object,
            int level,
            ParentLink parent) {
        List<Draft> drafts = draft(object, List.of(), level);
        List<Draft> columnDrafts = new ArrayList<>();
        List<Draft> childDrafts = new ArrayList<>();
        collect(drafts, columnDrafts, childDrafts);

        UniqueIdentifiers columnNames = new UniqueIdentifiers(naming);
        String tableKey = NamingConvention.pathKey(path);
        if (parent != null) {
            columnNames.claim(parent.hashIdColumn(), tableKey);
        }
        for (String metadata : List.of(
                MetadataColumns.AB_ID,
                MetadataColumns.EMITTED_AT,
                MetadataColumns.NORMALIZED_AT,
                MetadataColumns.META)) {
            columnNames.claim(metadata, metadata);
        }
        String hashIdColumn = ownHashIdColumn(columnNames, hashIdSubject, name, tableKey);
        columnDrafts.stream()
                .sorted(Comparator.comparingInt((Draft d) -> d.path.size()))
                .forEach(
                        d -> d.columnName = columnNames.claim(naming.joined(d.path), NamingConvention.pathKey(d.path)));

        List<Column> columns = new ArrayList<>();
        for (Draft d : columnDrafts) {
            d.columnIndex = columns.size();
            columns.add(new Column(d.columnName, d.path, d.type.type(), d.type.precision(), d.type.scale()));
        }
        if (parent != null) {
            columns.add(Column.metadata(parent.hashIdColumn(), ColumnType.STRING));
        }
        columns.add(Column.metadata(MetadataColumns.AB_ID, ColumnType.STRING));
        columns.add(Column.metadata(MetadataColumns.EMITTED_AT, ColumnType.TIMESTAMP_TZ));
        columns.add(Column.metadata(MetadataColumns.NORMALIZED_AT, ColumnType.TIMESTAMP_TZ));
        columns.add(Column.metadata(hashIdColumn, ColumnType.STRING));
        columns.add(Column.metadata(MetadataColumns.META, ColumnType.JSON));

        List<String> primaryKey = parent == null ? primaryKey(columnDrafts) : List.of();
        TableSchema schema = new TableSchema(
                name, stream.destinationNamespace(), columns, primaryKey, parent == null ? null : parent.table());
        tables.add(schema);

        TablePlan[] children = new TablePlan[childDrafts.size()];
        for (int i = 0; i < children.length; i++) {
            Draft child = childDrafts.get(i);
            child.childOrdinal = i;
            List<String> childPath = new ArrayList<>(path);
            childPath.addAll(child.path);
            String desired = naming.joined(childPath);
            if (tableNames.isTaken(desired)) {
                desired = naming.nestedTableName(stream.destinationNamespace(), childPath);
            }
            String childName = tableNames.claim(desired, NamingConvention.pathKey(childPath));
            children[i] = planTable(
                    childName,
                    childPath,
                    String.join("_", child.path),
                    child.items,
                    level + child.path.size(),
                    new ParentLink(name, hashIdColumn));
        }
        return new TablePlan(
                schema, fieldPlans(drafts), children, parent == null ? null : parent.hashIdColumn(), hashIdColumn);
    }

    /**
     * The table's own hashid column, {@code _airbyte_<subject>_hashid}; when its parent's link already
     * has that name (a field named like its stream), {@code _airbyte_<table>_hashid}, then one with a
     * hash segment: it always ends in {@code _hashid}, as destinations expect of hashid columns.
     */
    private String ownHashIdColumn(UniqueIdentifiers columnNames, String subject, String table, String tableKey) {
        for (String candidate : List.of(naming.hashIdColumn(subject), naming.hashIdColumn(table))) {
            if (!columnNames.isTaken(candidate)) {
                return columnNames.claim(candidate, tableKey);
            }
        }
        for (int attempt = 0; ; attempt++) {
            String candidate = naming.hashIdColumn(subject + "_"
                    + NamingConvention.hash(tableKey + "#" + attempt, NamingConvention.HASH_SEGMENT_LENGTH));
            if (!columnNames.isTaken(candidate)) {
                return columnNames.claim(candidate, tableKey);
            }
        }
    }

    /** Decides, property by property, what each becomes. */
    private List<Draft> draft(FieldSchema.ObjectOf object, List<String> prefix, int level) {
        List<Draft> drafts = new ArrayList<>();
        for (Map.Entry<String, FieldSchema> property : object.properties().entrySet()) {
            List<String> path = new ArrayList<>(prefix);
            path.add(property.getKey());
            FieldSchema schema = property.getValue();
            Draft draft = new Draft(property.getKey(), List.copyOf(path));
            if (level < maxDepth
                    && schema instanceof FieldSchema.ObjectOf nested
                    && !nested.properties().isEmpty()) {
                draft.nested = draft(nested, path, level + 1);
            } else if (level < maxDepth
                    && schema instanceof FieldSchema.ArrayOf array
                    && array.items() instanceof FieldSchema.ObjectOf items
                    && !items.properties().isEmpty()) {
                draft.items = items;
            } else {
                draft.type =
                        schema instanceof FieldSchema.Scalar scalar ? scalar : FieldSchema.Scalar.of(ColumnType.JSON);
            }
            drafts.add(draft);
        }
        return drafts;
    }

    private static void collect(List<Draft> drafts, List<Draft> columns, List<Draft> children) {
        for (Draft d : drafts) {
            if (d.nested != null) {
                collect(d.nested, columns, children);
            } else if (d.items != null) {
                children.add(d);
            } else {
                columns.add(d);
            }
        }
    }

    private static FieldPlan[] fieldPlans(List<Draft> drafts) {
        FieldPlan[] plans = new FieldPlan[drafts.size()];
        for (int i = 0; i < plans.length; i++) {
            Draft d = drafts.get(i);
            String label = String.join(".", d.path);
            if (d.nested != null) {
                plans[i] = new FieldPlan.FlattenedObject(d.property, label, fieldPlans(d.nested));
            } else if (d.items != null) {
                plans[i] = new FieldPlan.ChildTableField(d.property, label, d.childOrdinal);
            } else {
                plans[i] = new FieldPlan.ColumnField(
                        d.property,
                        label,
                        d.columnIndex,
                        ColumnConverters.forColumn(d.type.type(), d.type.precision(), d.type.scale()));
            }
        }
        return plans;
    }

    private List<String> primaryKey(List<Draft> columns) {
        List<String> key = new ArrayList<>();
        for (List<String> component : stream.primaryKey()) {
            Draft column = columns.stream()
                    .filter(d -> d.path.equals(component))
                    .findFirst()
                    .orElseThrow(() -> new InvalidStreamSchemaException(
                            "Stream " + stream.stream().qualifiedName()
                                    + ": primary key field " + String.join(".", component)
                                    + " is not a column of its normalized"
                                    + " table (absent from the stream's JSON schema, an object that flattens, inside an array,"
                                    + " or nested deeper than max depth " + maxDepth
                                    + "); choose a scalar field of the schema as key"));
            key.add(column.columnName);
        }
        return key;
    }

    /** A child table's link to its parent: the parent's name and hashid column. */
    private record ParentLink(String table, String hashIdColumn) {}

    /** A property while planning; exactly one of {@code nested}, {@code items}, {@code type} is set. */
    private static final class Draft {
        final String property;
        final List<String> path;
        List<Draft> nested;
        FieldSchema.ObjectOf items;
        FieldSchema.Scalar type;
        String columnName;
        int columnIndex = -1;
        int childOrdinal = -1;

        Draft(String property, List<String> path) {
            this.property = property;
            this.path = path;
        }
    }
}
