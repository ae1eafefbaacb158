package io.tributary.writers.local;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.tributary.connector.config.ConfigField;
import io.tributary.connector.config.ConfigSpec;
import io.tributary.connector.config.ConnectorConfig;
import io.tributary.writers.format.FileFormat;
import io.tributary.writers.format.FileFormatOptions;
import io.tributary.writers.parquet.ParquetOptions;

/**
 * The local destination's validated settings.
 *
 * @param destinationPath the root directory; tables go to {@code <root>/<namespace>/<table>/}
 * @param fileSizeBytes a table's file is finished and a new one started once it holds at least this much
 */
public record LocalConfig(Path destinationPath, FileFormatOptions format, long fileSizeBytes) {

    private static final long MB = 1024L * 1024;

    static final ConfigSpec SPEC = ConfigSpec.of("Local files", fields());

    private static ConfigField[] fields() {
        List<ConfigField> fields = new ArrayList<>();
        fields.add(ConfigField.string("destination_path").required()
                .describe("Directory the files are written to, one sub-directory per namespace and table"));
        fields.add(ConfigField.oneOf("format", FileFormat.configValues()).defaultsTo("jsonl")
                .describe("File format: jsonl (JSON Lines) or parquet"));
        fields.add(ConfigField.integer("file_size_mb").defaultsTo(200L).between(1, 5 * 1024)
                .describe("Files roll over into a new file once they reach this size in MB"));
        fields.addAll(ParquetOptions.CONFIG_FIELDS);
        return fields.toArray(ConfigField[]::new);
    }

    /** Reads a configuration validated against {@link #SPEC}. */
    public static LocalConfig from(ConnectorConfig config) {
        Path root = Path.of(config.string("destination_path")).toAbsolutePath().normalize();
        return new LocalConfig(root, FileFormatOptions.from(config), config.integer("file_size_mb") * MB);
    }
}
