package io.tributary.readers.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class JsonbObjectNodeTest {

    /** What PostgreSQL prints for a jsonb object: a blank after each colon and comma outside strings. */
    private static final String JSONB =
            "{\"a\": 1, \"b\": {\"c\": [1.50, \"x, y: z\", null, true]}, \"q\\\": \": \"\\\\\", \"e\": {}}";

    private static final String COMPACT =
            "{\"a\":1,\"b\":{\"c\":[1.50,\"x, y: z\",null,true]},\"q\\\": \":\"\\\\\",\"e\":{}}";

    private static String compact(String jsonb) {
        return new String(JsonbObjectNode.compact(jsonb.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
    }

    @Test
    void compactsPostgresSpacingOutsideStringsOnly() {
        assertThat(compact(JSONB)).isEqualTo(COMPACT);
        assertThat(compact("{\"a\":1}")).isEqualTo("{\"a\":1}");
        assertThat(compact("{\"é, ü\": \"日本: 語, \\\"x\\\"\", \"😀\": [1, \"ß\"]}"))
                .isEqualTo("{\"é, ü\":\"日本: 語, \\\"x\\\"\",\"😀\":[1,\"ß\"]}");
    }

    @Test
    void compactsDocumentsOfAnySizeTheSame() {
        for (int size : new int[] {10, 5_000, 3_000_000}) {
            String value = "x, y: z".repeat(size / 7 + 1);
            String jsonb = "{\"a\": [1, 2], \"v\": \"" + value + "\", \"b\": {\"c\": 3}}";
            assertThat(compact(jsonb)).isEqualTo("{\"a\":[1,2],\"v\":\"" + value + "\",\"b\":{\"c\":3}}");
        }
        assertThat(compact(JSONB)).as("after a large document").isEqualTo(COMPACT);
    }

    @Test
    void keepsTheDriversArrayWhenThereIsNoBlankToDrop() {
        byte[] compact = "{\"a\":[1,2]}".getBytes(StandardCharsets.UTF_8);
        assertThat(JsonbObjectNode.compact(compact)).isSameAs(compact);
    }

    @Test
    void readFromTheDriversBytesIsTheSameAsReadFromText() {
        String jsonb = "{\"name\": \"Zoë 日本\", \"long\": \"" + "x".repeat(20_000) + "\", \"n\": [1.50, 2]}";
        JsonNode fromBytes = JsonbObjectNode.of(jsonb.getBytes(StandardCharsets.UTF_8));
        JsonNode fromText = JsonbObjectNode.of(jsonb);
        JsonMapper mapper = JsonMapper.builder().build();
        ObjectNode record = mapper.createObjectNode().put("id", 1);
        record.set("doc", fromBytes);
        String expected = "{\"id\":1,\"doc\":" + compact(jsonb) + "}";
        assertThat(new String(mapper.writeValueAsBytes(record), StandardCharsets.UTF_8))
                .as("a UTF-8 generator")
                .isEqualTo(expected);
        assertThat(mapper.writeValueAsString(record))
                .as("a character generator")
                .isEqualTo(expected);
        assertThat(((JsonbObjectNode) fromBytes).isParsed()).isFalse();
        assertThat(fromBytes).isEqualTo(fromText).isEqualTo(PostgresTypeKind.JSON_MAPPER.readTree(jsonb));
        assertThat(JsonbObjectNode.of("[1.50, 2]".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(PostgresTypeKind.JSON_MAPPER.readTree("[1.50, 2]"));
    }

    @Test
    void isWrittenAsItsTextWhileNobodyLooksInside() {
        JsonNode node = JsonbObjectNode.of(JSONB);
        ObjectNode record = JsonMapper.builder().build().createObjectNode().put("id", 1);
        record.set("doc", node);
        assertThat(JsonMapper.builder().build().writeValueAsString(record))
                .isEqualTo("{\"id\":1,\"doc\":" + COMPACT + "}");
        assertThat(((JsonbObjectNode) node).isParsed()).isFalse();
    }

    @Test
    void isStillWrittenAsItsTextAfterNormalizationLookedInsideButNotOnceChanged() {
        JsonMapper mapper = JsonMapper.builder().build();
        JsonNode node = JsonbObjectNode.of(JSONB);
        assertThat(node.size()).isEqualTo(4);
        assertThat(((JsonbObjectNode) node).isParsed()).isTrue();
        assertThat(((JsonbObjectNode) node).jsonSize()).isEqualTo(COMPACT.getBytes(StandardCharsets.UTF_8).length);
        assertThat(mapper.writeValueAsString(node)).isEqualTo(COMPACT);
        ((ObjectNode) node).put("added", 1);
        assertThat(mapper.writeValueAsString(node)).endsWith(",\"added\":1}").isNotEqualTo(COMPACT);
    }

    @Test
    void readsLikeTheParsedTreeOnceLookedAtWithExactNumbers() {
        JsonNode lazy = JsonbObjectNode.of(JSONB);
        JsonNode parsed = PostgresTypeKind.JSON_MAPPER.readTree(JSONB);
        assertThat(lazy).isEqualTo(parsed);
        assertThat(parsed).isEqualTo(JsonbObjectNode.of(JSONB));
        assertThat(lazy.hashCode()).isEqualTo(parsed.hashCode());
        assertThat(lazy.path("b").path("c").get(0).decimalValue()).isEqualTo(new BigDecimal("1.50"));
        assertThat(lazy.size()).isEqualTo(4);
        assertThat(lazy.propertyNames()).containsExactly("a", "b", "q\": ", "e");
        assertThat(((JsonbObjectNode) lazy).isParsed()).isTrue();
        assertThat(lazy.toString()).isEqualTo(parsed.toString());
        assertThat(lazy.deepCopy()).isEqualTo(parsed);
    }

    @Test
    void buildsTheSameTreeAsTheMapperForEveryKindOfValue() {
        String jsonb =
                "{\"ints\": [0, -1, 2147483647, 2147483648, -2147483649, 9223372036854775807, -9223372036854775808, "
                        + "9223372036854775808, 123456789012345678901234567890], \"decimals\": [1.50, -0.0001, 0.0, 100.000, "
                        + "12345678901234567890.123456789], \"text\": \"\\u00e9\\n\\\"q\\\" 日本\", \"flags\": [true, false, null], "
                        + "\"empty\": {}, \"none\": [], \"deep\": {\"a\": [{\"b\": [[1], {\"c\": null}]}]}, \"\": \"empty key\"}";
        JsonNode lazy = JsonbObjectNode.of(jsonb.getBytes(StandardCharsets.UTF_8));
        JsonNode parsed = PostgresTypeKind.JSON_MAPPER.readTree(jsonb);
        lazy.size(); // parse
        JsonbTextParserTest.assertSameTree(lazy, parsed);
        assertThat(lazy).isEqualTo(parsed);
        assertThat(lazy.toString()).isEqualTo(parsed.toString());
    }

    @Test
    void writesTheTreeOnceChanged() {
        ObjectNode lazy = (ObjectNode) JsonbObjectNode.of("{\"a\": 1}");
        lazy.put("b", 2);
        assertThat(lazy.toString()).isEqualTo("{\"a\":1,\"b\":2}");
    }

    @Test
    void parsesAnythingButAnObjectAtOnce() {
        assertThat(JsonbObjectNode.of("[1, 2]"))
                .isNotInstanceOf(JsonbObjectNode.class)
                .hasSize(2);
        assertThat(JsonbObjectNode.of("\"text\"").asString()).isEqualTo("text");
        assertThat(JsonbObjectNode.of("12.50").decimalValue()).isEqualTo(new BigDecimal("12.50"));
    }
}
