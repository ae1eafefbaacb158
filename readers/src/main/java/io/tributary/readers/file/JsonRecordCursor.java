package io.tributary.readers.file;

import io.tributary.connector.record.SourceRecord;
import java.util.List;
import org.springframework.batch.infrastructure.item.ParseException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The records of a JSON file, streamed token by token so that a 2 GB array needs no 2 GB of heap:
 * only the current record becomes a tree. The file holds a top-level array of objects, one object,
 * or objects one after another (JSON Lines content under a .json name reads as before). With a
 * {@code records_path} such as {@code data.items}, the records are the elements of the array (or
 * the one object) found at that path inside each top-level object; everything else in the document
 * is skipped without being kept.
 */
final class JsonRecordCursor implements RecordCursor {

    private final FileSourceSettings settings;
    private final String file;
    private final BoundedRecordReader input;
    private final JsonParser parser;
    private final List<String> path;
    /** The parser is inside the array of records: each element is one. */
    private boolean inArray;
    /** Objects entered to reach the records, left to close once the records are read. */
    private int openLevels;
    /** The parser stands on the START_OBJECT of a record not yet read into a tree. */
    private boolean positioned;

    private long element;
    private long line;

    /** @param file how messages name the file (or the archive entry) */
    JsonRecordCursor(BoundedRecordReader input, String file, FileSourceSettings settings) {
        this.settings = settings;
        this.file = file;
        this.input = input;
        this.path = settings.recordsPath();
        try {
            this.parser = JsonLinesRecordCursor.JSON.createParser(input);
        } catch (JacksonException e) {
            throw translate(e);
        }
    }

    @Override
    public List<String> columns() {
        return List.of();
    }

    @Override
    public boolean next() {
        try {
            if (positioned) {
                parser.skipChildren();
                positioned = false;
                if (!inArray) {
                    closeEnclosingObjects();
                }
            }
            while (true) {
                input.recordBoundary();
                if (inArray) {
                    JsonToken token = parser.nextToken();
                    if (token == JsonToken.END_ARRAY) {
                        inArray = false;
                        closeEnclosingObjects();
                        continue;
                    }
                    if (token == null) {
                        throw new ParseException(file + ":" + lineNow() + ": the file ends inside the array of records;"
                                + " it is truncated or not valid JSON");
                    }
                    element++;
                    return positionOn(token, "element " + element + " of the array");
                }
                JsonToken token = parser.nextToken();
                if (token == null) {
                    return false;
                }
                if (path.isEmpty()) {
                    if (token == JsonToken.START_ARRAY) {
                        inArray = true;
                        element = 0;
                        continue;
                    }
                    return positionOn(token, "the top-level value");
                }
                if (token != JsonToken.START_OBJECT) {
                    throw new ParseException(file + ":" + lineNow() + ": records_path '" + String.join(".", path)
                            + "' needs a JSON object at the top, found " + JsonLinesRecordCursor.describe(token));
                }
                if (descend()) {
                    continue;
                }
                // The path holds one object: it is the only record of this document.
                return positionOn(parser.currentToken(), "the value at records_path");
            }
        } catch (JacksonException e) {
            throw translate(e);
        }
    }

    private boolean positionOn(JsonToken token, String what) {
        line = lineNow();
        if (token != JsonToken.START_OBJECT) {
            throw new ParseException(
                    file + ":" + line + ":" + parser.currentTokenLocation().getColumnNr() + ": " + what
                            + " is " + JsonLinesRecordCursor.describe(token)
                            + ", not a JSON object; each record must be an object"
                            + (path.isEmpty()
                                    ? " (set records_path when the records sit inside an object, such as data.items)"
                                    : ""));
        }
        positioned = true;
        return true;
    }

    /**
     * From the START_OBJECT of a document, walks the records path and stands on its value. Returns
     * true when the value is an array (the parser is then inside it) or null (nothing to read; the
     * document is closed), false when it is an object (the parser stands on it).
     */
    private boolean descend() {
        openLevels = 1;
        for (int i = 0; i < path.size(); i++) {
            String wanted = path.get(i);
            JsonToken value = null;
            for (JsonToken t = parser.nextToken(); t == JsonToken.PROPERTY_NAME; t = parser.nextToken()) {
                String name = parser.currentName();
                JsonToken next = parser.nextToken();
                if (name.equals(wanted)) {
                    value = next;
                    break;
                }
                parser.skipChildren();
                input.recordBoundary();
            }
            String at = String.join(".", path.subList(0, i + 1));
            if (value == null) {
                throw new ParseException(file + ":" + lineNow() + ": records_path '" + String.join(".", path)
                        + "' not found: the document has no '" + at + "'");
            }
            boolean last = i == path.size() - 1;
            if (value == JsonToken.VALUE_NULL) {
                closeEnclosingObjects();
                return true;
            }
            if (last && value == JsonToken.START_ARRAY) {
                inArray = true;
                element = 0;
                return true;
            }
            if (value != JsonToken.START_OBJECT) {
                throw new ParseException(file + ":" + lineNow() + ": records_path '" + String.join(".", path) + "': '"
                        + at + "' is " + JsonLinesRecordCursor.describe(value) + ", not "
                        + (last ? "an array of objects or an object" : "an object"));
            }
            if (!last) {
                openLevels++;
            }
        }
        return false;
    }

    /** Skips the rest of the objects entered on the way to the records. */
    private void closeEnclosingObjects() {
        while (openLevels > 0) {
            for (JsonToken t = parser.nextToken(); t != JsonToken.END_OBJECT; t = parser.nextToken()) {
                if (t == null) {
                    throw new ParseException(
                            file + ":" + lineNow() + ": the file ends inside an object; it is truncated");
                }
                parser.nextToken();
                parser.skipChildren();
                input.recordBoundary();
            }
            openLevels--;
        }
    }

    private long lineNow() {
        return parser.currentTokenLocation().getLineNr();
    }

    @Override
    public SourceRecord record(long emittedAt) {
        if (!positioned) {
            throw new IllegalStateException("no current record: call next() first");
        }
        try {
            JsonNode node = JsonLinesRecordCursor.JSON.readTree(parser);
            positioned = false;
            if (!inArray) {
                // A single object at records_path: what follows it in the document is not data.
                closeEnclosingObjects();
            }
            return new SourceRecord((ObjectNode) node, emittedAt);
        } catch (JacksonException e) {
            throw translate(e);
        }
    }

    private ParseException translate(JacksonException e) {
        TokenStreamLocation location = e.getLocation();
        String at = location != null && location.getLineNr() > 0
                ? location.getLineNr() + ":" + location.getColumnNr()
                : String.valueOf(Math.max(line, 1));
        if (e.getCause() instanceof StrictTextReader.UndecodableTextException undecodable) {
            return new ParseException(TextInput.encodingProblem(file, settings.encoding(), undecodable.line()), e);
        }
        if (e.getCause() instanceof FileContent.CorruptContentException corrupt) {
            return new ParseException(corrupt.getMessage() + " (at line " + at + ")", e);
        }
        if (e.getCause() instanceof BoundedRecordReader.RecordTooLongException tooLong) {
            return new ParseException(file + ":" + at + ": " + tooLong.getMessage(), e);
        }
        return new ParseException(file + ":" + at + ": invalid JSON: " + e.getOriginalMessage(), e);
    }

    @Override
    public void close() {
        try {
            if (parser != null) {
                parser.close();
            }
        } catch (JacksonException e) {
            // closing a source we only read from: nothing is lost
        } finally {
            input.closeQuietly();
        }
    }
}
