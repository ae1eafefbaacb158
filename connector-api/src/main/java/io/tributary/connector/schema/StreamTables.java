package io.tributary.connector.schema;

import java.util.List;

/** The tables one stream normalizes into: its own table first, then child tables in parent-first order. */
public record StreamTables(List<TableSchema> tables) {

    public StreamTables {
        if (tables.isEmpty()) {
            throw new IllegalArgumentException("A stream has at least its own table");
        }
        tables = List.copyOf(tables);
    }

    public TableSchema root() {
        return tables.get(0);
    }
}
