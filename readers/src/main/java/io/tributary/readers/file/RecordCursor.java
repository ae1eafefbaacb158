package io.tributary.readers.file;

import io.tributary.connector.record.SourceRecord;
import java.io.Closeable;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Walks a file's records one at a time, holding only the current one. Problems in the content
 * are reported as {@link org.springframework.batch.infrastructure.item.ParseException}s whose
 * message starts with the file (or archive entry) and the position in it.
 */
interface RecordCursor extends Closeable {

    /** Moves to the next record; {@code false} at the end of the file. */
    boolean next();

    /**
     * The current record (built on demand: skipping records on restart costs no conversion): typed
     * values for CSV, Parquet and Excel, the JSON object for JSON Lines and JSON.
     */
    SourceRecord record(long emittedAt);

    /** The columns a CSV file or a sheet declares in its header (or Parquet in its footer); empty for JSON. */
    List<String> columns();

    /** The stream schema the file itself declares (Parquet's footer), or {@code null} when it must be inferred. */
    default ObjectNode declaredSchema() {
        return null;
    }

    /** Moves past up to {@code n} records without building them; returns how many there were. */
    default long skip(long n) {
        long skipped = 0;
        while (skipped < n && next()) {
            skipped++;
        }
        return skipped;
    }

    @Override
    void close();

    /**
     * Opens the records of the file the settings name: of each of its parts in turn (the entries of a
     * zip archive), as the format reads them.
     *
     * @param schema the stream schema whose property types CSV and Excel values are converted to, or
     *     {@code null} to keep every CSV value as text
     * @param fix what the user should check when the file cannot be opened
     */
    static RecordCursor open(FileSourceSettings settings, FileLocation.HttpAccess http, JsonNode schema, String fix) {
        FileContent content = FileContent.open(settings, http, fix);
        try {
            return new PartsRecordCursor(content, part -> openPart(part, settings, schema));
        } catch (RuntimeException e) {
            content.close();
            throw e;
        }
    }

    private static RecordCursor openPart(FileContent.Part part, FileSourceSettings settings, JsonNode schema) {
        return switch (settings.format()) {
            case PARQUET -> ParquetRecordCursor.open(part);
            case EXCEL -> ExcelRecordCursor.open(part, settings, schema);
            case CSV, JSONL, JSON -> {
                BoundedRecordReader bounded = new BoundedRecordReader(
                        TextInput.open(part, settings.encoding()), BoundedRecordReader.MAX_RECORD_CHARS);
                try {
                    yield switch (settings.format()) {
                        case CSV -> new CsvRecordCursor(bounded, part.name(), settings, schema);
                        case JSONL -> new JsonLinesRecordCursor(bounded, part.name(), settings);
                        default -> new JsonRecordCursor(bounded, part.name(), settings);
                    };
                } catch (RuntimeException e) {
                    bounded.closeQuietly();
                    throw e;
                }
            }
        };
    }
}
