package io.tributary.connector.schema;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The tables one stream normalizes into: its own table first, then child tables in parent-first order.
 *
 * <p>A stream loaded without normalization ({@link #rawOnly(String, String) raw only}) has no
 * normalized tables: destinations then keep only the raw records ({@code _airbyte_raw_<stream>} in
 * PostgreSQL, the raw record JSON in files). {@link #name()} and {@link #namespace()} say what the
 * stream's own table is, or would be, called in either case.
 *
 * @param tables the normalized tables, own table first; empty when the stream is loaded raw only
 * @param name the stream's own table name (the first table's name when there are tables)
 * @param namespace the destination namespace, or {@code null} for the destination's default
 */
public record StreamTables(
        List<TableSchema> tables, String name, @Nullable String namespace) {

    public StreamTables {
        Objects.requireNonNull(name, "name");
        tables = List.copyOf(tables);
        if (!tables.isEmpty() && !tables.get(0).name().equals(name)) {
            throw new IllegalArgumentException(
                    "The stream's own table is " + tables.get(0).name() + ", not " + name);
        }
    }

    /** Normalized tables, the stream's own first. */
    public StreamTables(List<TableSchema> tables) {
        this(requireOwnTable(tables), tables.get(0).name(), tables.get(0).namespace());
    }

    /** A stream loaded without normalization: only its raw records reach the destination. */
    public static StreamTables rawOnly(String name, @Nullable String namespace) {
        return new StreamTables(List.of(), name, namespace);
    }

    /** True when the stream has no normalized tables and destinations write its raw records only. */
    public boolean isRawOnly() {
        return tables.isEmpty();
    }

    /**
     * The stream's own normalized table.
     *
     * @throws IllegalStateException when the stream is loaded raw only
     */
    public TableSchema root() {
        if (tables.isEmpty()) {
            throw new IllegalStateException("Stream table " + name + " is loaded raw only (normalization mode raw): "
                    + "it has no normalized tables");
        }
        return tables.get(0);
    }

    private static List<TableSchema> requireOwnTable(List<TableSchema> tables) {
        if (tables.isEmpty()) {
            throw new IllegalArgumentException("A stream has at least its own table");
        }
        return tables;
    }
}
