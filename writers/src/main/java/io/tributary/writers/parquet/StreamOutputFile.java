package io.tributary.writers.parquet;

import io.tributary.writers.format.CountingOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.PositionOutputStream;

/**
 * A Parquet {@link OutputFile} over an already open stream (a local durable file, an S3 multipart
 * upload), so Parquet is written without any Hadoop file system. The position Parquet records in its
 * footer is the count of bytes written through this file.
 */
final class StreamOutputFile implements OutputFile {

    private final OutputStream out;
    private final String description;

    StreamOutputFile(OutputStream out, String description) {
        this.out = out;
        this.description = description;
    }

    @Override
    public PositionOutputStream create(long blockSizeHint) {
        CountingOutputStream counted = new CountingOutputStream(out);
        return new PositionOutputStream() {
            @Override
            public long getPos() {
                return counted.count();
            }

            @Override
            public void write(int b) throws IOException {
                counted.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                counted.write(b, off, len);
            }

            @Override
            public void flush() throws IOException {
                counted.flush();
            }

            @Override
            public void close() throws IOException {
                counted.close();
            }
        };
    }

    @Override
    public PositionOutputStream createOrOverwrite(long blockSizeHint) {
        return create(blockSizeHint);
    }

    @Override
    public boolean supportsBlockSize() {
        return false;
    }

    @Override
    public long defaultBlockSize() {
        return 0;
    }

    @Override
    public String getPath() {
        return description;
    }
}
