package io.tributary.writers.s3;

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

/**
 * Writes streams to an S3 bucket (AWS, MinIO or any S3-compatible server) as Parquet or JSON Lines,
 * one folder per table ({@code <s3_bucket_path>/<namespace>/<table>/} with the default path format),
 * so a lakehouse such as Dremio can promote each folder as a dataset. Files appear only when
 * complete; overwrite removes the previous sync's files only after all new files are complete.
 * Supports overwrite and append.
 */
public final class S3Destination implements Destination {

    @Override
    public String type() {
        return "s3";
    }

    @Override
    public ConfigSpec spec() {
        return S3DestinationConfig.SPEC;
    }

    @Override
    public CheckResult check(ConnectorConfig config) {
        return new S3ConnectionCheck(S3DestinationConfig.from(config)).run();
    }

    @Override
    public StreamLoader loader(
            ConnectorConfig config, ConfiguredStream stream, StreamTables tables, LoadContext context) {
        if (stream.destinationSyncMode() == DestinationSyncMode.APPEND_DEDUP) {
            throw new ConfigException("stream " + stream.stream().qualifiedName()
                    + ": the S3 destination cannot deduplicate files (append_dedup); use overwrite or append");
        }
        return new S3StreamLoader(S3DestinationConfig.from(config), stream, tables, context);
    }
}
