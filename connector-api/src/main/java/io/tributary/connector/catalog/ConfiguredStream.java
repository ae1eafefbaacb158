package io.tributary.connector.catalog;

import io.tributary.connector.config.ConfigException;
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

    /**
     * The one column an incremental read of a database table orders by: the configured cursor field,
     * else the stream's default.
     *
     * @param database the source's name in messages, e.g. {@code PostgreSQL}
     * @throws ConfigException when there is none, or it is a nested path
     */
    public List<String> cursorColumn(String database) {
        List<String> field = cursorField.isEmpty() ? stream.defaultCursorField() : cursorField;
        if (field.isEmpty()) {
            throw new ConfigException("streams." + name() + ".cursor_field: incremental sync needs a cursor column; "
                    + "choose one of " + stream.cursorCandidates());
        }
        if (field.size() > 1) {
            throw new ConfigException("streams." + name() + ".cursor_field: " + field + " is a nested path; a "
                    + database + " cursor is one column, e.g. " + stream.cursorCandidates());
        }
        return field;
    }
}
