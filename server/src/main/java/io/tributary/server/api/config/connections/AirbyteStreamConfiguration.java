package io.tributary.server.api.config.connections;

import java.util.List;

/**
 * How a connection syncs a stream: {@code syncMode} full_refresh or incremental,
 * {@code destinationSyncMode} overwrite, append or append_dedup, and whether it is selected.
 */
public record AirbyteStreamConfiguration(
        String syncMode,
        String destinationSyncMode,
        List<String> cursorField,
        List<List<String>> primaryKey,
        String aliasName,
        boolean selected) {}
