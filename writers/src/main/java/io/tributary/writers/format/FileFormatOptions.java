package io.tributary.writers.format;

import io.tributary.connector.config.ConfigField;
import io.tributary.connector.config.ConnectorConfig;
import io.tributary.connector.schema.TableSchema;
import io.tributary.writers.jsonl.JsonLinesTableWriter;
import io.tributary.writers.parquet.ParquetOptions;
import io.tributary.writers.parquet.ParquetTableWriter;
import java.io.OutputStream;
import java.util.Objects;

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

    /** Files roll over into a new file at this size; declared once for every file destination. */
    public static final ConfigField<Long> FILE_SIZE_MB = ConfigField.integer("file_size_mb")
            .defaultsTo(200L)
            .between(1, 5 * 1024)
            .describe("Files roll over into a new file once they reach this size in MB");

    /** The {@code format} field of a file destination whose default is {@code defaultFormat}. */
    public static ConfigField<FileFormat> formatField(FileFormat defaultFormat) {
        return ConfigField.choice("format", FileFormat.class)
                .defaultsTo(defaultFormat)
                .describe(
                        defaultFormat == FileFormat.PARQUET
                                ? "File format: parquet or jsonl (JSON Lines)"
                                : "File format: jsonl (JSON Lines) or parquet");
    }

    /** The format and Parquet settings from a configuration declaring {@code format} and {@link ParquetOptions#CONFIG_FIELDS}. */
    public static FileFormatOptions from(ConnectorConfig config, ConfigField<FileFormat> format) {
        return new FileFormatOptions(format.get(config), ParquetOptions.from(config));
    }

    public String extension() {
        return format.extension();
    }
}
