package io.tributary.writers.format;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Passes bytes on and counts them: the size of a file being written, for rolling files over at a
 * size (JSON Lines) and for the positions Parquet's footer records (row group offsets).
 */
public final class CountingOutputStream extends OutputStream {

    private final OutputStream target;
    private long count;

    public CountingOutputStream(OutputStream target) {
        this.target = target;
    }

    /** Bytes written so far. */
    public long count() {
        return count;
    }

    @Override
    public void write(int b) throws IOException {
        target.write(b);
        count++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        target.write(b, off, len);
        count += len;
    }

    @Override
    public void flush() throws IOException {
        target.flush();
    }

    @Override
    public void close() throws IOException {
        target.close();
    }
}
