package io.tributary.writers.postgres;

import io.tributary.connector.record.RecordJson;
import io.tributary.connector.record.SourceRecord;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Encodes JSON as binary COPY jsonb fields (version byte, then the JSON text), exact decimals written
 * as plain digits as jsonb keeps them ({@link RecordJson}). A record is encoded straight from its
 * typed values (or its document), a chunk's records on every core at once, each thread with its own
 * reused encoder; any {@code \u0000} escape is dropped ({@link JsonText}) on the way into the COPY stream.
 */
final class JsonbEncoder {

    private static final byte[] JSONB_VERSION = {1};

    /** Each encoding thread's encoder, for {@link #encodeAll}. */
    private static final ThreadLocal<RecordJson> ENCODERS = ThreadLocal.withInitial(RecordJson::new);

    /**
     * The jsonb text of each record (without {@code \u0000} escapes), encoded on every core at once:
     * the writer's thread then only copies bytes into the COPY stream, so encoding a chunk's raw JSON
     * does not hold up the load.
     */
    static byte[][] encodeAll(List<? extends SourceRecord> records) {
        byte[][] encoded = new byte[records.size()][];
        IntStream.range(0, encoded.length).parallel().forEach(i -> {
            RecordJson encoder = ENCODERS.get();
            encoder.encodeInPlace(records.get(i));
            int length = JsonText.removeNulEscapes(encoder.bytes(), encoder.length());
            encoded[i] = Arrays.copyOf(encoder.bytes(), length);
        });
        return encoded;
    }

    /** Writes JSON text {@link #encodeAll} made as one jsonb field of the current row. */
    static void writeEncoded(BinaryCopyStream out, byte[] jsonText) throws SQLException {
        out.writeBytes(JSONB_VERSION, jsonText, jsonText.length);
    }

    private JsonbEncoder() {}
}
