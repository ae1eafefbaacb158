package io.tributary.connector.catalog;

import java.util.Arrays;
import java.util.Locale;

/** How a source reads a stream: everything each time, or only what changed since the last sync. */
public enum SyncMode {
    FULL_REFRESH,
    INCREMENTAL;

    /** The protocol's spelling, e.g. {@code full_refresh}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static SyncMode fromWire(String value) {
        return Arrays.stream(values())
                .filter(m -> m.wireName().equalsIgnoreCase(value.replace('-', '_')))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "unknown sync mode '" + value + "'; use full_refresh or incremental"));
    }
}
