package io.tributary.connector.catalog;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A stream as a connection syncs it: the discovered {@link Stream}, the modes chosen, the cursor
 * and primary key, and where it lands in the destination (namespace and name after the
 * connection's namespace definition and prefix).
 */
public record ConfiguredStream(
        Stream stream,
        SyncMode syncMode,
        DestinationSyncMode destinationSyncMode,
        List<String> cursorField,
        List<List<String>> primaryKey,
        @Nullable String destinationNamespace,
        String destinationName) {

    public ConfiguredStream {
        Objects.requireNonNull(stream, "stream");
        Objects.requireNonNull(syncMode, "syncMode");
        Objects.requireNonNull(destinationSyncMode, "destinationSyncMode");
        cursorField = cursorField == null ? List.of() : List.copyOf(cursorField);
        primaryKey = primaryKey == null
                ? List.of()
                : primaryKey.stream().map(List::copyOf).toList();
        destinationName = destinationName == null ? stream.name() : destinationName;
    }

    public String name() {
        return stream.name();
    }

    /** The top-level primary key column names (the first element of each key path). */
    public List<String> primaryKeyColumns() {
        return primaryKey.stream().map(p -> p.get(0)).toList();
    }
}
