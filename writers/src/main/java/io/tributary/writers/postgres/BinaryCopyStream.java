package io.tributary.writers.postgres;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.util.UUID;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;
import org.postgresql.util.ByteConverter;

/**
 * One {@code COPY ... FROM STDIN (FORMAT binary)}: rows are encoded into a 64 KB buffer in
 * PostgreSQL's binary copy format (big-endian, each field prefixed with its length, -1 for NULL)
 * and handed to pgjdbc when the buffer fills, so a chunk of any size streams in bounded memory.
 */
final class BinaryCopyStream {

    private static final byte[] HEADER = {
        'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0, 0, 0, 0, 0, 0, 0, 0, 0
    };
    private static final int BUFFER = 1 << 16;
    /** The version of jsonb's binary format: the JSON text follows. */
    private static final byte JSONB_VERSION = 1;

    private final CopyIn copy;
    private final byte[] buffer = new byte[BUFFER];
    private int position;

    BinaryCopyStream(CopyManager copyManager, String copySql) throws SQLException {
        this.copy = copyManager.copyIn(copySql);
        ensure(HEADER.length);
        System.arraycopy(HEADER, 0, buffer, 0, HEADER.length);
        position = HEADER.length;
    }

    void startRow(int fields) throws SQLException {
        ensure(2);
        putShort(fields);
    }

    void writeNull() throws SQLException {
        ensure(4);
        putInt(-1);
    }

    void writeBoolean(boolean value) throws SQLException {
        ensure(5);
        putInt(1);
        buffer[position++] = (byte) (value ? 1 : 0);
    }

    void writeInt8(long value) throws SQLException {
        ensure(12);
        putInt(8);
        putLong(value);
    }

    /** A {@code timetz}: microseconds of the day and the zone's offset in seconds west of UTC. */
    void writeTimeTz(long micros, int secondsWest) throws SQLException {
        ensure(16);
        putInt(12);
        putLong(micros);
        putInt(secondsWest);
    }

    void writeInt4(int value) throws SQLException {
        ensure(8);
        putInt(4);
        putInt(value);
    }

    /** A {@code uuid}: its 16 bytes, most significant first. */
    void writeUuid(UUID value) throws SQLException {
        ensure(20);
        putInt(16);
        putLong(value.getMostSignificantBits());
        putLong(value.getLeastSignificantBits());
    }

    /** A {@code numeric}: most values straight into the buffer ({@link BinaryNumeric}), others through pgjdbc. */
    void writeNumeric(BigDecimal value) throws SQLException {
        ensure(4 + BinaryNumeric.MAX_COMPACT_BYTES);
        int length = BinaryNumeric.writeCompact(value, buffer, position + 4);
        if (length < 0) {
            writeBytes(ByteConverter.numeric(value));
            return;
        }
        putInt(length);
        position += length;
    }

    void writeBytes(byte[] value) throws SQLException {
        writeBytes(null, value);
    }

    /** A field of {@code prefix} (may be null) followed by {@code value}, e.g. jsonb's version byte and its text. */
    void writeBytes(byte[] prefix, byte[] value) throws SQLException {
        writeBytes(prefix, value, value.length);
    }

    /** A field of {@code prefix} (may be null) followed by the first {@code length} bytes of {@code value}. */
    void writeBytes(byte[] prefix, byte[] value, int length) throws SQLException {
        int prefixLength = prefix == null ? 0 : prefix.length;
        ensure(4);
        putInt(prefixLength + length);
        if (prefixLength > 0) {
            append(prefix, prefixLength);
        }
        append(value, length);
    }

    /**
     * A text field: UTF-8 without NUL characters ({@link PostgresColumnTypes#text}). An ASCII string,
     * the usual case, is copied straight into the buffer, without a byte array of its own.
     */
    void writeText(String value) throws SQLException {
        if (!writeAscii(-1, value, false)) {
            writeBytes(PostgresColumnTypes.text(value));
        }
    }

    /**
     * A {@code jsonb} field: the format's version byte, then the JSON text as UTF-8 without NUL
     * characters or {@code \u0000} escapes ({@link JsonText}). ASCII text without any backslash (so
     * without escapes), such as an {@code _airbyte_meta} without changes, goes straight into the buffer.
     */
    void writeJsonb(String json) throws SQLException {
        if (!writeAscii(JSONB_VERSION, json, true)) {
            writeBytes(new byte[] {JSONB_VERSION}, JsonText.withoutNulEscapes(PostgresColumnTypes.text(json)));
        }
    }

    /**
     * Writes {@code value} as a field, after the byte {@code prefix} unless it is -1, when it is ASCII
     * without NUL characters (and without backslashes if {@code noBackslash}) and fits the buffer;
     * returns false, having written nothing, otherwise.
     */
    private boolean writeAscii(int prefix, String value, boolean noBackslash) throws SQLException {
        int length = value.length();
        int prefixLength = prefix < 0 ? 0 : 1;
        if (length > BUFFER - 4 - prefixLength) {
            return false;
        }
        ensure(4 + prefixLength + length);
        int at = position + 4 + prefixLength;
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            if (c == 0 || c >= 0x80 || (noBackslash && c == '\\')) {
                return false;
            }
            buffer[at + i] = (byte) c;
        }
        putInt(prefixLength + length);
        if (prefixLength > 0) {
            buffer[position++] = (byte) prefix;
        }
        position += length;
        return true;
    }

    /** Ends the COPY: writes the trailer and returns the number of rows the server stored. */
    long finish() throws SQLException {
        ensure(2);
        putShort(-1);
        flush();
        return copy.endCopy();
    }

    /** Abandons the COPY (the transaction is rolled back by the caller). */
    void cancel() {
        try {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        } catch (SQLException ignored) {
            // the connection is rolled back or closed next
        }
    }

    private void append(byte[] bytes, int length) throws SQLException {
        if (length > BUFFER) {
            flush();
            copy.writeToCopy(bytes, 0, length);
            return;
        }
        ensure(length);
        System.arraycopy(bytes, 0, buffer, position, length);
        position += length;
    }

    private void ensure(int bytes) throws SQLException {
        if (position + bytes > BUFFER) {
            flush();
        }
    }

    private void flush() throws SQLException {
        if (position > 0) {
            copy.writeToCopy(buffer, 0, position);
            position = 0;
        }
    }

    private void putShort(int v) {
        buffer[position++] = (byte) (v >>> 8);
        buffer[position++] = (byte) v;
    }

    private void putInt(int v) {
        buffer[position++] = (byte) (v >>> 24);
        buffer[position++] = (byte) (v >>> 16);
        buffer[position++] = (byte) (v >>> 8);
        buffer[position++] = (byte) v;
    }

    private void putLong(long v) {
        putInt((int) (v >>> 32));
        putInt((int) v);
    }
}
