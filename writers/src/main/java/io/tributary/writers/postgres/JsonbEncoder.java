package io.tributary.writers.postgres;

import java.io.ByteArrayOutputStream;
import java.sql.SQLException;

import tools.jackson.core.JsonGenerator;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Encodes JSON trees as binary COPY jsonb fields (version byte, then the JSON text), exact decimals
 * written as plain digits as jsonb keeps them. One generator and one buffer serve every value, so a
 * record costs no generator set-up and no byte array of its own: its text goes into the reused
 * buffer, loses any {@code \u0000} escape there ({@link JsonText}) and is copied into the COPY stream.
 * Not thread-safe: one per loader.
 */
final class JsonbEncoder {

    private static final JsonMapper JSON = JsonMapper.builder(JsonFactory.builder()
                    .rootValueSeparator((String) null)
                    .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
                    .build())
            .build();
    private static final byte[] JSONB_VERSION = {1};

    private final Buffer buffer = new Buffer();
    private final JsonGenerator generator = JSON.createGenerator(buffer);

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
