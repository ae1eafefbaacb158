package io.tributary.writers.local;

import io.tributary.connector.catalog.ConfiguredStream;
import io.tributary.connector.catalog.DestinationSyncMode;
import io.tributary.connector.config.ConfigException;
import io.tributary.connector.config.ConfigSpec;
import io.tributary.connector.config.ConnectorConfig;
import io.tributary.connector.destination.Destination;
import io.tributary.connector.destination.LoadContext;
import io.tributary.connector.destination.StreamLoader;
import io.tributary.connector.schema.StreamTables;
import io.tributary.connector.source.CheckResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/**
 * Writes streams as JSON Lines or Parquet files into a local directory,
 * {@code <destination_path>/<namespace or default>/<table>/}: the embedded default for demos.
 * Supports overwrite and append.
 */
public final class LocalDestination implements Destination {

    @Override
    public String type() {
        return "local";
    }

    @Override
    public ConfigSpec spec() {
        return LocalConfig.SPEC;
    }

    @Override
    public CheckResult check(ConnectorConfig config) {
        Path root = LocalConfig.from(config).destinationPath();
        Path probe = root.resolve(".tributary-check-" + UUID.randomUUID());
        try {
            Files.createDirectories(root);
            Files.writeString(probe, "check");
            Files.delete(probe);
            return CheckResult.success("can write to " + root);
        } catch (IOException | SecurityException e) {
            return CheckResult.failure("destination_path " + root + " is not a writable directory (" + e
                    + "); choose a directory this process may create and write files in");
        }
    }

    @Override
    public StreamLoader loader(
            ConnectorConfig config, ConfiguredStream stream, StreamTables tables, LoadContext context) {
        if (stream.destinationSyncMode() == DestinationSyncMode.APPEND_DEDUP) {
            throw new ConfigException("stream " + stream.stream().qualifiedName()
                    + ": the local destination cannot deduplicate files (append_dedup); use overwrite or append");
        }
        return new LocalStreamLoader(LocalConfig.from(config), stream, tables, context);
    }
}
