package io.tributary.batch.plan;

import io.tributary.connector.catalog.ConfiguredStream;
import io.tributary.connector.config.ConnectorConfig;
import io.tributary.connector.destination.Destination;
import io.tributary.connector.source.Source;
import io.tributary.normalization.NormalizationOptions;
import java.util.List;

/**
 * A connection ready to run: connectors found, configurations validated, streams matched against
 * the source's catalog with their modes, cursors, keys and destination names decided.
 */
public record ConnectionPlan(
        String name,
        Source source,
        ConnectorConfig sourceConfig,
        Destination destination,
        ConnectorConfig destinationConfig,
        List<ConfiguredStream> streams,
        int chunkSize,
        NormalizationOptions normalization) {

    public ConnectionPlan {
        streams = List.copyOf(streams);
    }
}
