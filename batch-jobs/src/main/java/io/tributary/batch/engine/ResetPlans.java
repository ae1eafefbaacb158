package io.tributary.batch.engine;

import io.tributary.batch.plan.ConnectionPlan;
import io.tributary.connector.catalog.Catalog;
import io.tributary.connector.catalog.ConfiguredStream;
import io.tributary.connector.catalog.DestinationSyncMode;
import io.tributary.connector.catalog.SyncMode;
import io.tributary.connector.config.ConfigSpec;
import io.tributary.connector.config.ConnectorConfig;
import io.tributary.connector.record.SourceRecord;
import io.tributary.connector.source.CheckResult;
import io.tributary.connector.source.Source;
import java.util.List;
import java.util.Map;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * A reset as a sync: every stream of the connection is read as empty and loaded in overwrite mode,
 * so the destination's tables become empty when the load completes, and the steps commit no
 * source position, so the next sync of an incremental stream starts from the beginning.
 */
final class ResetPlans {

    private ResetPlans() {}

    static ConnectionPlan of(ConnectionPlan plan) {
        Source empty = new EmptySource(plan.source());
        return new ConnectionPlan(
                plan.name(),
                empty,
                plan.sourceConfig(),
                plan.destination(),
                plan.destinationConfig(),
                plan.streams().stream()
                        .map(s -> new ConfiguredStream(
                                s.stream(),
                                SyncMode.FULL_REFRESH,
                                DestinationSyncMode.OVERWRITE,
                                List.of(),
                                s.primaryKey(),
                                s.destinationNamespace(),
                                s.destinationName()))
                        .toList(),
                plan.chunkSize(),
                plan.normalization());
    }

    /** The source's own type and spec, but no records. */
    private record EmptySource(Source source) implements Source {

        @Override
        public String type() {
            return source.type();
        }

        @Override
        public ConfigSpec spec() {
            return source.spec();
        }

        @Override
        public CheckResult check(ConnectorConfig config) {
            return source.check(config);
        }

        @Override
        public Catalog discover(ConnectorConfig config) {
            return source.discover(config);
        }

        @Override
        public ItemStreamReader<SourceRecord> reader(
                ConnectorConfig config, ConfiguredStream stream, Map<String, Object> previousSync) {
            return new ItemStreamReader<>() {
                @Override
                public SourceRecord read() {
                    return null;
                }
            };
        }
    }
}
