package io.tributary.readers.file;

import java.io.Closeable;
import java.io.Reader;
import java.util.List;

import io.tributary.connector.record.SourceRecord;

/**
 * Walks a file's records one at a time, holding only the current one. Problems in the content
 * are reported as {@link org.springframework.batch.infrastructure.item.ParseException}s whose
 * message starts with {@code <file>:<line>:}.
 */
interface RecordCursor extends Closeable {

    /** Moves to the next record; {@code false} at the end of the file. */
    boolean next();

    /**
     * The current record (built on demand: skipping records on restart costs no conversion): typed
     * values for CSV, the line's JSON object for JSON Lines.
     */
    SourceRecord record(long emittedAt);

    /** The columns a CSV file declares (its header, or {@code column_1..n}); empty for JSON Lines. */
    List<String> columns();

    @Override
    void close();

    /**
     * Opens the records of the file the settings name.
     *
     * @param schema the stream schema whose property types CSV values are converted to, or
     *     {@code null} to keep every CSV value as text
     * @param fix what the user should check when the file cannot be opened
     */
    static RecordCursor open(FileSourceSettings settings, FileLocation.HttpAccess http, tools.jackson.databind.JsonNode schema, String fix) {
        Reader text = TextInput.open(settings, http, fix);
        BoundedRecordReader bounded = new BoundedRecordReader(text, BoundedRecordReader.MAX_RECORD_CHARS);
        try {
            return switch (settings.format()) {
                case CSV -> new CsvRecordCursor(bounded, settings, schema);
                case JSONL -> new JsonLinesRecordCursor(bounded, settings);
            };
        } catch (RuntimeException e) {
            bounded.closeQuietly();
            throw e;
        }
    }
}
