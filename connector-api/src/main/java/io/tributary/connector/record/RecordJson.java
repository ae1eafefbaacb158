package io.tributary.connector.record;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Encodes record data as the JSON text destinations store: UTF-8, exact decimals written as plain
 * digits (never through a double, never in exponent form). One instance reuses one generator and
 * one buffer for every value, so a record costs no generator set-up; not thread-safe, one per thread.
 * Only destinations that store JSON (raw tables, JSON Lines) encode, once, straight from the
 * record's typed values.
 */
public final class RecordJson {

    /** The mapper: plain decimals, no separator between root values (each value is encoded alone). */
    public static final JsonMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .rootValueSeparator((String) null)
                    .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
                    .build())
            .build();

    private final Buffer buffer = new Buffer();
    private final JsonGenerator generator = MAPPER.createGenerator(buffer);

    /** {@code value} as JSON text in a new array of exactly its length. */
    public byte[] encode(JsonNode value) {
        buffer.reset();
        generator.writeTree(value);
        generator.flush();
        return Arrays.copyOf(buffer.bytes(), buffer.size());
    }

    /** The record's data as JSON text in a new array of exactly its length. */
    public byte[] encode(SourceRecord record) {
        encodeInPlace(record);
        return Arrays.copyOf(buffer.bytes(), buffer.size());
    }

    /**
     * Encodes the record's data into this encoder's own buffer, valid until the next call: read it
     * with {@link #bytes()} and {@link #length()}, no copy made.
     */
    public void encodeInPlace(SourceRecord record) {
        buffer.reset();
        record.writeJson(generator);
        generator.flush();
    }

    /** Encodes a JSON value into this encoder's own buffer (see {@link #encodeInPlace(SourceRecord)}). */
    public void encodeInPlace(JsonNode value) {
        buffer.reset();
        generator.writeTree(value);
        generator.flush();
    }

    /** The buffer of the last {@code encodeInPlace}. */
    public byte[] bytes() {
        return buffer.bytes();
    }

    /** The length of the last {@code encodeInPlace}'s text in {@link #bytes()}. */
    public int length() {
        return buffer.size();
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
