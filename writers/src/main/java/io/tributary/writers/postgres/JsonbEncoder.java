package io.tributary.writers.postgres;

import java.sql.SQLException;

import io.tributary.connector.record.RecordJson;
import io.tributary.connector.record.SourceRecord;
import tools.jackson.databind.JsonNode;

/**
 * Encodes JSON as binary COPY jsonb fields (version byte, then the JSON text), exact decimals written
 * as plain digits as jsonb keeps them ({@link RecordJson}). A record is encoded straight from its
 * typed values (or its document) into the encoder's reused buffer, so it costs no tree, no generator
 * set-up and no byte array of its own; any {@code \u0000} escape is dropped
 * ({@link JsonText}) on the way into the COPY stream. Not thread-safe: one per loader.
 */
final class JsonbEncoder {

    private static final byte[] JSONB_VERSION = {1};

    private final RecordJson json = new RecordJson();

    /** Writes the record's data as one jsonb field of the current row. */
    void write(BinaryCopyStream out, SourceRecord record) throws SQLException {
        json.encodeInPlace(record);
        writeEncoded(out);
    }

    /** Writes {@code value} as one jsonb field of the current row. */
    void write(BinaryCopyStream out, JsonNode value) throws SQLException {
        json.encodeInPlace(value);
        writeEncoded(out);
    }

    private void writeEncoded(BinaryCopyStream out) throws SQLException {
        int length = JsonText.removeNulEscapes(json.bytes(), json.length());
        out.writeBytes(JSONB_VERSION, json.bytes(), length);
    }
}
