package io.tributary.readers.file;

import io.tributary.connector.record.RecordSchema;
import io.tributary.connector.record.SourceRecord;
import java.io.IOException;
import java.util.List;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.MessageColumnIO;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ParseException;
import tools.jackson.databind.node.ObjectNode;

/**
 * The rows of a Parquet file, read with parquet-java one row group at a time (only the current row
 * group's pages are in memory) into typed records. The schema comes from the file's footer. Parquet
 * needs random access, so a file that is not local (HTTP), compressed or inside a zip archive is
 * first copied to a temporary local file. A restart skips whole row groups without decoding them.
 */
final class ParquetRecordCursor implements RecordCursor {

    private final String name;
    private final LocalFile local;
    private final ParquetFileReader reader;
    private final MessageType fileSchema;
    private final MessageColumnIO columnIO;
    private final ParquetConverters.Rows rows;
    private final RecordSchema recordSchema;
    private final List<String> columns;
    private RecordReader<Object[]> rowGroup;
    private long leftInGroup;
    private int nextGroup;
    private long row;
    private Object[] current;

    private ParquetRecordCursor(String name, LocalFile local, ParquetFileReader reader) {
        this.name = name;
        this.local = local;
        this.reader = reader;
        this.fileSchema = reader.getFooter().getFileMetaData().getSchema();
        this.columnIO = new ColumnIOFactory().getColumnIO(fileSchema);
        this.rows = new ParquetConverters.Rows(fileSchema);
        this.columns = fileSchema.getFields().stream().map(Type::getName).toList();
        this.recordSchema = RecordSchema.of(columns);
    }

    static ParquetRecordCursor open(FileContent.Part part) {
        LocalFile local = LocalFile.of(part, ".parquet");
        try {
            ParquetFileReader reader = ParquetFileReader.open(
                    new LocalInputFile(local.path()),
                    ParquetReadOptions.builder().build());
            return new ParquetRecordCursor(part.name(), local, reader);
        } catch (IOException | RuntimeException e) {
            local.close();
            throw new ItemStreamException(
                    part.name() + ": not a readable Parquet file (" + e.getMessage()
                            + "); check the format setting, or that the file was completely written",
                    e);
        }
    }

    /** The stream schema the footer declares: no rows are sampled. */
    @Override
    public ObjectNode declaredSchema() {
        return ParquetTypes.streamSchema(fileSchema);
    }

    @Override
    public List<String> columns() {
        return columns;
    }

    @Override
    public boolean next() {
        try {
            while (leftInGroup == 0) {
                PageReadStore pages = reader.readNextRowGroup();
                if (pages == null) {
                    current = null;
                    return false;
                }
                nextGroup++;
                rowGroup = columnIO.getRecordReader(pages, rows);
                leftInGroup = pages.getRowCount();
            }
            current = rowGroup.read();
            leftInGroup--;
            row++;
            return true;
        } catch (IOException | RuntimeException e) {
            throw new ParseException(
                    name + ": row " + (row + 1) + ": cannot read the Parquet data (" + e.getMessage()
                            + "); the file may be damaged",
                    e);
        }
    }

    /** Skips whole row groups from their row counts in the footer, then single rows. */
    @Override
    public long skip(long n) {
        long skipped = 0;
        List<org.apache.parquet.hadoop.metadata.BlockMetaData> groups = reader.getRowGroups();
        while (skipped < n
                && leftInGroup == 0
                && nextGroup < groups.size()
                && groups.get(nextGroup).getRowCount() <= n - skipped) {
            long count = groups.get(nextGroup).getRowCount();
            if (!reader.skipNextRowGroup()) {
                break;
            }
            nextGroup++;
            skipped += count;
            row += count;
        }
        while (skipped < n && next()) {
            skipped++;
        }
        return skipped;
    }

    @Override
    public SourceRecord record(long emittedAt) {
        if (current == null) {
            throw new IllegalStateException("no current record: call next() first");
        }
        return SourceRecord.typed(recordSchema, current, emittedAt);
    }

    @Override
    public void close() {
        try {
            reader.close();
        } catch (IOException ignored) {
            // reading only: nothing is lost
        } finally {
            local.close();
        }
    }
}
