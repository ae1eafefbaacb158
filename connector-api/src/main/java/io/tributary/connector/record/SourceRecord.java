package io.tributary.connector.record;

import java.util.Objects;

import tools.jackson.databind.node.ObjectNode;

/**
 * One record read from a source stream: the record's data as a JSON object and when it was read.
 *
 * <p>Values keep their exact meaning: numbers with a fractional part are decimals (not doubles),
 * date-times are ISO-8601 strings with their offset, and a missing field differs from a JSON null.
 *
 * <p>The engine encodes each record's data as JSON once, on the thread that reads it
 * ({@link RecordJson}), and passes the text along in {@link #json()}: destinations that store the
 * record as JSON (raw tables) copy it instead of encoding the tree again, and the engine counts the
 * bytes synced from it. Sources create records without it.
 *
 * @param emittedAt epoch milliseconds, as the Airbyte protocol's {@code emitted_at}
 * @param json {@code data} as JSON text ({@link RecordJson}: UTF-8, exact decimals as plain digits),
 *     encoded when the record was read; {@code null} when not encoded. The engine never changes
 *     {@code data} after reading, so the two agree.
 */
public record SourceRecord(ObjectNode data, long emittedAt, byte[] json) {

    public SourceRecord {
        Objects.requireNonNull(data, "data");
    }

    /** A record as a source reads it, not yet encoded. */
    public SourceRecord(ObjectNode data, long emittedAt) {
        this(data, emittedAt, null);
    }

    /** This record with its data's JSON text. */
    public SourceRecord withJson(byte[] json) {
        return new SourceRecord(data, emittedAt, json);
    }
}
