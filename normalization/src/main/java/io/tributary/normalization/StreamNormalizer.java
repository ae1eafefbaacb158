package io.tributary.normalization;

import io.tributary.connector.record.SourceRecord;
import io.tributary.connector.schema.NormalizedRecord;
import io.tributary.connector.schema.StreamTables;
import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * The normalization step of one stream: turns each {@link SourceRecord} into rows of the stream's
 * flat, typed {@link #tables()}. The plan (tables, columns, converters) is made once per stream.
 */
public interface StreamNormalizer extends ItemProcessor<SourceRecord, NormalizedRecord> {

    /** The tables this stream's records become, its own table first. */
    StreamTables tables();

    @Override
    NormalizedRecord process(SourceRecord record);
}
