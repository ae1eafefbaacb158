package io.tributary.rest.http;

import java.io.InputStream;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads the records of one JSON page as a stream: only the record being read is a tree, however
 * large the page. The records are the array (or the single object) at {@code recordPath} in the
 * response; an empty path means the response itself (an array of records, or one record). Everything
 * else in the response is kept as the <em>envelope</em> (the response without its records), which
 * pagination reads once the page is done: a next-page cursor may come before or after the records.
 * A missing path or a {@code null} there is a page without records.
 */
public final class PageParser implements AutoCloseable {

    /** Numbers with a fraction stay exact decimals (12.50 is not the double 12.5), as in every JSON source. */
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();

    private final JsonParser parser;
    private final List<String> path;
    private final String where;
    private final ObjectNode[] envelopes;
    private int level;
    private boolean started;
    private boolean inArray;
    private boolean rootArray;
    private boolean finished;
    private long records;

    /**
     * @param where the request for messages, e.g. {@code GET http://host/orders?page=2} (secrets masked)
     */
    public PageParser(InputStream body, List<String> recordPath, String where) {
        this.parser = JSON.createParser(body);
        this.path = List.copyOf(recordPath);
        this.where = where;
        this.envelopes = new ObjectNode[path.size() + 1];
        this.envelopes[0] = JsonNodeFactory.instance.objectNode();
    }

    /** The next record, or {@code null} at the end of the page (the whole body has then been read). */
    public ObjectNode next() {
        try {
            return advance();
        } catch (JacksonException e) {
            for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
                if (cause instanceof StallGuard.Stalled stalled) {
                    throw new RestApiException.Broken(
                            where + ": " + stalled.getMessage() + " (after " + records + " records of the page)");
                }
                if (cause instanceof java.io.IOException io) {
                    throw new RestApiException.Broken(where + ": the connection broke after " + records
                            + " records of the page (" + io.getClass().getSimpleName()
                            + (io.getMessage() == null ? "" : ": " + io.getMessage()) + ")");
                }
            }
            TokenStreamLocation at = e.getLocation();
            throw new RestApiException(where + ": malformed JSON response"
                    + (at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr()) + " ("
                    + e.getOriginalMessage() + ")");
        }
    }

    private ObjectNode advance() {
        if (!started) {
            started = true;
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new RestApiException(where + ": the response is empty, expected JSON");
            }
            if (first == JsonToken.START_ARRAY) {
                if (!path.isEmpty()) {
                    throw new RestApiException(
                            where + ": the response is an array, but the record path " + String.join(".", path)
                                    + " expects an object; set an empty record path to read the array");
                }
                inArray = true;
                rootArray = true;
            } else if (first == JsonToken.START_OBJECT) {
                if (path.isEmpty()) {
                    finished = true;
                    return record(parser.readValueAsTree());
                }
            } else {
                throw new RestApiException(where + ": the response is a "
                        + first.name().toLowerCase(java.util.Locale.ROOT) + ", expected a JSON object or array");
            }
        }
        while (true) {
            if (inArray) {
                JsonToken t = parser.nextToken();
                if (t == JsonToken.END_ARRAY) {
                    inArray = false;
                    if (rootArray) {
                        finish();
                        return null;
                    }
                    continue;
                }
                return record(parser.readValueAsTree());
            }
            if (finished) {
                return null;
            }
            JsonToken t = parser.nextToken();
            if (t == JsonToken.END_OBJECT) {
                if (level == 0) {
                    finish();
                    return null;
                }
                level--;
                continue;
            }
            if (t != JsonToken.PROPERTY_NAME) {
                throw new RestApiException(where + ": malformed JSON response (unexpected " + t + ")");
            }
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            if (level < path.size() && name.equals(path.get(level))) {
                if (level == path.size() - 1) {
                    if (value == JsonToken.START_ARRAY) {
                        inArray = true;
                        continue;
                    }
                    if (value == JsonToken.START_OBJECT) {
                        return record(parser.readValueAsTree());
                    }
                    if (value == JsonToken.VALUE_NULL) {
                        continue;
                    }
                    throw new RestApiException(where + ": the record path " + String.join(".", path) + " holds a "
                            + value.name().toLowerCase(java.util.Locale.ROOT)
                            + ", expected an array of records or an object");
                }
                if (value == JsonToken.START_OBJECT) {
                    envelopes[level + 1] = envelopes[level].putObject(name);
                    level++;
                    continue;
                }
            }
            envelopes[level].set(name, parser.readValueAsTree());
        }
    }

    private ObjectNode record(JsonNode node) {
        if (!(node instanceof ObjectNode object)) {
            throw new RestApiException(where + ": record " + (records + 1) + " at "
                    + (path.isEmpty() ? "the response" : String.join(".", path))
                    + " is " + node.getNodeType().name().toLowerCase(java.util.Locale.ROOT) + " "
                    + abbreviate(node.toString())
                    + ", expected a JSON object");
        }
        records++;
        return object;
    }

    private void finish() {
        finished = true;
        JsonToken trailing = parser.nextToken();
        if (trailing != null) {
            throw new RestApiException(
                    where + ": malformed JSON response (more content after the end of the document)");
        }
    }

    /** How many records were read from this page so far. */
    public long records() {
        return records;
    }

    /** The response without its records; complete once {@link #next()} returned {@code null}. */
    public ObjectNode envelope() {
        return envelopes[0];
    }

    private static String abbreviate(String text) {
        return text.length() <= 60 ? text : text.substring(0, 60) + "…";
    }

    @Override
    public void close() {
        parser.close();
    }
}
