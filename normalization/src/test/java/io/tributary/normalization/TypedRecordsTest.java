package io.tributary.normalization;

import static io.tributary.normalization.StreamFixtures.value;
import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.connector.record.RecordJson;
import io.tributary.connector.record.RecordSchema;
import io.tributary.connector.record.SourceRecord;
import io.tributary.connector.schema.NormalizedRecord;
import io.tributary.connector.schema.TableRow;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A source that types its values (a database) and one that hands JSON (a file of the same data)
 * must land the same rows: same values, same hashids, same {@code _airbyte_meta}.
 */
class TypedRecordsTest {

    private static final String SCHEMA = """
            {"type": "object", "properties": {
              "id": {"type": "integer"},
              "price": {"type": ["null", "number"], "precision": 10, "scale": 2},
              "ratio": {"type": "number"},
              "active": {"type": "boolean"},
              "born": {"type": "string", "format": "date"},
              "meets": {"type": "string", "format": "time", "airbyte_type": "time_with_timezone"},
              "created": {"type": "string", "format": "date-time", "airbyte_type": "timestamp_without_timezone"},
              "updated": {"type": "string", "format": "date-time", "airbyte_type": "timestamp_with_timezone"},
              "label": {"type": "string"},
              "photo": {"type": "string", "contentEncoding": "base64"},
              "contact": {"type": ["null", "object"], "properties": {"email": {"type": "string"}}},
              "addresses": {"type": ["null", "array"], "items": {"type": "object", "properties": {"city": {"type": "string"}}}}}}
            """;

    /** How JSON sources read numbers: exact decimals, never doubles. */
    private static final JsonMapper EXACT = JsonMapper.builder()
            .enable(JsonNodeFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();

    private static final RecordSchema FIELDS = RecordSchema.of(List.of(
            "id",
            "price",
            "ratio",
            "active",
            "born",
            "meets",
            "created",
            "updated",
            "label",
            "photo",
            "contact",
            "addresses"));

    @Test
    void aTypedRecordBecomesTheSameRowsAsItsJsonDocument() {
        Object[] values = {
            42L,
            new BigDecimal("19.99"),
            new BigDecimal("0.016666666666666666"),
            true,
            LocalDate.of(1990, 5, 17),
            OffsetTime.of(9, 30, 0, 0, ZoneOffset.ofHours(2)),
            LocalDateTime.of(2024, 1, 31, 10, 0, 0, 500_000_000),
            OffsetDateTime.of(2024, 1, 31, 10, 0, 0, 0, ZoneOffset.UTC),
            "Ada",
            new byte[] {1, 2, 3},
            StreamFixtures.JSON.readTree("{\"email\": \"ada@example.com\"}"),
            StreamFixtures.JSON.readTree("[{\"city\": \"Paris\"}, {\"city\": \"Boston\"}]")
        };
        assertSameRows(values);
    }

    @Test
    void valuesThatDoNotFitTheirColumnsAreNulledAndRecordedAlikeInBothForms() {
        // What a database source hands when its value has no java.time form, or a value of another type.
        Object[] values = {
            new BigDecimal("5.5"),
            new BigDecimal("123456789.123"),
            "NaN",
            "yes",
            "infinity",
            10L,
            "-infinity",
            "not a date",
            17L,
            null,
            "not an object",
            StreamFixtures.JSON.readTree("{\"city\": \"Paris\"}")
        };
        NormalizedRecord typed = assertSameRows(values);
        assertThat(value(typed.rows().get(0), "_airbyte_meta").toString())
                .contains("\"field\":\"id\"", "\"field\":\"price\"", "\"field\":\"updated\"", "\"field\":\"contact\"");
    }

    private static NormalizedRecord assertSameRows(Object[] values) {
        StreamNormalizer normalizer = StreamFixtures.normalizer("people", SCHEMA);
        SourceRecord typed = SourceRecord.typed(FIELDS, values, 1_000L);
        ObjectNode document = (ObjectNode) EXACT.readTree(new RecordJson().encode(typed));
        NormalizedRecord fromTyped = normalizer.process(typed);
        NormalizedRecord fromJson = normalizer.process(new SourceRecord(document, 1_000L));
        assertThat(fromTyped.rows()).hasSameSizeAs(fromJson.rows());
        for (int r = 0; r < fromTyped.rows().size(); r++) {
            TableRow a = fromTyped.rows().get(r);
            TableRow b = fromJson.rows().get(r);
            assertThat(a.table()).isEqualTo(b.table());
            for (int c = 0; c < a.values().length; c++) {
                String column = a.table().columns().get(c).name();
                if (column.equals("_airbyte_ab_id")
                        || column.endsWith("_hashid") && a.table().isChild() && column.startsWith("_airbyte_people")) {
                    continue; // a new id per record; a child's parent hashid is checked through the parent row
                }
                assertThat(String.valueOf(a.values()[c]))
                        .as(a.table().name() + "." + column)
                        .isEqualTo(String.valueOf(b.values()[c]));
            }
        }
        return fromTyped;
    }
}
