package io.tributary.readers.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class JsonbObjectNodeTest {

    /** What PostgreSQL prints for a jsonb object: a blank after each colon and comma outside strings. */
    private static final String JSONB = "{\"a\": 1, \"b\": {\"c\": [1.50, \"x, y: z\", null, true]}, \"q\\\": \": \"\\\\\", \"e\": {}}";
    private static final String COMPACT = "{\"a\":1,\"b\":{\"c\":[1.50,\"x, y: z\",null,true]},\"q\\\": \":\"\\\\\",\"e\":{}}";

    @Test
    void compactsPostgresSpacingOutsideStringsOnly() {
        assertThat(JsonbObjectNode.compact(JSONB)).isEqualTo(COMPACT);
        assertThat(JsonbObjectNode.compact("{\"a\":1}")).isEqualTo("{\"a\":1}");
    }

    @Test
    void isWrittenAsItsTextWhileNobodyLooksInside() {
        JsonNode node = JsonbObjectNode.of(JSONB);
        ObjectNode record = JsonMapper.builder().build().createObjectNode().put("id", 1);
        record.set("doc", node);
        assertThat(JsonMapper.builder().build().writeValueAsString(record)).isEqualTo("{\"id\":1,\"doc\":" + COMPACT + "}");
        assertThat(((JsonbObjectNode) node).isParsed()).isFalse();
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
    void writesTheTreeOnceChanged() {
        ObjectNode lazy = (ObjectNode) JsonbObjectNode.of("{\"a\": 1}");
        lazy.put("b", 2);
        assertThat(lazy.toString()).isEqualTo("{\"a\":1,\"b\":2}");
    }

    @Test
    void parsesAnythingButAnObjectAtOnce() {
        assertThat(JsonbObjectNode.of("[1, 2]")).isNotInstanceOf(JsonbObjectNode.class).hasSize(2);
        assertThat(JsonbObjectNode.of("\"text\"").asString()).isEqualTo("text");
        assertThat(JsonbObjectNode.of("12.50").decimalValue()).isEqualTo(new BigDecimal("12.50"));
    }
}
