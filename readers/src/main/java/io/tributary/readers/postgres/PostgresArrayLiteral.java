package io.tributary.readers.postgres;

import java.util.function.Function;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.NullNode;

/**
 * Parses PostgreSQL's text form of an array ({@code {1,2,NULL}}, {@code {"a b","c\"d"}},
 * {@code {{1,2},{3,4}}}, {@code [0:1]={7,8}}) into a JSON array, converting each element's text
 * with the element type's converter. Reading arrays as text keeps element values exact (the same
 * converters as scalar columns) and avoids pgjdbc's per-element Java objects.
 */
final class PostgresArrayLiteral {

    private final String text;
    private final Function<String, JsonNode> element;
    private int pos;

    private PostgresArrayLiteral(String text, Function<String, JsonNode> element) {
        this.text = text;
        this.element = element;
    }

    static ArrayNode parse(String text, Function<String, JsonNode> element) {
        PostgresArrayLiteral parser = new PostgresArrayLiteral(text, element);
        if (text.startsWith("[")) {
            // explicit bounds such as [0:1]={7,8}: the values are what matter
            parser.pos = text.indexOf('=') + 1;
        }
        return parser.array();
    }

    private ArrayNode array() {
        expect('{');
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        skipSpaces();
        if (peek() == '}') {
            pos++;
            return out;
        }
        while (true) {
            skipSpaces();
            char c = peek();
            if (c == '{') {
                out.add(array());
            } else if (c == '"') {
                out.add(element.apply(quoted()));
            } else {
                String raw = unquoted();
                out.add(raw.equalsIgnoreCase("NULL") ? NullNode.getInstance() : element.apply(raw));
            }
            skipSpaces();
            char sep = peek();
            pos++;
            if (sep == '}') {
                return out;
            }
            if (sep != ',') {
                throw new IllegalArgumentException("Malformed PostgreSQL array at " + (pos - 1) + ": " + text);
            }
        }
    }

    private String quoted() {
        pos++;
        StringBuilder sb = new StringBuilder();
        while (true) {
            char c = peek();
            pos++;
            if (c == '\\') {
                sb.append(peek());
                pos++;
            } else if (c == '"') {
                return sb.toString();
            } else {
                sb.append(c);
            }
        }
    }

    private String unquoted() {
        int start = pos;
        while (pos < text.length() && text.charAt(pos) != ',' && text.charAt(pos) != '}') {
            pos++;
        }
        return text.substring(start, pos).trim();
    }

    private void expect(char c) {
        skipSpaces();
        if (pos >= text.length() || text.charAt(pos) != c) {
            throw new IllegalArgumentException(
                    "Malformed PostgreSQL array, expected '" + c + "' at " + pos + ": " + text);
        }
        pos++;
    }

    private char peek() {
        if (pos >= text.length()) {
            throw new IllegalArgumentException("Malformed PostgreSQL array, unexpected end: " + text);
        }
        return text.charAt(pos);
    }

    private void skipSpaces() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }
}
