package io.tributary.normalization;

import static io.tributary.normalization.StreamFixtures.record;
import static io.tributary.normalization.StreamFixtures.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.connector.naming.NamingConvention;
import io.tributary.connector.schema.Column;
import io.tributary.connector.schema.ColumnType;
import io.tributary.connector.schema.TableRow;
import io.tributary.connector.schema.TableSchema;
import io.tributary.normalization.schema.InvalidStreamSchemaException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class TypedColumnsTest {

    private static final String SCHEMA = """
            {"type": "object", "properties": {
              "id": {"type": "integer"},
              "price": {"type": ["null", "number"], "precision": 10, "scale": 2},
              "ratio": {"type": "number"},
              "active": {"type": "boolean"},
              "born": {"type": "string", "format": "date"},
              "wakes": {"type": "string", "format": "time"},
              "meets": {"type": "string", "format": "time", "airbyte_type": "time_with_timezone"},
              "created": {"type": "string", "format": "date-time", "airbyte_type": "timestamp_without_timezone"},
              "updated": {"type": "string", "format": "date-time", "airbyte_type": "timestamp_with_timezone"},
              "code": {"anyOf": [{"type": "string"}, {"type": "integer"}]},
              "photo": {"type": "string", "contentEncoding": "base64"},
              "extra": {}}}
            """;

    @Test
    void typesColumnsFromTheJsonSchemaWithPrecisionAndScale() {
        TableSchema table = StreamFixtures.normalizer("t", SCHEMA).tables().root();
        assertThat(table.columns().subList(0, 12))
                .containsExactly(
                        new Column("id", List.of("id"), ColumnType.INTEGER, null, null),
                        new Column("price", List.of("price"), ColumnType.NUMBER, 10, 2),
                        new Column("ratio", List.of("ratio"), ColumnType.NUMBER, null, null),
                        new Column("active", List.of("active"), ColumnType.BOOLEAN, null, null),
                        new Column("born", List.of("born"), ColumnType.DATE, null, null),
                        new Column("wakes", List.of("wakes"), ColumnType.TIME, null, null),
                        new Column("meets", List.of("meets"), ColumnType.TIME_TZ, null, null),
                        new Column("created", List.of("created"), ColumnType.TIMESTAMP, null, null),
                        new Column("updated", List.of("updated"), ColumnType.TIMESTAMP_TZ, null, null),
                        new Column("code", List.of("code"), ColumnType.STRING, null, null),
                        new Column("photo", List.of("photo"), ColumnType.STRING, null, null),
                        new Column("extra", List.of("extra"), ColumnType.JSON, null, null));
    }

    @Test
    void givesEachValueTheJavaTypeOfItsColumn() {
        TableRow row = StreamFixtures.normalizer("t", SCHEMA)
                .process(record("""
                {"id": 1, "price": 9.5, "ratio": 0.25, "active": true, "born": "2000-01-31", "wakes": "07:00",
                 "meets": "09:30:00+01:00", "created": "2024-05-01T10:00:00", "updated": "2024-05-01T10:00:00Z",
                 "code": 12, "photo": "aGk=", "extra": [1, {"a": "b"}]}"""))
                .rows()
                .get(0);
        assertThat(row.values())
                .startsWith(
                        1L,
                        new BigDecimal("9.50"),
                        new BigDecimal("0.25"),
                        true,
                        LocalDate.of(2000, 1, 31),
                        LocalTime.of(7, 0),
                        OffsetTime.of(9, 30, 0, 0, ZoneOffset.ofHours(1)),
                        LocalDateTime.of(2024, 5, 1, 10, 0),
                        OffsetDateTime.of(2024, 5, 1, 10, 0, 0, 0, ZoneOffset.UTC),
                        "12",
                        "aGk=",
                        "[1,{\"a\":\"b\"}]");
        assertThat(value(row, "_airbyte_meta")).isEqualTo(MetadataColumns.NO_CHANGES);
    }

    @Test
    void mapsThePrimaryKeyToItsColumnsIncludingNestedKeys() {
        var stream = StreamFixtures.stream(
                "customers", StreamFixtures.CUSTOMERS_SCHEMA, List.of(List.of("id"), List.of("contact", "email")));
        StreamNormalizer normalizer = Normalization.forStream(stream, StreamFixtures.OPTIONS);
        assertThat(normalizer.tables().root().primaryKey()).containsExactly("id", "contact_email");
    }

    @Test
    void rejectsAPrimaryKeyThatIsNotAColumn() {
        var stream = StreamFixtures.stream("customers", StreamFixtures.CUSTOMERS_SCHEMA, List.of(List.of("contact")));
        assertThatThrownBy(() -> Normalization.forStream(stream, StreamFixtures.OPTIONS))
                .isInstanceOf(InvalidStreamSchemaException.class)
                .hasMessageStartingWith(
                        "Stream public.customers: primary key field contact is not a column of its normalized table")
                .hasMessageEndingWith("choose a scalar field of the schema as key");
    }

    @Test
    void rejectsANegativeMaxDepth() {
        assertThatThrownBy(() -> new NormalizationOptions(-1, NamingConvention.POSTGRES))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxDepth must be 0 or more, was -1");
    }
}
