package io.tributary.connector.destination;

import io.tributary.connector.schema.NormalizedRecord;
import org.springframework.batch.infrastructure.item.ItemStreamWriter;

/**
 * Writes one stream's normalized records to a destination, chunk by chunk.
 *
 * <p>Contract: a chunk written by {@code write} becomes part of the destination only together with
 * the chunk's commit in the job repository. After a crash, {@code open} receives the last committed
 * {@code ExecutionContext} and removes anything written by a chunk that was not committed, so a
 * restart neither duplicates nor loses rows. {@link #complete()} runs once all chunks are committed
 * (it swaps staged data in for overwrite) and must be safe to run again after a crash.
 */
public interface StreamLoader extends ItemStreamWriter<NormalizedRecord> {

    /** Makes the stream's new data final; called after the stream's last chunk committed. */
    void complete();
}
