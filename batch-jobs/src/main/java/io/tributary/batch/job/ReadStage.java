package io.tributary.batch.job;

import java.util.concurrent.atomic.AtomicLong;

import io.tributary.connector.record.RecordJson;
import io.tributary.connector.record.SourceRecord;
import io.tributary.normalization.StreamNormalizer;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * The engine's side of reading a stream: takes each record from the source's reader, encodes its
 * data as JSON ({@link RecordJson}, handed on in {@link SourceRecord#json()} for destinations that
 * store it), counts the bytes of that JSON, and, when given a normalizer, normalizes the record too
 * (see {@link ReadRecord}). Under {@link ReadAheadReader} all this runs on the read-ahead thread,
 * while the record's tree is still in the processor's cache, and overlaps the destination's load of
 * the previous chunk.
 *
 * <p>The byte count is saved with the reader's position in the step's ExecutionContext, so that it
 * survives a restart and the job history reports the bytes of the committed records; the count
 * saved at a chunk boundary is that of the records up to it.
 */
final class ReadStage implements ItemStreamReader<ReadRecord> {

    static final String BYTES_KEY = "tributary.bytes";

    private final ItemStreamReader<SourceRecord> source;
    private final StreamNormalizer normalizer;
    private final RecordJson json = new RecordJson();
    private final AtomicLong bytes = new AtomicLong();

    /** @param normalizer normalizes each record as it is read, or {@code null} to leave that to the step's processor */
    ReadStage(ItemStreamReader<SourceRecord> source, StreamNormalizer normalizer) {
        this.source = source;
        this.normalizer = normalizer;
    }

    @Override
    public void open(ExecutionContext context) {
        bytes.set(context.getLong(BYTES_KEY, 0L));
        source.open(context);
    }

    @Override
    public ReadRecord read() throws Exception {
        SourceRecord record = source.read();
        if (record == null) {
            return null;
        }
        SourceRecord encoded = record.json() == null ? record.withJson(json.encode(record.data())) : record;
        bytes.addAndGet(encoded.json().length);
        return new ReadRecord(encoded, normalizer == null ? null : normalizer.process(encoded));
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
