package io.tributary.readers.file;

import java.util.Locale;

/** How a file's records are written. */
enum FileFormat {
    /** Comma (or other delimiter) separated values, optionally with a header row. */
    CSV,
    /** One JSON object per line (also called NDJSON). */
    JSONL;

    static FileFormat fromSetting(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }

    /** The format a file name suggests: JSON Lines for .jsonl, .ndjson and .json, CSV otherwise. */
    static FileFormat fromFileName(String fileName) {
        String name = Compression.withoutCompressionSuffix(fileName.toLowerCase(Locale.ROOT));
        return name.endsWith(".jsonl") || name.endsWith(".ndjson") || name.endsWith(".json") ? JSONL : CSV;
    }
}
