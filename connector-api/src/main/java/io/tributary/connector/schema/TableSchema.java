package io.tributary.connector.schema;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A flat table that normalization produces from a stream: the stream's own table, or a child
 * table unnested from an array (then {@code parent} names the table it joins to).
 *
 * @param namespace destination namespace (schema, folder); may be {@code null} for the default
 * @param columns data and metadata columns, in order; a {@link TableRow}'s values follow it
 * @param primaryKey column names of the primary key, empty when there is none
 * @param parent the parent table's name for a child table, {@code null} for a stream's own table
 */
public record TableSchema(
        String name,
        @Nullable String namespace,
        List<Column> columns,
        List<String> primaryKey,
        @Nullable String parent) {

    public TableSchema {
        Objects.requireNonNull(name, "name");
        columns = List.copyOf(columns);
        primaryKey = primaryKey == null ? List.of() : List.copyOf(primaryKey);
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            if (seen.put(columns.get(i).name(), i) != null) {
                throw new IllegalArgumentException("Table " + name + " has two columns named "
                        + columns.get(i).name());
            }
        }
    }

    public int indexOf(String column) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(column)) {
                return i;
            }
        }
        return -1;
    }

    public boolean isChild() {
        return parent != null;
    }

    public String qualifiedName() {
        return namespace == null || namespace.isEmpty() ? name : namespace + "." + name;
    }
}
