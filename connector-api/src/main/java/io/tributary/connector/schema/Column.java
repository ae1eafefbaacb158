package io.tributary.connector.schema;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A column of a normalized table.
 *
 * @param name the destination identifier, already sanitized
 * @param path the field path in the source record it comes from; empty for metadata columns
 * @param precision for {@link ColumnType#NUMBER}, the declared precision, or {@code null} when unbounded
 * @param scale for {@link ColumnType#NUMBER}, the declared scale, or {@code null}
 */
public record Column(
        String name,
        List<String> path,
        ColumnType type,
        @Nullable Integer precision,
        @Nullable Integer scale) {

    public Column {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        path = path == null ? List.of() : List.copyOf(path);
    }

    public static Column of(String name, ColumnType type) {
        return new Column(name, List.of(name), type, null, null);
    }

    public static Column metadata(String name, ColumnType type) {
        return new Column(name, List.of(), type, null, null);
    }

    public boolean isMetadata() {
        return path.isEmpty();
    }
}
