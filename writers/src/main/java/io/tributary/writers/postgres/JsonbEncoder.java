package io.tributary.writers.postgres;

import java.io.ByteArrayOutputStream;
import java.sql.SQLException;

import io.tributary.connector.record.RecordJson;
import io.tributary.connector.record.SourceRecord;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;

/**
 * Encodes JSON as binary COPY jsonb fields (version byte, then the JSON text), exact decimals written
 * as plain digits as jsonb keeps them ({@link RecordJson#MAPPER}). A record is encoded straight from
 * its typed values (or its document) with one reused generator into one reused buffer, so it costs no
 * tree, no generator set-up and no byte array of its own; any {@code \u0000} escape is dropped
 * ({@link JsonText}) on the way into the COPY stream. Not thread-safe: one per loader.
 */
final class JsonbEncoder {

    private static final byte[] JSONB_VERSION = {1};

    private final Buffer buffer = new Buffer();
    private final JsonGenerator generator = RecordJson.MAPPER.createGenerator(buffer);

    /** Writes the record's data as one jsonb field of the current row. */
    void write(BinaryCopyStream out, SourceRecord record) throws SQLException {
        buffer.reset();
        record.writeJson(generator);
        generator.flush();
        int length = JsonText.removeNulEscapes(buffer.bytes(), buffer.size());
        out.writeBytes(JSONB_VERSION, buffer.bytes(), length);
    }

    /** Writes {@code value} as one jsonb field of the current row. */
    void write(BinaryCopyStream out, JsonNode value) throws SQLException {
        buffer.reset();
        generator.writeTree(value);
        generator.flush();
        int length = JsonText.removeNulEscapes(buffer.bytes(), buffer.size());
        out.writeBytes(JSONB_VERSION, buffer.bytes(), length);
    }

    /** A byte buffer whose array can be read without a copy. */
    private static final class Buffer extends ByteArrayOutputStream {
        Buffer() {
            super(4096);
        }

        byte[] bytes() {
            return buf;
        }
    }
}
