package io.tributary.normalization;

import io.tributary.connector.catalog.ConfiguredStream;
import io.tributary.connector.record.SourceRecord;
import io.tributary.connector.schema.NormalizedRecord;
import io.tributary.connector.schema.StreamTables;
import java.util.List;

/**
 * The normalizer of {@link NormalizationMode#RAW}: no tables, so each record only gets its
 * {@code _airbyte_ab_id} and destinations keep the raw record. The stream's schema is not read, so
 * any schema loads.
 */
final class RawRecordNormalizer implements StreamNormalizer {

    private final StreamTables tables;

    RawRecordNormalizer(ConfiguredStream stream, NormalizationOptions options) {
        this.tables = StreamTables.rawOnly(
                options.naming().identifier(stream.destinationName()), stream.destinationNamespace());
    }

    @Override
    public StreamTables tables() {
        return tables;
    }

    @Override
    public NormalizedRecord process(SourceRecord record) {
        return new NormalizedRecord(record, RecordIds.next(), List.of());
    }
}
