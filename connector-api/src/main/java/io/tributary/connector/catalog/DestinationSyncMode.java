package io.tributary.connector.catalog;

import java.util.Arrays;
import java.util.Locale;

/** What a destination does with a stream's records: replace, add, or add and keep one row per key. */
public enum DestinationSyncMode {
    OVERWRITE,
    APPEND,
    APPEND_DEDUP;

    /** The protocol's spelling, e.g. {@code append_dedup}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static DestinationSyncMode fromWire(String value) {
        return Arrays.stream(values())
                .filter(m -> m.wireName().equalsIgnoreCase(value.replace('-', '_')))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "unknown destination sync mode '" + value + "'; use overwrite, append or append_dedup"));
    }
}
