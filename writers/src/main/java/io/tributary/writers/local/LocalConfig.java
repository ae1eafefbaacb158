package io.tributary.writers.local;

import io.tributary.connector.config.ConfigField;
import io.tributary.connector.config.ConfigSpec;
import io.tributary.connector.config.ConnectorConfig;
import io.tributary.writers.format.FileFormat;
import io.tributary.writers.format.FileFormatOptions;
import io.tributary.writers.parquet.ParquetOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The local destination's validated settings.
 *
 * @param destinationPath the root directory; tables go to {@code <root>/<namespace>/<table>/}
 * @param fileSizeBytes a table's file is finished and a new one started once it holds at least this much
 */
public record LocalConfig(Path destinationPath, FileFormatOptions format, long fileSizeBytes) {

    private static final long MB = 1024L * 1024;

    static final ConfigField<String> DESTINATION_PATH = ConfigField.string("destination_path")
            .required()
            .describe("Directory the files are written to, one sub-directory per namespace and table");
    static final ConfigField<FileFormat> FORMAT = FileFormatOptions.formatField(FileFormat.JSONL);

    static final ConfigSpec SPEC;

    static {
        List<ConfigField<?>> fields =
                new ArrayList<>(List.of(DESTINATION_PATH, FORMAT, FileFormatOptions.FILE_SIZE_MB));
        fields.addAll(ParquetOptions.CONFIG_FIELDS);
        SPEC = ConfigSpec.of("Local files", fields.toArray(ConfigField<?>[]::new));
    }

    /** Reads a configuration validated against {@link #SPEC}. */
    public static LocalConfig from(ConnectorConfig config) {
        Path root = Path.of(DESTINATION_PATH.get(config)).toAbsolutePath().normalize();
        return new LocalConfig(
                root, FileFormatOptions.from(config, FORMAT), FileFormatOptions.FILE_SIZE_MB.get(config) * MB);
    }
}
