package io.tributary.writers.format;

import java.io.Closeable;

/**
 * Writes the rows of one normalized table into one file (JSON Lines or Parquet), streaming: a row is
 * encoded as it comes and never kept longer than the format needs (Parquet holds one row group).
 */
public interface TableFileWriter extends Closeable {

    /** Appends one row; {@code values[i]} belongs to the table's i-th column. */
    void write(Object[] values);

    /** Rows written so far. */
    long rows();

    /** Bytes handed to the output so far (for Parquet: encoded row groups, not the buffered one). */
    long bytesWritten();

    /** Finishes the file (Parquet footer) and closes the output. */
    @Override
    void close();
}
