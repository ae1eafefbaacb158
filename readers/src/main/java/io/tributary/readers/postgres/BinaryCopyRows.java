package io.tributary.readers.postgres;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads the rows of a {@code COPY ... TO STDOUT (FORMAT binary)} stream: the signature and header,
 * then per row a field count and each field as a length (-1 for NULL) and its bytes in the type's
 * binary send format, then the trailer. Fields are handed as slices of one reused buffer
 * ({@link #buffer()}, {@link #offset()}, {@link #length()}), so a row costs no byte array of its own.
 */
final class BinaryCopyRows {

    private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0};

    private final InputStream in;
    private byte[] buffer = new byte[1 << 16];
    private int position;
    private int limit;
    private int fieldOffset;
    private int fieldLength;
    private boolean started;

    BinaryCopyRows(InputStream in) {
        this.in = in;
    }

    /**
     * Moves to the next row; {@code false} at the trailer.
     *
     * @param expectedFields the fields each row has
     */
    boolean nextRow(int expectedFields) throws IOException {
        if (!started) {
            readHeader();
            started = true;
        }
        int fields = readShort();
        if (fields == -1) {
            return false;
        }
        if (fields != expectedFields) {
            throw new IOException("COPY row has " + fields + " fields, expected " + expectedFields);
        }
        return true;
    }

    /** Moves to the next field of the row; {@code false} when it is NULL. */
    boolean nextField() throws IOException {
        int length = readInt();
        if (length < 0) {
            fieldLength = -1;
            return false;
        }
        require(length);
        fieldOffset = position;
        fieldLength = length;
        position += length;
        return true;
    }

    byte[] buffer() {
        return buffer;
    }

    int offset() {
        return fieldOffset;
    }

    int length() {
        return fieldLength;
    }

    /** The field's bytes as UTF-8 text. */
    String text() {
        return new String(buffer, fieldOffset, fieldLength, StandardCharsets.UTF_8);
    }

    /** A copy of the field's bytes. */
    byte[] bytes() {
        return Arrays.copyOfRange(buffer, fieldOffset, fieldOffset + fieldLength);
    }

    short shortAt(int at) {
        return (short) (((buffer[at] & 0xff) << 8) | (buffer[at + 1] & 0xff));
    }

    int intAt(int at) {
        return ((buffer[at] & 0xff) << 24)
                | ((buffer[at + 1] & 0xff) << 16)
                | ((buffer[at + 2] & 0xff) << 8)
                | (buffer[at + 3] & 0xff);
    }

    long longAt(int at) {
        return ((long) intAt(at) << 32) | (intAt(at + 4) & 0xffffffffL);
    }

    private void readHeader() throws IOException {
        require(SIGNATURE.length + 8);
        for (int i = 0; i < SIGNATURE.length; i++) {
            if (buffer[position + i] != SIGNATURE[i]) {
                throw new IOException("Not a binary COPY stream (bad signature)");
            }
        }
        position += SIGNATURE.length + 4; // the flags field: no OIDs in PostgreSQL 12+
        int extension = readInt();
        require(extension);
        position += extension;
    }

    private int readShort() throws IOException {
        require(2);
        short value = shortAt(position);
        position += 2;
        return value;
    }

    private int readInt() throws IOException {
        require(4);
        int value = intAt(position);
        position += 4;
        return value;
    }

    /** Makes at least {@code bytes} unread bytes available in the buffer from {@link #position}. */
    private void require(int bytes) throws IOException {
        if (limit - position >= bytes) {
            return;
        }
        if (bytes > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(bytes, buffer.length * 2));
        }
        if (position > 0) {
            System.arraycopy(buffer, position, buffer, 0, limit - position);
            limit -= position;
            position = 0;
        }
        while (limit < bytes) {
            int read = in.read(buffer, limit, buffer.length - limit);
            if (read < 0) {
                throw new EOFException("The COPY stream ended inside a row");
            }
            limit += read;
        }
    }
}
