package io.tributary.batch.job;

import io.tributary.connector.schema.NormalizedRecord;
import io.tributary.normalization.StreamNormalizer;
import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * The load step's processor: the stream's normalization. A record the read-ahead thread normalized
 * already ({@link ReadRecord#normalized()}) passes as it is; any other is normalized here.
 */
final class NormalizingProcessor implements ItemProcessor<ReadRecord, NormalizedRecord> {

    private final StreamNormalizer normalizer;

    NormalizingProcessor(StreamNormalizer normalizer) {
        this.normalizer = normalizer;
    }

    @Override
    public NormalizedRecord process(ReadRecord record) {
        return record.normalized() != null ? record.normalized() : normalizer.process(record.source());
    }
}
