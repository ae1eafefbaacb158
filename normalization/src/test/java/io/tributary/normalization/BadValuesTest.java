package io.tributary.normalization;

import static io.tributary.normalization.StreamFixtures.record;
import static io.tributary.normalization.StreamFixtures.rowsOf;
import static io.tributary.normalization.StreamFixtures.value;
import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.connector.record.SourceRecord;
import io.tributary.connector.schema.NormalizedRecord;
import io.tributary.connector.schema.TableRow;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A value that does not fit its column becomes NULL, is recorded in the row's _airbyte_meta, and stays in the raw record. */
class BadValuesTest {

    private static final String SCHEMA = """
            {"properties": {
              "id": {"type": "integer"},
              "born": {"type": "string", "format": "date"},
              "price": {"type": "number", "precision": 5, "scale": 2},
              "contact": {"type": "object", "properties": {"email": {"type": "string"}, "age": {"type": "integer"}}},
              "orders": {"type": "array", "items": {"type": "object", "properties": {"qty": {"type": "integer"}}}}}}
            """;

    private final StreamNormalizer normalizer = StreamFixtures.normalizer("people", SCHEMA);

    @Test
    void nullsAStringInAnIntegerColumnAndRecordsIt() {
        SourceRecord source = record("{\"id\": \"abc\", \"born\": \"1815-12-10\"}");
        NormalizedRecord normalized = normalizer.process(source);
        TableRow row = normalized.rows().get(0);
        assertThat(value(row, "id")).isNull();
        assertThat(value(row, "born")).isEqualTo(LocalDate.of(1815, 12, 10));
        assertThat(value(row, "_airbyte_meta"))
                .isEqualTo(
                        "{\"changes\":[{\"field\":\"id\",\"change\":\"NULLED\","
                                + "\"reason\":\"DESTINATION_TYPECAST_ERROR\",\"message\":\"expected an integer, found the string \\\"abc\\\"\"}]}");
        assertThat(normalized.source()).isSameAs(source);
        assertThat(source.data().get("id").asString()).isEqualTo("abc");
    }

    @Test
    void recordsEveryBadValueOfARowWithItsFlattenedPath() {
        TableRow row = normalizer
                .process(record("{\"born\": \"1815-13-10\", \"contact\": {\"email\": \"a@b\", \"age\": \"old\"}}"))
                .rows()
                .get(0);
        assertThat(value(row, "contact_email")).isEqualTo("a@b");
        assertThat(value(row, "contact_age")).isNull();
        assertThat(StreamFixtures.JSON
                        .readTree((String) value(row, "_airbyte_meta"))
                        .get("changes"))
                .extracting(
                        c -> c.get("field").asString() + " " + c.get("change").asString())
                .containsExactly("born NULLED", "contact.age NULLED");
    }

    @Test
    void recordsRoundingToTheColumnsScaleAsTruncated() {
        TableRow row = normalizer.process(record("{\"price\": 12.345}")).rows().get(0);
        assertThat(value(row, "price")).isEqualTo(new BigDecimal("12.35"));
        assertThat((String) value(row, "_airbyte_meta"))
                .contains("\"field\":\"price\",\"change\":\"TRUNCATED\","
                        + "\"reason\":\"DESTINATION_FIELD_SIZE_LIMITATION\"");
    }

    @Test
    void nullsTheColumnsOfAnObjectThatIsNotAnObject() {
        TableRow row = normalizer
                .process(record("{\"contact\": \"ada@example.com\"}"))
                .rows()
                .get(0);
        assertThat(value(row, "contact_email")).isNull();
        assertThat((String) value(row, "_airbyte_meta"))
                .contains("\"field\":\"contact\",\"change\":\"NULLED\"", "expected an object, found a string");
    }

    @Test
    void recordsAnArrayThatIsNotAnArrayAndItemsThatAreNotObjectsOnTheParentRow() {
        List<TableRow> rows =
                normalizer.process(record("{\"orders\": {\"qty\": 1}}")).rows();
        assertThat(rows).hasSize(1);
        assertThat((String) value(rows.get(0), "_airbyte_meta"))
                .contains("\"field\":\"orders\"", "expected an array of objects, found an object");

        rows = normalizer
                .process(record("{\"orders\": [{\"qty\": 1}, 7, {\"qty\": 2}]}"))
                .rows();
        assertThat(rowsOf(rows, "people_orders"))
                .extracting(r -> value(r, "qty"))
                .containsExactly(1L, 2L);
        assertThat((String) value(rows.get(0), "_airbyte_meta"))
                .contains("\"field\":\"orders[1]\"", "expected an object, found a number");
    }

    @Test
    void recordsBadValuesOfChildRowsInTheChildRow() {
        List<TableRow> rows = normalizer
                .process(record("{\"orders\": [{\"qty\": 1}, {\"qty\": \"many\"}]}"))
                .rows();
        assertThat(value(rows.get(0), "_airbyte_meta")).isEqualTo(MetadataColumns.NO_CHANGES);
        assertThat(value(rows.get(1), "_airbyte_meta")).isEqualTo(MetadataColumns.NO_CHANGES);
        assertThat(value(rows.get(2), "qty")).isNull();
        assertThat((String) value(rows.get(2), "_airbyte_meta")).contains("\"field\":\"qty\",\"change\":\"NULLED\"");
    }

    @Test
    void keepsTheOriginalValueInTheHashid() {
        Object bad =
                value(normalizer.process(record("{\"id\": \"abc\"}")).rows().get(0), "_airbyte_people_hashid");
        Object missing = value(normalizer.process(record("{}")).rows().get(0), "_airbyte_people_hashid");
        assertThat(bad).isNotEqualTo(missing);
    }
}
