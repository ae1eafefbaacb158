package io.tributary.readers.file;

import io.tributary.connector.record.RecordSchema;
import io.tributary.connector.record.SourceRecord;
import io.tributary.text.TextType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.batch.infrastructure.item.ParseException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * The records of a CSV file, streamed by Commons CSV. Each value is converted to the type its
 * column has in the stream schema; a value that does not fit is kept as the original text (and
 * reported once per column), so that normalization can record it instead of the row being lost.
 */
final class CsvRecordCursor implements RecordCursor {

    private static final Log LOG = LogFactory.getLog(CsvRecordCursor.class);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Commons CSV prefixes its parse errors with the line: "(line 7) ..." or "(startline 7) ...". */
    private static final Pattern CSV_ERROR = Pattern.compile("^\\((?:start)?line (\\d+)\\)\\s*(.*)$", Pattern.DOTALL);

    private final FileSourceSettings settings;
    private final String file;
    private final BoundedRecordReader input;
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private RecordSchema recordSchema;
    private final List<String> columns;
    private final TextType[] types;
    private final boolean[] mismatchReported;
    /** Without a header the first record is read early to count the columns; it is still data. */
    private CSVRecord firstDataRecord;

    private CSVRecord current;
    /** The line the record being parsed starts on, for problems found before it is complete. */
    private long recordStartLine = 1;

    /** @param file how messages name the file (or the archive entry) */
    CsvRecordCursor(BoundedRecordReader input, String file, FileSourceSettings settings, JsonNode schema) {
        this.settings = settings;
        this.file = file;
        this.input = input;
        try {
            this.parser = settings.csv().format().parse(input);
        } catch (IOException e) {
            throw translate(e);
        }
        this.records = parser.iterator();
        CSVRecord first = nextRaw();
        if (settings.csv().header()) {
            this.columns = first == null ? List.of() : columnNames(first);
        } else {
            this.firstDataRecord = first;
            this.columns = new ArrayList<>();
            for (int i = 1; first != null && i <= first.size(); i++) {
                columns.add("column_" + i);
            }
        }
        this.types = new TextType[columns.size()];
        JsonNode properties = schema == null ? null : schema.path("properties");
        for (int i = 0; i < types.length; i++) {
            types[i] = properties == null ? TextType.STRING : TextType.of(properties.path(columns.get(i)));
        }
        this.mismatchReported = new boolean[columns.size()];
    }

    /** Header names, trimmed; an empty name becomes column_N and a repeated one gets a _2, _3... suffix. */
    private List<String> columnNames(CSVRecord header) {
        List<String> names = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < header.size(); i++) {
            String raw = header.get(i);
            String name = raw == null || raw.isBlank() ? "column_" + (i + 1) : raw.trim();
            String unique = name;
            for (int n = 2; !seen.add(unique); n++) {
                unique = name + "_" + n;
            }
            if (!unique.equals(name)) {
                LOG.warn(file + ":" + lineOf(header) + ": column name '" + name + "' appears more than once; column "
                        + (i + 1) + " is read as '" + unique + "'");
            }
            names.add(unique);
        }
        return List.copyOf(names);
    }

    @Override
    public List<String> columns() {
        return columns;
    }

    @Override
    public boolean next() {
        if (firstDataRecord != null) {
            current = firstDataRecord;
            firstDataRecord = null;
            return true;
        }
        CSVRecord record = nextRaw();
        if (record == null) {
            current = null;
            return false;
        }
        if (record.size() != columns.size()) {
            throw new ParseException(file + ":" + lineOf(record) + ": expected " + columns.size() + " columns, found "
                    + record.size() + "; check the delimiter and quote_char settings, or fix the row");
        }
        current = record;
        return true;
    }

    private CSVRecord nextRaw() {
        input.recordBoundary();
        // Between records the parser's counter holds the number of lines completed.
        recordStartLine = parser.getCurrentLineNumber() + 1;
        try {
            return records.hasNext() ? records.next() : null;
        } catch (UncheckedIOException e) {
            throw translate(e.getCause());
        }
    }

    @Override
    public SourceRecord record(long emittedAt) {
        if (current == null) {
            throw new IllegalStateException("no current record: call next() first");
        }
        if (recordSchema == null) {
            recordSchema = RecordSchema.of(columns);
        }
        Object[] values = new Object[types.length];
        for (int i = 0; i < types.length; i++) {
            String text = current.get(i);
            if (text == null) {
                continue;
            }
            Object value = types[i].value(text);
            if (value == null) {
                value = text;
                reportMismatch(i);
            }
            values[i] = value;
        }
        return SourceRecord.typed(recordSchema, values, emittedAt);
    }

    /** Once per column: a file with a million bad values must not write a million log lines. */
    private void reportMismatch(int column) {
        if (mismatchReported[column]) {
            return;
        }
        mismatchReported[column] = true;
        // The value itself is left out: logs are read by more people than the data.
        LOG.warn(file + ":" + lineOf(current) + ": column '" + columns.get(column) + "' holds a value that is not "
                + types[column].description() + "; it is kept as text, and normalization records it in _airbyte_meta"
                + " (reported once per column)");
    }

    /**
     * The line a record starts on. The parser's line counter stands on the record's last line, so
     * line breaks inside quoted values are subtracted.
     */
    private long lineOf(CSVRecord record) {
        long breaks = 0;
        for (String value : record) {
            if (value == null) {
                continue;
            }
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c == '\n' || (c == '\r' && (i + 1 == value.length() || value.charAt(i + 1) != '\n'))) {
                    breaks++;
                }
            }
        }
        return Math.max(1, parser.getCurrentLineNumber() - breaks);
    }

    private ParseException translate(IOException e) {
        long line = recordStartLine;
        if (e instanceof StrictTextReader.UndecodableTextException undecodable) {
            return new ParseException(TextInput.encodingProblem(file, settings.encoding(), undecodable.line()), e);
        }
        if (e instanceof FileContent.CorruptContentException) {
            return new ParseException(e.getMessage() + " (at line " + line + ")", e);
        }
        if (e instanceof BoundedRecordReader.RecordTooLongException) {
            return new ParseException(
                    file + ":" + line + ": " + e.getMessage()
                            + "; a quote that is never closed? check the quote_char and escape_char settings",
                    e);
        }
        Matcher csvError = CSV_ERROR.matcher(String.valueOf(e.getMessage()));
        if (csvError.matches()) {
            return new ParseException(
                    file + ":" + csvError.group(1) + ": invalid CSV: " + csvError.group(2)
                            + "; check the quote_char and escape_char settings",
                    e);
        }
        return new ParseException(file + ":" + line + ": cannot read: " + e, e);
    }

    @Override
    public void close() {
        try {
            parser.close();
        } catch (IOException e) {
            // closing a source we only read from: nothing is lost
        } finally {
            input.closeQuietly();
        }
    }
}
