package io.tributary.readers.postgres;

import io.tributary.connector.record.RecordValues;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.AbstractMap;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.SerializableString;
import tools.jackson.core.io.SerializedString;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A jsonb object as the source read it: kept as the compact JSON text (UTF-8 bytes, as the driver
 * received them) until something looks inside, then parsed once with exact numbers into the tree
 * {@link PostgresTypeKind#JSON_MAPPER} builds ({@link JsonbTextParser}). While nobody has looked
 * inside, it is written out as that text, so a record that is only stored as JSON (a raw table, or a
 * raw file) never parses its documents or encodes them again; a UTF-8 generator copies the bytes as
 * they are. Any read of the object's properties (get, iteration, size, equality) parses it first;
 * after that it is an ordinary object node.
 *
 * <p>Only jsonb qualifies: PostgreSQL prints it canonically (keys unique, numbers plain), so its text,
 * once {@link #compact compacted} to Jackson's spacing, reads back to the same tree. json values keep
 * their text as given (duplicate keys, any spacing) and are parsed at once.
 */
final class JsonbObjectNode extends ObjectNode implements RecordValues.JsonSized {

    /** Each reading thread's buffer for {@link #compact}, so that compacting allocates only the result. */
    private static final ThreadLocal<byte[]> SCRATCH = ThreadLocal.withInitial(() -> new byte[4096]);

    private static final int MAX_SCRATCH = 1 << 20;

    private final LazyProperties properties;

    private JsonbObjectNode(LazyProperties properties) {
        super(JsonNodeFactory.instance, properties);
        this.properties = properties;
    }

    /** The value of jsonb text {@code text}: an object kept as text until needed; anything else parsed at once. */
    static JsonNode of(String text) {
        if (text.isEmpty() || text.charAt(0) != '{') {
            return PostgresTypeKind.JSON_MAPPER.readTree(text);
        }
        return new JsonbObjectNode(new LazyProperties(compact(text.getBytes(StandardCharsets.UTF_8))));
    }

    /**
     * The value of jsonb text given as its UTF-8 bytes (the driver's text form of the column, read
     * without decoding it into a String): an object kept as text until needed; anything else parsed at once.
     */
    static JsonNode of(byte[] utf8) {
        if (utf8.length == 0 || utf8[0] != '{') {
            return PostgresTypeKind.JSON_MAPPER.readTree(utf8);
        }
        return new JsonbObjectNode(new LazyProperties(compact(utf8)));
    }

    @Override
    public long jsonSize() {
        byte[] text = properties.text;
        return text != null ? text.length : toString().getBytes(StandardCharsets.UTF_8).length;
    }

    /** Whether the text was parsed (something looked inside). */
    boolean isParsed() {
        return properties.parsed != null;
    }

    @Override
    public void serialize(JsonGenerator g, SerializationContext ctxt) {
        byte[] text = properties.text;
        if (text != null) {
            g.writeRawValue(new RawUtf8(text));
        } else {
            super.serialize(g, ctxt);
        }
    }

    /**
     * PostgreSQL's jsonb text (UTF-8) without the blank it puts after each {@code :} and {@code ,}
     * outside strings ({@code {"a": 1, "b": [1, 2]}} becomes {@code {"a":1,"b":[1,2]}}), the spacing
     * Jackson writes; the same array when there is no such blank. Bytes of multi-byte characters are
     * never ASCII, so a byte-wise scan sees every quote, backslash, colon and comma.
     */
    static byte[] compact(byte[] jsonb) {
        int n = jsonb.length;
        byte[] out = null;
        int o = 0;
        int copied = 0;
        boolean inString = false;
        for (int i = 0; i < n; i++) {
            byte c = jsonb[i];
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if ((c == ':' || c == ',') && i + 1 < n && jsonb[i + 1] == ' ') {
                if (out == null) {
                    out = scratch(n);
                }
                // one scan; the text between blanks is copied in runs
                System.arraycopy(jsonb, copied, out, o, i + 1 - copied);
                o += i + 1 - copied;
                copied = i + 2;
                i++;
            }
        }
        if (out == null) {
            return jsonb;
        }
        System.arraycopy(jsonb, copied, out, o, n - copied);
        return Arrays.copyOf(out, o + n - copied);
    }

    /** The thread's buffer for compacting, of at least {@code size} bytes; a document over 1 MB gets one of its own. */
    private static byte[] scratch(int size) {
        byte[] buffer = SCRATCH.get();
        if (buffer.length < size) {
            if (size > MAX_SCRATCH) {
                return new byte[size];
            }
            buffer = new byte[Math.max(size, Math.min(MAX_SCRATCH, 2 * buffer.length))];
            SCRATCH.set(buffer);
        }
        return buffer;
    }

    /** Already encoded JSON text written as it is: a UTF-8 generator copies its bytes, others get its String. */
    private static final class RawUtf8 implements SerializableString {

        private final byte[] utf8;
        private SerializedString decoded;

        RawUtf8(byte[] utf8) {
            this.utf8 = utf8;
        }

        private SerializedString decoded() {
            if (decoded == null) {
                decoded = new SerializedString(new String(utf8, StandardCharsets.UTF_8));
            }
            return decoded;
        }

        @Override
        public String getValue() {
            return decoded().getValue();
        }

        @Override
        public int charLength() {
            return decoded().charLength();
        }

        @Override
        public char[] asQuotedChars() {
            return decoded().asQuotedChars();
        }

        @Override
        public byte[] asUnquotedUTF8() {
            return utf8;
        }

        @Override
        public byte[] asQuotedUTF8() {
            return decoded().asQuotedUTF8();
        }

        @Override
        public int appendQuotedUTF8(byte[] buffer, int offset) {
            return decoded().appendQuotedUTF8(buffer, offset);
        }

        @Override
        public int appendQuoted(char[] buffer, int offset) {
            return decoded().appendQuoted(buffer, offset);
        }

        @Override
        public int appendUnquotedUTF8(byte[] buffer, int offset) {
            if (offset + utf8.length > buffer.length) {
                return -1;
            }
            System.arraycopy(utf8, 0, buffer, offset, utf8.length);
            return utf8.length;
        }

        @Override
        public int appendUnquoted(char[] buffer, int offset) {
            return decoded().appendUnquoted(buffer, offset);
        }

        @Override
        public int writeQuotedUTF8(OutputStream out) throws IOException {
            return decoded().writeQuotedUTF8(out);
        }

        @Override
        public int writeUnquotedUTF8(OutputStream out) throws IOException {
            out.write(utf8);
            return utf8.length;
        }

        @Override
        public int putQuotedUTF8(ByteBuffer buffer) throws IOException {
            return decoded().putQuotedUTF8(buffer);
        }

        @Override
        public int putUnquotedUTF8(ByteBuffer buffer) throws IOException {
            if (utf8.length > buffer.remaining()) {
                return -1;
            }
            buffer.put(utf8);
            return utf8.length;
        }
    }

    /** The object's properties, parsed from the text on first use. */
    private static final class LazyProperties extends AbstractMap<String, JsonNode> {

        private byte[] text;
        private Map<String, JsonNode> parsed;

        LazyProperties(byte[] text) {
            this.text = text;
        }

        private Map<String, JsonNode> map() {
            if (parsed == null) {
                Map<String, JsonNode> map = JsonbTextParser.parseObject(text);
                if (map == null) {
                    Map<String, JsonNode> parsedByJackson = new LinkedHashMap<>();
                    PostgresTypeKind.JSON_MAPPER
                            .readTree(text)
                            .properties()
                            .forEach(e -> parsedByJackson.put(e.getKey(), e.getValue()));
                    map = parsedByJackson;
                }
                parsed = map;
                // The text stays: a record is not changed once read, so it still writes out as it was read.
            }
            return parsed;
        }

        @Override
        public JsonNode put(String key, JsonNode value) {
            JsonNode previous = map().put(key, value);
            text = null; // changed: the text no longer says what the tree holds
            return previous;
        }

        @Override
        public JsonNode remove(Object key) {
            JsonNode previous = map().remove(key);
            text = null;
            return previous;
        }

        @Override
        public void clear() {
            map().clear();
            text = null;
        }

        @Override
        public Set<Entry<String, JsonNode>> entrySet() {
            return map().entrySet();
        }

        @Override
        public int size() {
            return map().size();
        }

        @Override
        public boolean isEmpty() {
            return map().isEmpty();
        }

        @Override
        public boolean containsKey(Object key) {
            return map().containsKey(key);
        }

        @Override
        public boolean containsValue(Object value) {
            return map().containsValue(value);
        }

        @Override
        public JsonNode get(Object key) {
            return map().get(key);
        }

        @Override
        public void putAll(Map<? extends String, ? extends JsonNode> m) {
            map().putAll(m);
            text = null;
        }

        @Override
        public Set<String> keySet() {
            return map().keySet();
        }

        @Override
        public Collection<JsonNode> values() {
            return map().values();
        }

        @Override
        public boolean equals(Object o) {
            return map().equals(o);
        }

        @Override
        public int hashCode() {
            return map().hashCode();
        }
    }
}
