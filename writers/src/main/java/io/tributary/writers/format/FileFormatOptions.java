package io.tributary.writers.format;

import java.io.OutputStream;
import java.util.Objects;

import io.tributary.connector.config.ConnectorConfig;
import io.tributary.connector.schema.TableSchema;
import io.tributary.writers.jsonl.JsonLinesTableWriter;
import io.tributary.writers.parquet.ParquetOptions;
import io.tributary.writers.parquet.ParquetTableWriter;

/** The format a file destination writes, with its settings; opens a {@link TableFileWriter}. */
public record FileFormatOptions(FileFormat format, ParquetOptions parquet) {

    public FileFormatOptions {
        Objects.requireNonNull(format, "format");
        parquet = parquet == null ? ParquetOptions.DEFAULTS : parquet;
    }

    /** A writer of {@code table}'s rows into {@code out}; closing the writer closes {@code out}. */
    public TableFileWriter open(TableSchema table, OutputStream out) {
        return switch (format) {
            case JSONL -> new JsonLinesTableWriter(table, out);
            case PARQUET -> new ParquetTableWriter(table, out, parquet);
        };
    }

    /** The format and Parquet settings from a configuration declaring {@code format} and {@link ParquetOptions#CONFIG_FIELDS}. */
    public static FileFormatOptions from(ConnectorConfig config) {
        return new FileFormatOptions(FileFormat.fromConfig(config.string("format")), ParquetOptions.from(config));
    }

    public String extension() {
        return format.extension();
    }
}
