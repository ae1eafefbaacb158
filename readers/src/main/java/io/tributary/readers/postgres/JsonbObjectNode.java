package io.tributary.readers.postgres;

import java.util.AbstractMap;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A jsonb object as the source read it: kept as the compact JSON text until something looks inside,
 * then parsed once with exact numbers ({@link PostgresTypeKind#JSON_MAPPER}). While nobody has looked
 * inside, it is written out as that text, so a record that is only stored as JSON (a raw table, or
 * a raw file) never parses its documents or encodes them again. Any read of the object's properties
 * (get, iteration, size, equality) parses it first; after that it is an ordinary object node.
 *
 * <p>Only jsonb qualifies: PostgreSQL prints it canonically (keys unique, numbers plain), so its text,
 * once {@link #compact compacted} to Jackson's spacing, reads back to the same tree. json values keep
 * their text as given (duplicate keys, any spacing) and are parsed at once.
 */
final class JsonbObjectNode extends ObjectNode {

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
        return new JsonbObjectNode(new LazyProperties(compact(text)));
    }

    /** Whether the text was parsed (something looked inside). */
    boolean isParsed() {
        return properties.parsed != null;
    }

    @Override
    public void serialize(JsonGenerator g, SerializationContext ctxt) {
        String text = properties.text;
        if (properties.parsed == null && text != null) {
            g.writeRawValue(text);
        } else {
            super.serialize(g, ctxt);
        }
    }

    /**
     * PostgreSQL's jsonb text without the blank it puts after each {@code :} and {@code ,} outside
     * strings ({@code {"a": 1, "b": [1, 2]}} becomes {@code {"a":1,"b":[1,2]}}), the spacing Jackson
     * writes.
     */
    static String compact(String jsonb) {
        StringBuilder out = null;
        boolean inString = false;
        int copied = 0;
        for (int i = 0, n = jsonb.length(); i < n; i++) {
            char c = jsonb.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if ((c == ':' || c == ',') && i + 1 < n && jsonb.charAt(i + 1) == ' ') {
                if (out == null) {
                    out = new StringBuilder(n);
                }
                out.append(jsonb, copied, i + 1);
                copied = i + 2;
                i++;
            }
        }
        if (out == null) {
            return jsonb;
        }
        return out.append(jsonb, copied, jsonb.length()).toString();
    }

    /** The object's properties, parsed from the text on first use. */
    private static final class LazyProperties extends AbstractMap<String, JsonNode> {

        private String text;
        private Map<String, JsonNode> parsed;

        LazyProperties(String text) {
            this.text = text;
        }

        private Map<String, JsonNode> map() {
            if (parsed == null) {
                Map<String, JsonNode> map = new LinkedHashMap<>();
                PostgresTypeKind.JSON_MAPPER.readTree(text).properties().forEach(e -> map.put(e.getKey(), e.getValue()));
                parsed = map;
                text = null;
            }
            return parsed;
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
        public JsonNode put(String key, JsonNode value) {
            return map().put(key, value);
        }

        @Override
        public JsonNode remove(Object key) {
            return map().remove(key);
        }

        @Override
        public void putAll(Map<? extends String, ? extends JsonNode> m) {
            map().putAll(m);
        }

        @Override
        public void clear() {
            map().clear();
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
