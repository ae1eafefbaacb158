package io.tributary.readers.postgres;

import io.tributary.postgres.PostgresIdentifiers;
import java.util.List;
import java.util.Optional;

/**
 * A table, view, materialized view or foreign table the user can read.
 *
 * @param kind {@code pg_class.relkind}: r table, p partitioned table, v view, m materialized view, f foreign table
 * @param primaryKey the primary key's columns in key order, empty when there is none (always for views)
 */
record PostgresRelation(String schema, String name, char kind, List<PostgresColumn> columns, List<String> primaryKey) {

    PostgresRelation {
        columns = List.copyOf(columns);
        primaryKey = List.copyOf(primaryKey);
    }

    String qualifiedName() {
        return schema + "." + name;
    }

    /** {@code "schema"."name"}, quoted for SQL. */
    String sqlName() {
        return PostgresIdentifiers.quote(schema) + "." + PostgresIdentifiers.quote(name);
    }

    Optional<PostgresColumn> column(String columnName) {
        return columns.stream().filter(c -> c.name().equals(columnName)).findFirst();
    }

    /**
     * Whether rows have a physical address ({@code ctid}) that is unique and can be read in ranges:
     * plain tables and materialized views; not views, foreign tables, nor partitioned tables (whose
     * partitions each number their own pages).
     */
    boolean hasCtid() {
        return kind == 'r' || kind == 'm';
    }
}
