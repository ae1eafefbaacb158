package io.tributary.writers.parquet;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

import io.tributary.connector.schema.TableSchema;
import io.tributary.writers.format.TableFileWriter;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.io.OutputFile;

/**
 * Writes a normalized table's rows as one Parquet file into a stream, through parquet-java's own
 * {@link OutputFile} (no Hadoop file system). Memory: one row group ({@code block_size_mb}) at most.
 */
public final class ParquetTableWriter implements TableFileWriter {

    private final ParquetWriter<Object[]> writer;
    private long rows;

    public ParquetTableWriter(TableSchema table, OutputStream out, ParquetOptions options) {
        TableRowWriteSupport support = new TableRowWriteSupport(table, options);
        try {
            this.writer = new Builder(new StreamOutputFile(out, table.qualifiedName()), support)
                    .withConf(new PlainParquetConfiguration())
                    .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
                    .withCompressionCodec(options.codec())
                    .withRowGroupSize(options.blockSizeBytes())
                    .withMaxPaddingSize(options.maxPaddingBytes())
                    .withPageSize(options.pageSizeBytes())
                    .withDictionaryPageSize(options.dictionaryPageSizeBytes())
                    .withDictionaryEncoding(options.dictionaryEncoding())
                    .build();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start Parquet file for " + table.qualifiedName() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void write(Object[] values) {
        try {
            writer.write(values);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        rows++;
    }

    @Override
    public long rows() {
        return rows;
    }

    @Override
    public long bytesWritten() {
        return writer.getDataSize();
    }

    @Override
    public void close() {
        try {
            writer.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final class Builder extends ParquetWriter.Builder<Object[], Builder> {
        private final TableRowWriteSupport support;

        Builder(OutputFile file, TableRowWriteSupport support) {
            super(file);
            this.support = support;
        }

        @Override
        protected Builder self() {
            return this;
        }

        @Override
        protected WriteSupport<Object[]> getWriteSupport(Configuration conf) {
            return support;
        }

        @Override
        protected WriteSupport<Object[]> getWriteSupport(org.apache.parquet.conf.ParquetConfiguration conf) {
            return support;
        }
    }
}
