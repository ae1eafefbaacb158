package io.tributary.connector.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

class RecordJsonTest {

    @Test
    void encodesEachValueAloneWithExactPlainDecimals() {
        RecordJson json = new RecordJson();
        ObjectNode first = JsonNodeFactory.instance.objectNode().put("id", 1).put("price", new BigDecimal("1E+3"))
                .put("rate", new BigDecimal("0.000000012300")).put("name", "Zoë \"東京\"");
        first.putArray("tags").add("a").addNull();
        assertThat(new String(json.encode(first), StandardCharsets.UTF_8))
                .isEqualTo("{\"id\":1,\"price\":1000,\"rate\":0.000000012300,\"name\":\"Zoë \\\"東京\\\"\",\"tags\":[\"a\",null]}");
        ObjectNode second = JsonNodeFactory.instance.objectNode().put("id", 2);
        assertThat(new String(json.encode(second), StandardCharsets.UTF_8)).isEqualTo("{\"id\":2}");
    }

    @Test
    void aRecordAsASourceReadsItHasNoJsonUntilTheEngineEncodesIt() {
        ObjectNode data = JsonNodeFactory.instance.objectNode().put("id", 7);
        SourceRecord read = new SourceRecord(data, 5L);
        assertThat(read.json()).isNull();
        SourceRecord encoded = read.withJson(new RecordJson().encode(data));
        assertThat(encoded.data()).isSameAs(data);
        assertThat(encoded.emittedAt()).isEqualTo(5L);
        assertThat(new String(encoded.json(), StandardCharsets.UTF_8)).isEqualTo("{\"id\":7}");
    }
}
