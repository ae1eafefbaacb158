package io.tributary.connector.record;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Base64;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.BooleanNode;
import tools.jackson.databind.node.DecimalNode;
import tools.jackson.databind.node.DoubleNode;
import tools.jackson.databind.node.IntNode;
import tools.jackson.databind.node.LongNode;
import tools.jackson.databind.node.NullNode;
import tools.jackson.databind.node.StringNode;

/**
 * The values a typed {@link SourceRecord} carries, and their one JSON form. A value is one of:
 * <ul>
 *   <li>{@code null};</li>
 *   <li>{@link Boolean}, {@link Long} (or {@link Integer}), {@link BigDecimal} (exact, written as
 *       plain digits), {@link Double};</li>
 *   <li>{@link String};</li>
 *   <li>{@link java.time.LocalDate}, {@link java.time.LocalTime}, {@link java.time.OffsetTime},
 *       {@link java.time.LocalDateTime}, {@link java.time.OffsetDateTime}, written as ISO-8601 text
 *       ({@link IsoTemporalText});</li>
 *   <li>{@code byte[]}, written as base64 text;</li>
 *   <li>a {@link JsonNode} for JSON the source has as JSON (jsonb, arrays, documents of JSON
 *       sources), possibly a lazy tree over the source's bytes that parses only when looked into.</li>
 * </ul>
 * A value the source could not type as its schema says (PostgreSQL's {@code 'infinity'} for a
 * timestamp, say) stays as the source's text; normalization then records it in {@code _airbyte_meta}.
 */
public final class RecordValues {

    private RecordValues() {}

    /** Writes one value as JSON. */
    public static void write(JsonGenerator out, @Nullable Object value) {
        if (value == null) {
            out.writeNull();
        } else if (value instanceof String s) {
            out.writeString(s);
        } else if (value instanceof Long l) {
            out.writeNumber(l);
        } else if (value instanceof BigDecimal d) {
            out.writeNumber(d);
        } else if (value instanceof JsonNode node) {
            out.writeTree(node);
        } else if (value instanceof Boolean b) {
            out.writeBoolean(b);
        } else if (value instanceof Integer i) {
            out.writeNumber(i);
        } else if (value instanceof Double d) {
            out.writeNumber(d);
        } else if (value instanceof byte[] bytes) {
            out.writeString(Base64.getEncoder().encodeToString(bytes));
        } else if (value instanceof BigInteger i) {
            out.writeNumber(i);
        } else {
            out.writeString(IsoTemporalText.format(value));
        }
    }

    /** A value as a JSON tree node (for paths that need a tree: messages, rare conversions, tests). */
    public static JsonNode toNode(@Nullable Object value) {
        if (value == null) {
            return NullNode.getInstance();
        } else if (value instanceof JsonNode node) {
            return node;
        } else if (value instanceof String s) {
            return StringNode.valueOf(s);
        } else if (value instanceof Long l) {
            return LongNode.valueOf(l);
        } else if (value instanceof BigDecimal d) {
            return DecimalNode.valueOf(d);
        } else if (value instanceof Boolean b) {
            return BooleanNode.valueOf(b);
        } else if (value instanceof Integer i) {
            return IntNode.valueOf(i);
        } else if (value instanceof Double d) {
            return DoubleNode.valueOf(d);
        } else if (value instanceof byte[] bytes) {
            return StringNode.valueOf(Base64.getEncoder().encodeToString(bytes));
        } else if (value instanceof BigInteger i) {
            return DecimalNode.valueOf(new BigDecimal(i));
        }
        return StringNode.valueOf(IsoTemporalText.format(value));
    }

    /**
     * The text a scalar value has in JSON without quotes (a number's digits, a string itself, a date's
     * ISO text), as normalization writes a scalar into a text column; a JSON value's compact JSON.
     */
    public static String text(Object value) {
        if (value instanceof String s) {
            return s;
        } else if (value instanceof BigDecimal d) {
            return d.toString();
        } else if (value instanceof JsonNode node) {
            return node.isContainer() ? node.toString() : node.asString();
        } else if (value instanceof byte[] bytes) {
            return Base64.getEncoder().encodeToString(bytes);
        } else if (IsoTemporalText.isTemporal(value)) {
            return IsoTemporalText.format(value);
        }
        return String.valueOf(value);
    }

    /**
     * About how many bytes a value takes in the record's JSON, counted without encoding it: the
     * engine reports bytes synced from it. Exact for ASCII strings without escapes and for numbers.
     */
    public static long jsonSize(@Nullable Object value) {
        if (value == null) {
            return 4;
        } else if (value instanceof String s) {
            return s.length() + 2L;
        } else if (value instanceof Long l) {
            return digits(l);
        } else if (value instanceof Integer i) {
            return digits(i);
        } else if (value instanceof BigDecimal d) {
            // the plain digits: sign, integer part (at least "0"), point and scale digits; or trailing zeros
            long sign = d.signum() < 0 ? 1 : 0;
            return d.scale() <= 0
                    ? sign + d.precision() - d.scale()
                    : sign + Math.max(d.precision() - d.scale(), 1) + 1 + d.scale();
        } else if (value instanceof Boolean b) {
            return b ? 4 : 5;
        } else if (value instanceof byte[] bytes) {
            return 4L * ((bytes.length + 2) / 3) + 2;
        } else if (value instanceof JsonSized sized) {
            return sized.jsonSize();
        } else if (value instanceof JsonNode node) {
            return treeSize(node);
        } else if (IsoTemporalText.isTemporal(value)) {
            return 27;
        }
        return String.valueOf(value).length();
    }

    /**
     * About how many bytes a JSON tree takes as text, walked without encoding it: a document record's
     * size is counted for every record a JSON source reads, so it must not cost an encoding.
     */
    private static long treeSize(JsonNode node) {
        if (node instanceof JsonSized sized) {
            return sized.jsonSize();
        }
        if (node.isObject()) {
            long size = node.isEmpty() ? 2 : 1; // braces, and a comma between members: one fewer than members
            for (java.util.Map.Entry<String, JsonNode> member : node.properties()) {
                size += member.getKey().length() + 4 + treeSize(member.getValue());
            }
            return size;
        }
        if (node.isArray()) {
            long size = node.isEmpty() ? 2 : 1;
            for (JsonNode item : node) {
                size += 1 + treeSize(item);
            }
            return size;
        }
        if (node.isString()) {
            return node.stringValue().length() + 2L;
        }
        if (node.isIntegralNumber() && node.canConvertToLong()) {
            return digits(node.longValue());
        }
        if (node.isFloatingPointNumber() && !Double.isFinite(node.doubleValue())) {
            return 3;
        }
        if (node.isNumber()) {
            return jsonSize(node.decimalValue());
        }
        if (node.isBoolean()) {
            return node.booleanValue() ? 4 : 5;
        }
        return 4; // null
    }

    private static int digits(long value) {
        if (value == Long.MIN_VALUE) {
            return 20;
        }
        int digits = value < 0 ? 2 : 1;
        for (long rest = Math.abs(value) / 10; rest > 0; rest /= 10) {
            digits++;
        }
        return digits;
    }

    /** A JSON value that knows the length of its JSON text without encoding it (a tree over the source's bytes). */
    public interface JsonSized {
        /** The length of the value's JSON text in UTF-8 bytes. */
        long jsonSize();
    }
}
