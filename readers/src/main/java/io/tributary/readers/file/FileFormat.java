package io.tributary.readers.file;

import io.tributary.connector.config.ConfigField;
import java.util.Locale;

/** How a file's records are written. */
enum FileFormat implements ConfigField.Choice {
    /** Comma (or other delimiter) separated values, optionally with a header row. */
    CSV,
    /** One JSON object per line (also called NDJSON). */
    JSONL,
    /**
     * A JSON document: a top-level array of objects, one object, or objects one after another (so
     * that JSON Lines content named .json reads as before); {@code records_path} finds the records
     * inside an object.
     */
    JSON,
    /** Apache Parquet: typed columns, read row group by row group. */
    PARQUET,
    /** An Excel workbook (.xlsx): one sheet, a header row, typed cells. */
    EXCEL;

    @Override
    public String settingValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The format a file name suggests, once compression suffixes are stripped: .jsonl and .ndjson are
     * JSON Lines, .json is JSON (whose reader also takes JSON Lines content: the first token decides),
     * .parquet Parquet, .xlsx Excel, anything else CSV.
     */
    static FileFormat fromFileName(String fileName) {
        String name = Compression.withoutCompressionSuffix(fileName.toLowerCase(Locale.ROOT));
        if (name.endsWith(".jsonl") || name.endsWith(".ndjson")) {
            return JSONL;
        }
        if (name.endsWith(".json")) {
            return JSON;
        }
        if (name.endsWith(".parquet") || name.endsWith(".parq")) {
            return PARQUET;
        }
        if (name.endsWith(".xlsx") || name.endsWith(".xlsm")) {
            return EXCEL;
        }
        return CSV;
    }

    /** Whether records are read from text in the {@code encoding} setting (not from a binary layout). */
    boolean isText() {
        return this == CSV || this == JSONL || this == JSON;
    }
}
