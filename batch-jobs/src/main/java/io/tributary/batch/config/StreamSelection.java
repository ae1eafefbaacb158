package io.tributary.batch.config;

import io.tributary.connector.catalog.DestinationSyncMode;
import io.tributary.connector.catalog.SyncMode;
import java.util.List;

/**
 * How a connection syncs one stream. Empty cursor/primary key mean "use what the source suggests".
 *
 * @param name stream name, or {@code namespace.name}
 * @param place where it was declared, e.g. {@code connections.shop_to_lake.streams[0]}
 */
public record StreamSelection(
        String name,
        boolean selected,
        SyncMode syncMode,
        DestinationSyncMode destinationSyncMode,
        List<String> cursorField,
        List<List<String>> primaryKey,
        String place) {

    public StreamSelection {
        cursorField = List.copyOf(cursorField);
        primaryKey = primaryKey.stream().map(List::copyOf).toList();
    }
}
