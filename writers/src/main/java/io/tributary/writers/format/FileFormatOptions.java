package io.tributary.writers.format;

import java.io.OutputStream;
import java.util.Objects;

import io.tributary.connector.schema.TableSchema;
import io.tributary.writers.jsonl.JsonLinesTableWriter;

/** The format a file destination writes, with its settings; opens a {@link TableFileWriter}. */
public record FileFormatOptions(FileFormat format) {

    public FileFormatOptions {
        Objects.requireNonNull(format, "format");
    }

    /** A writer of {@code table}'s rows into {@code out}; closing the writer closes {@code out}. */
    public TableFileWriter open(TableSchema table, OutputStream out) {
        return switch (format) {
            case JSONL -> new JsonLinesTableWriter(table, out);
            case PARQUET -> throw new UnsupportedOperationException("parquet is not available yet");
        };
    }

    public String extension() {
        return format.extension();
    }
}
