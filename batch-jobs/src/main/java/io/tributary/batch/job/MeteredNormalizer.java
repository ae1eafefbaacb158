package io.tributary.batch.job;

import java.util.concurrent.atomic.AtomicLong;

import io.tributary.connector.record.SourceRecord;
import io.tributary.connector.schema.NormalizedRecord;
import io.tributary.normalization.StreamNormalizer;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.springframework.batch.infrastructure.item.ItemStream;

/**
 * The step's processor: normalizes each record and counts the bytes read, keeping the count in the
 * step's ExecutionContext so that it survives a restart.
 */
final class MeteredNormalizer implements ItemProcessor<SourceRecord, NormalizedRecord>, ItemStream {

    static final String BYTES_KEY = "tributary.bytes";

    private final StreamNormalizer normalizer;
    private final AtomicLong bytes = new AtomicLong();

    MeteredNormalizer(StreamNormalizer normalizer) {
        this.normalizer = normalizer;
    }

    @Override
    public NormalizedRecord process(SourceRecord record) {
        bytes.addAndGet(RecordSize.of(record.data()));
        return normalizer.process(record);
    }

    long bytes() {
        return bytes.get();
    }

    @Override
    public void open(ExecutionContext context) {
        bytes.set(context.getLong(BYTES_KEY, 0L));
    }

    @Override
    public void update(ExecutionContext context) {
        context.putLong(BYTES_KEY, bytes.get());
    }
}
