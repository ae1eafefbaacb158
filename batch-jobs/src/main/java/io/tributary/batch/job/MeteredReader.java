package io.tributary.batch.job;

import java.util.concurrent.atomic.AtomicLong;

import io.tributary.connector.record.RecordJson;
import io.tributary.connector.record.SourceRecord;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * The source's reader, encoding each record's data as JSON ({@link RecordJson}, handed on in
 * {@link SourceRecord#json()} for destinations that store it) and counting the bytes of that JSON.
 * The count is saved with the reader's position in the step's ExecutionContext, so that it survives
 * a restart and the job history reports the bytes of the committed records. It works on the thread
 * that reads: under {@link ReadAheadReader} that is the read-ahead thread, off the step's path, while
 * the record's tree is still in the processor's cache; and the count saved at a chunk boundary is
 * that of the records up to it.
 */
final class MeteredReader implements ItemStreamReader<SourceRecord> {

    static final String BYTES_KEY = "tributary.bytes";

    private final ItemStreamReader<SourceRecord> source;
    private final RecordJson json = new RecordJson();
    private final AtomicLong bytes = new AtomicLong();

    MeteredReader(ItemStreamReader<SourceRecord> source) {
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
        if (record == null) {
            return null;
        }
        SourceRecord encoded = record.json() == null ? record.withJson(json.encode(record.data())) : record;
        bytes.addAndGet(encoded.json().length);
        return encoded;
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
