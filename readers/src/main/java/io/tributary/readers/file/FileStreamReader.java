package io.tributary.readers.file;

import io.tributary.connector.record.SourceRecord;
import io.tributary.connector.source.ReadAheadSafe;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.springframework.batch.infrastructure.item.ReaderNotOpenException;
import tools.jackson.databind.JsonNode;

/**
 * Reads the one stream of a file source, streaming: only the current record is in memory.
 *
 * <p>Restartable: {@link #update} saves the number of records read under
 * {@code <stream>.records_read}; {@link #open} with a saved count reads the file again from the
 * start and skips that many records without converting them. Skipping re-reads the bytes, which
 * works for every location and compression alike (a byte offset would only help local
 * uncompressed files); Parquet skips whole row groups from its footer. {@link ReadAheadSafe}: update only saves that count.
 */
final class FileStreamReader implements ItemStreamReader<SourceRecord>, ReadAheadSafe {

    private final FileSourceSettings settings;
    private final FileLocation.HttpAccess http;
    private final String stream;
    private final JsonNode schema;
    private final String positionKey;
    private RecordCursor cursor;
    private long recordsRead;

    /**
     * @param schema the stream schema from the configured catalog: CSV values are converted to its types
     */
    FileStreamReader(FileSourceSettings settings, FileLocation.HttpAccess http, String stream, JsonNode schema) {
        this.settings = settings;
        this.http = http;
        this.stream = stream;
        this.schema = schema;
        this.positionKey = stream + ".records_read";
    }

    @Override
    public void open(ExecutionContext context) {
        long resumeAt = context.containsKey(positionKey) ? context.getLong(positionKey) : 0;
        cursor = RecordCursor.open(settings, http, schema, FileSource.urlFix(stream));
        recordsRead = cursor.skip(resumeAt);
        if (recordsRead < resumeAt) {
            long found = recordsRead;
            close();
            throw new ItemStreamException(settings.location().display() + " now holds " + found
                    + " records, but the interrupted sync of stream '" + stream + "' had already read " + resumeAt
                    + "; the file changed since: start a new sync instead of restarting this one");
        }
    }

    @Override
    public SourceRecord read() {
        if (cursor == null) {
            throw new ReaderNotOpenException("the reader of stream '" + stream + "' is not open; call open() first");
        }
        if (!cursor.next()) {
            return null;
        }
        SourceRecord record = cursor.record(System.currentTimeMillis());
        recordsRead++;
        return record;
    }

    @Override
    public void update(ExecutionContext context) {
        context.putLong(positionKey, recordsRead);
    }

    @Override
    public void close() {
        if (cursor != null) {
            cursor.close();
            cursor = null;
        }
    }
}
