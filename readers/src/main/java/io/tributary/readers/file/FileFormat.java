package io.tributary.readers.file;

import java.util.Locale;

import io.tributary.connector.config.ConfigField;

/** How a file's records are written. */
enum FileFormat implements ConfigField.Choice {
    /** Comma (or other delimiter) separated values, optionally with a header row. */
    CSV,
    /** One JSON object per line (also called NDJSON). */
    JSONL;

    @Override
    public String settingValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The format a file name suggests: JSON Lines for .jsonl, .ndjson and .json, CSV otherwise. */
    static FileFormat fromFileName(String fileName) {
        String name = Compression.withoutCompressionSuffix(fileName.toLowerCase(Locale.ROOT));
        return name.endsWith(".jsonl") || name.endsWith(".ndjson") || name.endsWith(".json") ? JSONL : CSV;
    }
}
