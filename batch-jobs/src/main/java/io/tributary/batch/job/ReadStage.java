package io.tributary.batch.job;

import io.tributary.connector.record.SourceRecord;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * The engine's side of reading a stream: takes each record from the source's reader and counts the
 * bytes of its JSON form ({@link SourceRecord#jsonSize()}, counted from the typed values without
 * encoding them: only destinations that store JSON encode a record). Under {@link ReadAheadReader}
 * this runs on the read-ahead thread.
 *
 * <p>The byte count is saved with the reader's position in the step's ExecutionContext, so that it
 * survives a restart and the job history reports the bytes of the committed records; the count
 * saved at a chunk boundary is that of the records up to it.
 */
final class ReadStage implements ItemStreamReader<SourceRecord> {

    static final String BYTES_KEY = "tributary.bytes";

    private final ItemStreamReader<SourceRecord> source;
    private final AtomicLong bytes = new AtomicLong();

    ReadStage(ItemStreamReader<SourceRecord> source) {
        this.source = source;
    }

    @Override
    public void open(ExecutionContext context) {
        bytes.set(context.getLong(BYTES_KEY, 0L));
        source.open(context);
    }

    @Override
    public SourceRecord read() throws Exception {
        SourceRecord record = source.read();
        if (record != null) {
            bytes.addAndGet(record.jsonSize());
        }
        return record;
    }

    /** Bytes read so far; with read-ahead, a little ahead of the records the step has taken. */
    long bytes() {
        return bytes.get();
    }

    @Override
    public void update(ExecutionContext context) {
        source.update(context);
        context.putLong(BYTES_KEY, bytes.get());
    }

    @Override
    public void close() {
        source.close();
    }
}
