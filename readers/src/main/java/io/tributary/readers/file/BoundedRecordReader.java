package io.tributary.readers.file;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;

/**
 * Fails when one record grows beyond a limit, so that a quote never closed (or a line that never
 * ends) cannot pull the rest of a large file into one value and exhaust the heap. The cursor marks
 * each record boundary; the parsers' read-ahead buffers make the count approximate, which is fine
 * for a limit of millions of characters.
 */
final class BoundedRecordReader extends FilterReader {

    /** 8 Mi characters (16 MiB of heap): far beyond any sane record, far below a heap. */
    static final long MAX_RECORD_CHARS = 8L * 1024 * 1024;

    /** Thrown (through the parsers) when the limit is passed. */
    static final class RecordTooLongException extends IOException {
        RecordTooLongException(long limit) {
            super("a record longer than " + limit + " characters");
        }
    }

    private final long limit;
    private long sinceBoundary;

    BoundedRecordReader(Reader in, long limit) {
        super(in);
        this.limit = limit;
    }

    /** The parser is at a record boundary: start counting again. */
    void recordBoundary() {
        sinceBoundary = 0;
    }

    long limit() {
        return limit;
    }

    @Override
    public int read() throws IOException {
        int c = super.read();
        if (c >= 0) {
            count(1);
        }
        return c;
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            count(n);
        }
        return n;
    }

    private void count(int n) throws RecordTooLongException {
        sinceBoundary += n;
        if (sinceBoundary > limit) {
            throw new RecordTooLongException(limit);
        }
    }

    void closeQuietly() {
        try {
            close();
        } catch (IOException ignored) {
            // nothing left to release
        }
    }
}
