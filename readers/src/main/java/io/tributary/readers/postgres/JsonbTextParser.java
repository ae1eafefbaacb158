package io.tributary.readers.postgres;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.BigIntegerNode;
import tools.jackson.databind.node.BooleanNode;
import tools.jackson.databind.node.DecimalNode;
import tools.jackson.databind.node.IntNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.LongNode;
import tools.jackson.databind.node.NullNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

/**
 * Parses the compact text of a jsonb object (UTF-8, as {@link JsonbObjectNode} keeps it) into the
 * tree {@link PostgresTypeKind#JSON_MAPPER} would build: ints as IntNode, LongNode or BigIntegerNode
 * by size, numbers with a fraction as exact DecimalNodes, keys in order. Creating a Jackson parser
 * and deserialization context per document cost as much as parsing it (the lazy parse was 16% of a
 * normalized pg->pg load); PostgreSQL prints jsonb in one plain form (no exponents, escapes only
 * where JSON needs them), which this reads directly.
 *
 * <p>Anything else (an exponent, a leading zero, an unexpected byte) makes {@link #parseObject}
 * return {@code null}, and the caller parses the text with Jackson instead, so the result never
 * depends on which parser ran. Property names are shared between documents through a small cache,
 * as Jackson's name canonicalization does, so that the records waiting in memory do not each hold
 * their own copies. jsonb has no duplicate keys. Nesting deeper than {@value #MAX_DEPTH} is left to Jackson.
 */
final class JsonbTextParser {

    private static final int MAX_DEPTH = 200;
    private static final int NAME_CACHE_SIZE = 512;
    /** Names seen recently, by hash of their bytes; entries are immutable, so sharing them between threads needs no lock. */
    private static final CachedName[] NAMES = new CachedName[NAME_CACHE_SIZE];

    private final byte[] text;
    private int at;

    private JsonbTextParser(byte[] text) {
        this.text = text;
    }

    /** The properties of the object that {@code text} holds, or {@code null} when the text is not in the plain form read here. */
    static Map<String, JsonNode> parseObject(byte[] text) {
        JsonbTextParser parser = new JsonbTextParser(text);
        try {
            if (parser.next() != '{') {
                return null;
            }
            Map<String, JsonNode> properties = parser.properties(0);
            parser.skipBlanks();
            return parser.at == text.length ? properties : null;
        } catch (NotPlain | IndexOutOfBoundsException | NumberFormatException e) {
            return null;
        }
    }

    /** After the object's opening brace. */
    private Map<String, JsonNode> properties(int depth) {
        Map<String, JsonNode> properties = new LinkedHashMap<>();
        skipBlanks();
        if (text[at] == '}') {
            at++;
            return properties;
        }
        while (true) {
            if (next() != '"') {
                throw NotPlain.INSTANCE;
            }
            String name = name();
            if (next() != ':') {
                throw NotPlain.INSTANCE;
            }
            properties.put(name, value(next(), depth));
            byte b = next();
            if (b == '}') {
                return properties;
            }
            if (b != ',') {
                throw NotPlain.INSTANCE;
            }
        }
    }

    /** The value that starts with {@code first}. */
    private JsonNode value(byte first, int depth) {
        switch (first) {
            case '{':
                if (depth >= MAX_DEPTH) {
                    throw NotPlain.INSTANCE;
                }
                return new ObjectNode(JsonNodeFactory.instance, properties(depth + 1));
            case '[':
                if (depth >= MAX_DEPTH) {
                    throw NotPlain.INSTANCE;
                }
                return array(depth + 1);
            case '"':
                return StringNode.valueOf(string());
            case 't':
                literal("rue");
                return BooleanNode.TRUE;
            case 'f':
                literal("alse");
                return BooleanNode.FALSE;
            case 'n':
                literal("ull");
                return NullNode.getInstance();
            default:
                return number(first);
        }
    }

    private JsonNode array(int depth) {
        List<JsonNode> items = new ArrayList<>();
        skipBlanks();
        if (text[at] == ']') {
            at++;
            return new ArrayNode(JsonNodeFactory.instance, items);
        }
        while (true) {
            items.add(value(next(), depth));
            byte b = next();
            if (b == ']') {
                return new ArrayNode(JsonNodeFactory.instance, items);
            }
            if (b != ',') {
                throw NotPlain.INSTANCE;
            }
        }
    }

