package io.tributary.readers.file;

import io.tributary.connector.record.SourceRecord;
import java.util.List;
import org.springframework.batch.infrastructure.item.ParseException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The records of a JSON Lines file, read by one streaming Jackson parser over the whole file:
 * values are separated by whitespace, so a pretty-printed object spanning lines is read too.
 * Numbers with a fraction stay exact decimals.
 */
final class JsonLinesRecordCursor implements RecordCursor {

    /** Shared by the JSON formats: exact decimals, strings bounded like records. */
    static final JsonMapper JSON = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxStringLength((int) BoundedRecordReader.MAX_RECORD_CHARS)
                            .build())
                    .build())
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            // The parser goes on to the next line's record: it is not trailing garbage.
            .disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private final FileSourceSettings settings;
    private final String file;
    private final BoundedRecordReader input;
    private final JsonParser parser;
    /** The parser stands on the START_OBJECT of a record not yet read into a tree. */
    private boolean positioned;

    private long line;

    /** @param file how messages name the file (or the archive entry) */
    JsonLinesRecordCursor(BoundedRecordReader input, String file, FileSourceSettings settings) {
        this.settings = settings;
        this.file = file;
        this.input = input;
        try {
            this.parser = JSON.createParser(input);
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
            }
            input.recordBoundary();
            JsonToken token = parser.nextToken();
            if (token == null) {
                return false;
            }
            line = parser.currentTokenLocation().getLineNr();
            if (token != JsonToken.START_OBJECT) {
                throw new ParseException(file + ":" + line + ": expected a JSON object, found "
                        + describe(token) + "; each line of a JSON Lines file holds one object"
                        + (token == JsonToken.START_ARRAY && line == 1
                                ? " (for a file holding one JSON array, set format to json)"
                                : ""));
            }
            positioned = true;
            return true;
        } catch (JacksonException e) {
            throw translate(e);
        }
    }

    /** A token in words, for messages: "an array", "a number". */
    static String describe(JsonToken token) {
        return switch (token) {
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> token.asString() == null ? token.name() : "'" + token.asString() + "'";
        };
    }

    @Override
    public SourceRecord record(long emittedAt) {
        return new SourceRecord(object(), emittedAt);
    }

    private ObjectNode object() {
        if (!positioned) {
            throw new IllegalStateException("no current record: call next() first");
        }
        try {
            JsonNode node = JSON.readTree(parser);
            positioned = false;
            return (ObjectNode) node;
        } catch (JacksonException e) {
            throw translate(e);
        }
    }

    private ParseException translate(JacksonException e) {
        TokenStreamLocation location = e.getLocation();
        long at = location != null && location.getLineNr() > 0 ? location.getLineNr() : Math.max(line, 1);
        if (e.getCause() instanceof StrictTextReader.UndecodableTextException undecodable) {
            return new ParseException(TextInput.encodingProblem(file, settings.encoding(), undecodable.line()), e);
        }
        if (e.getCause() instanceof FileContent.CorruptContentException corrupt) {
            return new ParseException(corrupt.getMessage() + " (at line " + at + ")", e);
        }
        if (e.getCause() instanceof BoundedRecordReader.RecordTooLongException tooLong) {
            return new ParseException(
                    file + ":" + at + ": " + tooLong.getMessage() + "; is this a JSON Lines file?", e);
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
