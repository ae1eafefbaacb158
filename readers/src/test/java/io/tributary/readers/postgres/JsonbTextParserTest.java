package io.tributary.readers.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.connector.record.RecordJson;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

class JsonbTextParserTest {

    private static Map<String, JsonNode> parse(String text) {
        return JsonbTextParser.parseObject(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The tree as Jackson builds it, and what the parser built wrapped the same way. */
    private static void assertParsesLikeJackson(String text) {
        Map<String, JsonNode> properties = parse(text);
        assertThat(properties).as("plain form: %s", text).isNotNull();
        assertSameTree(
                new ObjectNode(JsonNodeFactory.instance, properties), PostgresTypeKind.JSON_MAPPER.readTree(text));
    }

    /**
     * The same node classes everywhere (an IntNode is no LongNode), the same text, the same order. A
     * lazily parsed jsonb object ({@link JsonbObjectNode}) stands for an ObjectNode.
     */
    static void assertSameTree(JsonNode actual, JsonNode expected) {
        assertThat(actual.toString()).isEqualTo(expected.toString());
        assertThat(actual).isEqualTo(expected);
        if (!(actual instanceof JsonbObjectNode)) {
            assertThat(actual.getClass()).as("%s", expected).isEqualTo(expected.getClass());
        }
        assertThat(actual.size()).isEqualTo(expected.size());
        if (expected.isObject()) {
            assertThat(actual.propertyNames()).containsExactlyElementsOf(expected.propertyNames());
            expected.propertyNames().forEach(name -> assertSameTree(actual.get(name), expected.get(name)));
        } else if (expected.isArray()) {
            for (int i = 0; i < expected.size(); i++) {
                assertSameTree(actual.get(i), expected.get(i));
            }
        }
    }

    @Test
    void readsEveryKindOfValueAsJacksonDoes() {
        assertParsesLikeJackson("{\"ints\":[0,-0,-1,2147483647,2147483648,-2147483648,-2147483649,999999999999999999,"
                + "9223372036854775807,-9223372036854775808,9223372036854775808,-9223372036854775809,"
                + "123456789012345678901234567890],\"decimals\":[1.50,-0.0001,0.0,-0.0,100.000,12345678901234567890.123456789],"
                + "\"text\":\"\\u00e9\\n\\\"q\\\" \\\\ \\/ \\b\\f\\r\\t \\ud83d\\ude00 日本 ü\",\"flags\":[true,false,null],"
                + "\"empty\":{},\"none\":[],\"deep\":{\"a\":[{\"b\":[[1],{\"c\":null}]}]},\"\":\"empty key\","
                + "\"k\\\"ey\\u0041\":1,\"ключ\":\"значение\"}");
        assertParsesLikeJackson("{\"a\": 1, \"b\": [1, 2, {\"c\": \"d\"}]}");
        assertParsesLikeJackson("{}");
        assertParsesLikeJackson(" {\n\t\"spaced\" :\r [ 1 , 2 ] } ");
    }

    @Test
    void leavesAnythingButThePlainFormToJackson() {
        assertThat(parse("{\"a\":1e5}")).isNull();
        assertThat(parse("{\"a\":1.5E-3}")).isNull();
        assertThat(parse("{\"a\":01}")).isNull();
        assertThat(parse("{\"a\":1.}")).isNull();
        assertThat(parse("{\"a\":-}")).isNull();
        assertThat(parse("{\"a\":\"\\x\"}")).isNull();
        assertThat(parse("{\"a\":\"\\u12g4\"}")).isNull();
        assertThat(parse("{\"a\":tru}")).isNull();
        assertThat(parse("{\"a\":1")).isNull();
        assertThat(parse("{\"a\":1}x")).isNull();
        assertThat(parse("{\"a\" 1}")).isNull();
        assertThat(parse("{\"a\":\"tab\tinside\"}")).isNull();
        assertThat(parse("[1]")).isNull();
        assertThat(parse("{\"a\":" + "[".repeat(500) + "]".repeat(500) + "}"))
                .as("deep nesting")
                .isNull();
    }

    @Test
    void aDocumentJacksonReadsInsteadBuildsTheSameTree() {
        String text = "{\"a\": 1e5, \"b\": [1.5E-3]}";
        JsonNode lazy = JsonbObjectNode.of(text.getBytes(StandardCharsets.UTF_8));
        assertThat(lazy.get("a").decimalValue()).isEqualTo(new BigDecimal("1e5"));
        assertSameTree(
                new ObjectNode(JsonNodeFactory.instance, Map.of("x", lazy))
                        .get("x")
                        .deepCopy(),
                PostgresTypeKind.JSON_MAPPER.readTree(text));
    }

    @Test
    void namesAreSharedBetweenDocuments() {
        String a = parse("{\"street\":\"a\"}").keySet().iterator().next();
        String b = parse("{\"street\":\"b\"}").keySet().iterator().next();
        assertThat(a).isEqualTo("street").isSameAs(b);
    }

    @Test
    void readsRandomDocumentsAsJacksonDoes() {
        Random random = new Random(7);
        for (int i = 0; i < 3_000; i++) {
            ObjectNode document = randomObject(random, 0);
            // decimals as plain digits, as PostgreSQL prints numeric
            String compact = RecordJson.MAPPER.writeValueAsString(document);
            assertParsesLikeJackson(compact);
            // PostgreSQL's spacing, as JsonbObjectNode would get it before compaction
            assertParsesLikeJackson(compact.replace(",\"", ", \"").replace("\":", "\": "));
        }
    }

    private static ObjectNode randomObject(Random random, int depth) {
        ObjectNode object = JsonNodeFactory.instance.objectNode();
        int size = random.nextInt(depth == 0 ? 8 : 4);
        for (int i = 0; i < size; i++) {
            String name = randomString(random, 6);
            switch (random.nextInt(depth < 3 ? 10 : 8)) {
                case 0 -> object.put(name, random.nextInt());
                case 1 -> object.put(name, random.nextLong() >> random.nextInt(64));
                case 2 -> object.put(name, new BigInteger(100, random).negate());
                case 3 ->
                    object.put(name, BigDecimal.valueOf(random.nextLong() >> random.nextInt(64), random.nextInt(12)));
                case 4 -> object.put(name, randomString(random, 20));
                case 5 -> object.put(name, random.nextBoolean());
                case 6 -> object.putNull(name);
                case 7 -> object.put(name, new BigDecimal(new BigInteger(90, random), random.nextInt(30)));
                case 8 -> object.set(name, randomObject(random, depth + 1));
                default -> {
                    var array = object.putArray(name);
                    for (int j = random.nextInt(4); j > 0; j--) {
                        array.add(
                                random.nextBoolean()
                                        ? randomObject(random, depth + 1)
                                        : JsonNodeFactory.instance.numberNode(random.nextInt(5)));
                    }
                }
            }
        }
        return object;
    }

    private static String randomString(Random random, int maxLength) {
        String alphabet = "abcxyz _-\"\\/\n\t\u0001\u001féü日本\uD83D\uDE00,:{}[]";
        StringBuilder s = new StringBuilder();
        for (int i = random.nextInt(maxLength + 1); i > 0; i--) {
            int c = random.nextInt(alphabet.length());
            if (Character.isHighSurrogate(alphabet.charAt(c)) && c + 1 < alphabet.length()) {
                s.append(alphabet, c, c + 2);
            } else if (!Character.isLowSurrogate(alphabet.charAt(c))) {
                s.append(alphabet.charAt(c));
            }
        }
        return s.toString();
    }
}