    /** A number: {@code -?(0|[1-9][0-9]*)(\.[0-9]+)?}, the form numeric prints. */
    private JsonNode number(byte first) {
        int start = at - 1;
        int i = first == '-' ? at : start;
        int digitsStart = i;
        while (i < text.length && text[i] >= '0' && text[i] <= '9') {
            i++;
        }
        int intDigits = i - digitsStart;
        if (intDigits == 0 || (intDigits > 1 && text[digitsStart] == '0')) {
            throw NotPlain.INSTANCE;
        }
        boolean fraction = i < text.length && text[i] == '.';
        if (fraction) {
            int fractionStart = ++i;
            while (i < text.length && text[i] >= '0' && text[i] <= '9') {
                i++;
            }
            if (i == fractionStart) {
                throw NotPlain.INSTANCE;
            }
        }
        if (i < text.length && (text[i] == 'e' || text[i] == 'E')) {
            throw NotPlain.INSTANCE;
        }
        at = i;
        if (fraction) {
            return DecimalNode.valueOf(new BigDecimal(ascii(start, i)));
        }
        if (intDigits <= 18) {
            long value = 0;
            for (int d = digitsStart; d < i; d++) {
                value = value * 10 + (text[d] - '0');
            }
            if (first == '-') {
                value = -value;
            }
            return value == (int) value ? IntNode.valueOf((int) value) : LongNode.valueOf(value);
        }
        BigInteger value = new BigInteger(new String(text, start, i - start, StandardCharsets.US_ASCII));
        return value.bitLength() < 64 ? LongNode.valueOf(value.longValue()) : BigIntegerNode.valueOf(value);
    }

    private char[] ascii(int from, int to) {
        char[] chars = new char[to - from];
        for (int i = 0; i < chars.length; i++) {
            chars[i] = (char) text[from + i];
        }
        return chars;
    }

    /** A property name, after its opening quote: the cached String when the same bytes were seen before. */
    private String name() {
        int start = at;
        int hash = 0;
        for (int i = start; ; i++) {
            byte b = text[i];
            if (b == '"') {
                CachedName cached = NAMES[hash & (NAME_CACHE_SIZE - 1)];
                if (cached != null && Arrays.equals(cached.utf8, 0, cached.utf8.length, text, start, i)) {
                    at = i + 1;
                    return cached.name;
                }
                String name = new String(text, start, i - start, StandardCharsets.UTF_8);
                NAMES[hash & (NAME_CACHE_SIZE - 1)] = new CachedName(Arrays.copyOfRange(text, start, i), name);
                at = i + 1;
                return name;
            }
            if (b == '\\' || (b >= 0 && b < 0x20)) {
                return string();
            }
            hash = 31 * hash + b;
        }
    }

    /** A string, after its opening quote. */
    private String string() {
        int start = at;
        int i = start;
        while (true) {
            byte b = text[i];
            if (b == '"') {
                at = i + 1;
                return new String(text, start, i - start, StandardCharsets.UTF_8);
            }
            if (b == '\\') {
                return escapedString(start, i);
            }
            if (b >= 0 && b < 0x20) {
                throw NotPlain.INSTANCE;
            }
            i++;
        }
    }

    /** The rest of a string that has escapes; {@code escape} is the first backslash. */
    private String escapedString(int start, int escape) {
        StringBuilder out = new StringBuilder(escape - start + 16);
        out.append(new String(text, start, escape - start, StandardCharsets.UTF_8));
        int i = escape;
        while (true) {
            int run = i;
            while (text[i] != '"' && text[i] != '\\') {
                if (text[i] >= 0 && text[i] < 0x20) {
                    throw NotPlain.INSTANCE;
                }
                i++;
            }
            if (i > run) {
                out.append(new String(text, run, i - run, StandardCharsets.UTF_8));
            }
            if (text[i] == '"') {
                at = i + 1;
                return out.toString();
            }
            byte e = text[i + 1];
            i += 2;
            switch (e) {
                case '"' -> out.append('"');
                case '\\' -> out.append('\\');
                case '/' -> out.append('/');
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'u' -> {
                    int c = 0;
                    for (int end = i + 4; i < end; i++) {
                        int digit = Character.digit(text[i], 16);
                        if (digit < 0) {
                            throw NotPlain.INSTANCE;
                        }
                        c = c * 16 + digit;
                    }
                    out.append((char) c);
                }
                default -> throw NotPlain.INSTANCE;
            }
        }
    }

    private void literal(String rest) {
        for (int i = 0; i < rest.length(); i++) {
            if (text[at++] != rest.charAt(i)) {
                throw NotPlain.INSTANCE;
            }
        }
    }

    /** The next byte that is not JSON whitespace, consumed. */
    private byte next() {
        skipBlanks();
        return text[at++];
    }

    private void skipBlanks() {
        while (at < text.length && (text[at] == ' ' || text[at] == '\n' || text[at] == '\r' || text[at] == '\t')) {
            at++;
        }
    }

    private record CachedName(byte[] utf8, String name) {}

    /** The text is not in the plain form read here: Jackson parses it instead. */
    private static final class NotPlain extends RuntimeException {
        static final NotPlain INSTANCE = new NotPlain();

        private NotPlain() {
            super(null, null, false, false);
        }
    }
}
