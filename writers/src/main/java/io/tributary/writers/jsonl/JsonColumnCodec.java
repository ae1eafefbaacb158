package io.tributary.writers.jsonl;

import io.tributary.connector.record.SourceRecord;
import io.tributary.connector.schema.ColumnType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * How a normalized column value is written as JSON, and read back: decimals as exact JSON numbers
 * (plain notation, never through a double), dates, times and timestamps as ISO-8601 strings
 * (seconds always present, offsets kept as given), JSON columns embedded as JSON, not as strings.
 */
public final class JsonColumnCodec {

    /** One mapper for JSON Lines: no separator between root values (the writer adds newlines), exact decimals. */
    public static final JsonMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .rootValueSeparator((String) null)
                    .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
                    .enable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
                    .build())
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private JsonColumnCodec() {}

    /** Writes {@code value} of a column of {@code type}; {@code null} becomes JSON null. */
    public static void write(JsonGenerator out, ColumnType type, Object value) {
        if (value == null) {
            out.writeNull();
            return;
        }
        switch (type) {
            case BOOLEAN -> {
                if (value instanceof Boolean b) {
                    out.writeBoolean(b);
                } else {
                    out.writeString(value.toString());
                }
            }
            case INTEGER, NUMBER -> writeNumber(out, value);
            case DATE -> writeTemporal(out, value, DateTimeFormatter.ISO_LOCAL_DATE);
            case TIME -> writeTemporal(out, value, DateTimeFormatter.ISO_LOCAL_TIME);
            case TIME_TZ -> writeTemporal(out, value, DateTimeFormatter.ISO_OFFSET_TIME);
            case TIMESTAMP -> writeTemporal(out, value, DateTimeFormatter.ISO_LOCAL_DATE_TIME);
            case TIMESTAMP_TZ -> writeTemporal(out, value, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
            case JSON -> writeJson(out, value);
            case STRING -> out.writeString(value.toString());
        }
    }

    private static void writeNumber(JsonGenerator out, Object value) {
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            out.writeNumber(((Number) value).longValue());
        } else if (value instanceof BigDecimal d) {
            out.writeNumber(d);
        } else if (value instanceof BigInteger i) {
            out.writeNumber(i);
        } else if (value instanceof Double || value instanceof Float) {
            // Shortest decimal that reads back as the same double, not its binary expansion.
            out.writeNumber(new BigDecimal(value.toString()));
        } else {
            out.writeString(value.toString());
        }
    }

    private static void writeTemporal(JsonGenerator out, Object value, DateTimeFormatter format) {
        if (value instanceof TemporalAccessor t) {
            out.writeString(format.format(t));
        } else {
            out.writeString(value.toString());
        }
    }

    private static void writeJson(JsonGenerator out, Object value) {
        if (value instanceof JsonNode node) {
            out.writeTree(node);
            return;
        }
        if (value instanceof SourceRecord record) {
            record.writeJson(out); // a raw record, encoded once from its typed values
            return;
        }
        String text = value.toString();
        JsonNode node;
        try {
            node = MAPPER.readTree(text);
        } catch (JacksonException e) {
            // Not JSON after all: keep the text rather than lose it or break the line.
            out.writeString(text);
            return;
        }
        out.writeTree(node);
    }

    /** Reads back a value written by {@link #write}, as the Java type {@link ColumnType} names. */
    public static Object read(JsonNode node, ColumnType type) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        return switch (type) {
            case BOOLEAN -> node.isBoolean() ? node.booleanValue() : Boolean.valueOf(node.asString());
            case INTEGER -> node.isNumber() ? node.longValue() : Long.valueOf(node.asString());
            case NUMBER -> node.isNumber() ? node.decimalValue() : new BigDecimal(node.asString());
            case DATE -> LocalDate.parse(node.asString());
            case TIME -> LocalTime.parse(node.asString());
            case TIME_TZ -> OffsetTime.parse(node.asString());
            case TIMESTAMP -> LocalDateTime.parse(node.asString());
            case TIMESTAMP_TZ -> OffsetDateTime.parse(node.asString());
            case JSON -> node.isString() ? node.asString() : node.toString();
            case STRING -> node.asString();
        };
    }
}
