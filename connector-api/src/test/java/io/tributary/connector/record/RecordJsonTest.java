package io.tributary.connector.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

class RecordJsonTest {

    @Test
    void encodesEachValueAloneWithExactPlainDecimals() {
        RecordJson json = new RecordJson();
        ObjectNode first = JsonNodeFactory.instance
                .objectNode()
                .put("id", 1)
                .put("price", new BigDecimal("1E+3"))
                .put("rate", new BigDecimal("0.000000012300"))
                .put("name", "Zoë \"東京\"");
        first.putArray("tags").add("a").addNull();
        assertThat(new String(json.encode(first), StandardCharsets.UTF_8))
                .isEqualTo(
                        "{\"id\":1,\"price\":1000,\"rate\":0.000000012300,\"name\":\"Zoë \\\"東京\\\"\",\"tags\":[\"a\",null]}");
        ObjectNode second = JsonNodeFactory.instance.objectNode().put("id", 2);
        assertThat(new String(json.encode(second), StandardCharsets.UTF_8)).isEqualTo("{\"id\":2}");
    }

    @Test
    void aTypedRecordEncodesStraightFromItsValuesAsItsJsonTreeWould() {
        RecordSchema schema =
                RecordSchema.of(List.of("id", "price", "name", "at", "day", "local", "time", "blob", "doc", "none"));
        Object[] values = {
            7L,
            new BigDecimal("10.50"),
            "Zoë",
            OffsetDateTime.of(2024, 1, 31, 10, 0, 0, 500_000_000, ZoneOffset.UTC),
            LocalDate.of(-43, 3, 15),
            LocalDateTime.of(12345, 1, 1, 0, 0),
            OffsetTime.of(10, 0, 0, 0, ZoneOffset.ofHours(5)),
            new byte[] {1, 2, 3},
            JsonNodeFactory.instance.objectNode().put("a", 1),
            null
        };
        SourceRecord record = SourceRecord.typed(schema, values, 5L);
        String expected =
                "{\"id\":7,\"price\":10.50,\"name\":\"Zoë\",\"at\":\"2024-01-31T10:00:00.5Z\",\"day\":\"-0043-03-15\","
                        + "\"local\":\"+12345-01-01T00:00:00\",\"time\":\"10:00:00+05:00\",\"blob\":\"AQID\",\"doc\":{\"a\":1},\"none\":null}";
        RecordJson json = new RecordJson();
        assertThat(new String(json.encode(record), StandardCharsets.UTF_8)).isEqualTo(expected);
        assertThat(new String(json.encode(record.data()), StandardCharsets.UTF_8))
                .isEqualTo(expected);
        assertThat(record.get("price")).isEqualTo(new BigDecimal("10.50"));
        assertThat(record.get("missing")).isNull();
        assertThat(record.emittedAt()).isEqualTo(5L);
    }

    @Test
    void theCountedSizeOfAnAsciiRecordIsTheLengthOfItsJson() {
        RecordSchema schema = RecordSchema.of(List.of("id", "qty", "price", "name", "ok", "none"));
        SourceRecord record = SourceRecord.typed(
                schema, new Object[] {-1234567890123L, 0L, new BigDecimal("-0.05"), "plain text", true, null}, 0L);
        assertThat(record.jsonSize()).isEqualTo(new RecordJson().encode(record).length);
    }

    @Test
    void theCountedSizeOfAnAsciiDocumentIsTheLengthOfItsJsonWithoutEncodingIt() {
        ObjectNode data = JsonNodeFactory.instance
                .objectNode()
                .put("id", -42)
                .put("name", "plain")
                .put("ok", false)
                .putNull("none");
        data.putObject("contact").put("email", "a@b.c");
        data.putArray("tags").add("x").add(7).addNull();
        SourceRecord document = new SourceRecord(data, 0L);
        assertThat(document.jsonSize()).isEqualTo(new RecordJson().encode(document).length);
    }

    @Test
    void aDocumentRecordIsItsJsonObject() {
        ObjectNode data = JsonNodeFactory.instance.objectNode().put("id", 7);
        SourceRecord read = new SourceRecord(data, 5L);
        assertThat(read.isTyped()).isFalse();
        assertThat(read.data()).isSameAs(data);
        assertThat(read.get("id")).isEqualTo(data.get("id"));
        assertThat(new String(new RecordJson().encode(read), StandardCharsets.UTF_8))
                .isEqualTo("{\"id\":7}");
    }
}
