package io.tributary.normalization.hashid;

import io.tributary.connector.record.IsoTemporalText;
import io.tributary.connector.record.RecordValues;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Computes a row's hashid: the lower-case hex MD5 of the UTF-8 bytes of the compact JSON array of the
 * row's hash inputs, e.g. {@code md5('[1,"Ada","ada@example.com","+33 1 23",[...]]')}.
 *
 * <p>The JSON is canonical so that the same values always give the same hashid: no whitespace;
 * object members in the order the record has them; strings escape {@code "} and {@code \} with a
 * backslash, {@code \b \f \n \r \t} with their short forms and other control characters as
 * {@code \}{@code u00xx} (lower-case hex), and keep every other character as is; integers are written
 * in decimal, other numbers as Jackson's {@code JsonNode.asString()} writes them (a decimal as
 * {@code BigDecimal.toString()}); then {@code true}, {@code false}, {@code null}.
 *
 * <p>The bytes stream into the digest through a fixed buffer, so a record with a large array hashes in
 * bounded memory. One instance serves one row at a time: {@link #start()}, the {@code add} methods in
 * the documented order, {@link #finish()}. Not thread-safe.
 */
public final class HashIdBuilder {

    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final int BUFFER_SIZE = 8192;
    /** The most bytes one step writes (a long, a six-byte escape, a four-byte character) without checking again. */
    private static final int STEP_ROOM = 24;

    private final MessageDigest md5;
    private final byte[] buffer = new byte[BUFFER_SIZE];
    private final byte[] hex = new byte[32];
    private final StringBuilder temporal = new StringBuilder(32);
    private int length;
    private boolean first;

    public HashIdBuilder() {
        try {
            md5 = MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime provides MD5", e);
        }
    }

    /** Begins a row's inputs. */
    public void start() {
        md5.reset();
        length = 0;
        buffer[length++] = '[';
        first = true;
    }

    /** A missing or null input. */
    public void addNull() {
        separator();
        writeAscii("null");
    }

    /** {@code count} missing inputs, e.g. the columns of an absent nested object. */
    public void addNulls(int count) {
        for (int i = 0; i < count; i++) {
            addNull();
        }
    }

    /** A string input (a parent's hashid). */
    public void addString(String value) {
        separator();
        writeString(value);
    }

    /** An integer input (a child row's position in its array). */
    public void addLong(long value) {
        separator();
        writeLong(value);
    }

    /** A JSON value as it appears in the record; {@code null} counts as JSON null. */
    public void addValue(JsonNode value) {
        separator();
        writeNode(value);
    }

    /**
     * A record value ({@link RecordValues}) as its JSON form reads: a typed value hashes exactly as
     * the JSON node of the same value would, so a record's hashid does not depend on whether its
     * source typed it; {@code null} counts as JSON null.
     */
    public void addValue(Object value) {
        separator();
        if (value == null) {
            writeAscii("null");
        } else if (value instanceof JsonNode node) {
            writeNode(node);
        } else if (value instanceof String s) {
            writeString(s);
        } else if (value instanceof Long l) {
            writeLong(l);
        } else if (value instanceof Integer i) {
            writeLong(i);
        } else if (value instanceof BigDecimal d) {
            writeAscii(d.toString());
        } else if (value instanceof Boolean b) {
            writeAscii(b ? "true" : "false");
        } else if (IsoTemporalText.isTemporal(value)) {
            temporal.setLength(0);
            IsoTemporalText.append(temporal, value);
            writeString(temporal);
        } else {
            writeNode(RecordValues.toNode(value));
        }
    }

    /** The hashid of the inputs added since {@link #start()}. */
    public String finish() {
        room();
        buffer[length++] = ']';
        md5.update(buffer, 0, length);
        length = 0;
        byte[] digest = md5.digest();
        for (int i = 0; i < digest.length; i++) {
            hex[2 * i] = HEX[(digest[i] >> 4) & 0xf];
            hex[2 * i + 1] = HEX[digest[i] & 0xf];
        }
        return new String(hex, StandardCharsets.ISO_8859_1);
    }

    private void separator() {
        room();
        if (first) {
            first = false;
        } else {
            buffer[length++] = ',';
        }
    }

    private void writeNode(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            writeAscii("null");
        } else if (node.isString()) {
            writeString(node.stringValue());
        } else if (node.isIntegralNumber() && node.canConvertToLong()) {
            writeLong(node.longValue());
        } else if (node.isNumber()) {
            writeAscii(node.asString());
        } else if (node.isBoolean()) {
            writeAscii(node.booleanValue() ? "true" : "false");
        } else if (node.isArray()) {
            room();
            buffer[length++] = '[';
            for (int i = 0; i < node.size(); i++) {
                if (i > 0) {
                    room();
                    buffer[length++] = ',';
                }
                writeNode(node.get(i));
            }
            room();
            buffer[length++] = ']';
        } else if (node.isObject()) {
            room();
            buffer[length++] = '{';
            boolean firstMember = true;
            for (Map.Entry<String, JsonNode> member : node.properties()) {
                room();
                if (!firstMember) {
                    buffer[length++] = ',';
                }
                firstMember = false;
                writeString(member.getKey());
                room();
                buffer[length++] = ':';
                writeNode(member.getValue());
            }
            room();
            buffer[length++] = '}';
        } else {
            // Binary and POJO nodes: their text (base64 for binary).
            writeString(node.asString());
        }
    }

    private void writeString(CharSequence value) {
        room();
        buffer[length++] = '"';
        int size = value.length();
        for (int i = 0; i < size; i++) {
            room();
            char c = value.charAt(i);
            if (c >= 0x20 && c < 0x80) {
                if (c == '"' || c == '\\') {
                    buffer[length++] = '\\';
                }
                buffer[length++] = (byte) c;
            } else if (c < 0x20) {
                escapeControl(c);
            } else if (c < 0x800) {
                buffer[length++] = (byte) (0xc0 | (c >> 6));
                buffer[length++] = (byte) (0x80 | (c & 0x3f));
            } else if (Character.isHighSurrogate(c) && i + 1 < size && Character.isLowSurrogate(value.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, value.charAt(++i));
                buffer[length++] = (byte) (0xf0 | (cp >> 18));
                buffer[length++] = (byte) (0x80 | ((cp >> 12) & 0x3f));
                buffer[length++] = (byte) (0x80 | ((cp >> 6) & 0x3f));
                buffer[length++] = (byte) (0x80 | (cp & 0x3f));
            } else if (Character.isSurrogate(c)) {
                buffer[length++] = '?'; // a lone surrogate, as Java's UTF-8 encoder writes it
            } else {
                buffer[length++] = (byte) (0xe0 | (c >> 12));
                buffer[length++] = (byte) (0x80 | ((c >> 6) & 0x3f));
                buffer[length++] = (byte) (0x80 | (c & 0x3f));
            }
        }
        room();
        buffer[length++] = '"';
    }

    private void escapeControl(char c) {
        buffer[length++] = '\\';
        switch (c) {
            case '\b' -> buffer[length++] = 'b';
            case '\f' -> buffer[length++] = 'f';
            case '\n' -> buffer[length++] = 'n';
            case '\r' -> buffer[length++] = 'r';
            case '\t' -> buffer[length++] = 't';
            default -> {
                buffer[length++] = 'u';
                buffer[length++] = '0';
                buffer[length++] = '0';
                buffer[length++] = HEX[(c >> 4) & 0xf];
                buffer[length++] = HEX[c & 0xf];
            }
        }
    }

    private void writeLong(long value) {
        room();
        if (value == Long.MIN_VALUE) {
            writeAscii(Long.toString(value));
            return;
        }
        if (value < 0) {
            buffer[length++] = '-';
            value = -value;
        }
        int digits = 1;
        for (long rest = value / 10; rest > 0; rest /= 10) {
            digits++;
        }
        for (int i = length + digits - 1; i >= length; i--) {
            buffer[i] = (byte) ('0' + value % 10);
            value /= 10;
        }
        length += digits;
    }

    private void writeAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            room();
            buffer[length++] = (byte) text.charAt(i);
        }
    }

    /** Hands the buffered bytes to the digest when a step might not fit. */
    private void room() {
        if (length > BUFFER_SIZE - STEP_ROOM) {
            md5.update(buffer, 0, length);
            length = 0;
        }
    }
}
