package io.tributary.batch.job;

import io.tributary.connector.record.SourceRecord;
import io.tributary.connector.schema.NormalizedRecord;

/**
 * A record as the load step's reader hands it to the processor: the source's record (its JSON
 * encoded) and, when the stream is read ahead, the record already normalized on the read-ahead
 * thread, so that normalization overlaps the destination's load of the previous chunk.
 *
 * @param normalized the normalized record, or {@code null} when the processor normalizes it
 */
record ReadRecord(SourceRecord source, NormalizedRecord normalized) {
}
