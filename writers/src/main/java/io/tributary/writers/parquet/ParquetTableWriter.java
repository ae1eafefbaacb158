package io.tributary.writers.parquet;

import io.tributary.connector.schema.Column;
import io.tributary.connector.schema.TableSchema;
import io.tributary.writers.format.TableFileWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.ref.Cleaner;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.io.OutputFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a normalized table's rows as one Parquet file into a stream, through parquet-java's own
 * {@link OutputFile} (no Hadoop file system). Memory: one row group, of {@code block_size_mb} or the
 * smaller share {@link RowGroupMemory} gives it.
 */
public final class ParquetTableWriter implements TableFileWriter {

    private static final Logger log = LoggerFactory.getLogger(ParquetTableWriter.class);

    private final TableRowWriteSupport support;
    /** Gives the row group's share of {@link RowGroupMemory} back on close (or if this writer is dropped unclosed). */
    private final Cleaner.Cleanable memoryShare;

    private final long rowGroupBytes;
    private final ParquetWriter<Object[]> writer;
    private long rows;
    private boolean closed;

    public ParquetTableWriter(TableSchema table, OutputStream out, ParquetOptions options) {
        this(table, out, options, RowGroupMemory.jvm());
    }

    /** A writer whose row group size is bounded by {@code memory}'s share for each open writer. */
    ParquetTableWriter(TableSchema table, OutputStream out, ParquetOptions options, RowGroupMemory memory) {
        this.support = new TableRowWriteSupport(table, options);
        this.rowGroupBytes = memory.open(options.blockSizeBytes());
        this.memoryShare = memory.register(this, rowGroupBytes);
        try {
            Builder builder = new Builder(new StreamOutputFile(out, table.qualifiedName()), support)
                    .withConf(new PlainParquetConfiguration())
                    .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
                    .withCompressionCodec(options.codec())
                    .withRowGroupSize(rowGroupBytes)
                    .withMaxPaddingSize(options.maxPaddingBytes())
                    .withPageSize(options.pageSizeBytes())
                    .withDictionaryPageSize(options.dictionaryPageSizeBytes())
                    .withDictionaryEncoding(options.dictionaryEncoding());
            for (Column column : table.columns()) {
                if (isUniquePerRow(column)) {
                    // A dictionary of values that never repeat only costs: every value is hashed and
                    // compared, then the column falls back to plain encoding anyway (the JFR profile of
                    // a normalized sync to Parquet spent a quarter of the writer's time on it).
                    builder = builder.withDictionaryEncoding(column.name(), false);
                }
            }
            this.writer = builder.build();
        } catch (IOException e) {
            memoryShare.clean();
            throw new UncheckedIOException(
                    "cannot start Parquet file for " + table.qualifiedName() + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            memoryShare.clean();
            throw e;
        }
    }

    /** Ids, hashids and raw records: written once per row and never repeated. */
    static boolean isUniquePerRow(Column column) {
        String name = column.name();
        return column.isMetadata()
                && (name.equals("_airbyte_ab_id") || name.endsWith("_hashid") || name.equals("_airbyte_data"));
    }

    /** The row group size this writer uses: {@code block_size_mb}, or less when many writers are open. */
    long rowGroupBytes() {
        return rowGroupBytes;
    }

    /** Values written as NULL because they fit no value of their column's Parquet type (also logged on close). */
    public long nulledValues() {
        return support.columns().stream().mapToLong(ParquetColumn::nulled).sum();
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
        if (closed) {
            return;
        }
        closed = true;
        try {
            writer.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            memoryShare.clean();
            support.columns().stream().filter(c -> c.nulled() > 0).forEach(c -> log.warn(c.nulledSummary()));
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
