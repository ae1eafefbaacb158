package io.tributary.readers.mysql;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.connector.catalog.Stream;
import io.tributary.connector.config.ConnectorConfig;
import io.tributary.connector.record.SourceRecord;
import io.tributary.testsupport.mysql.TestMariaDb;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import tools.jackson.databind.JsonNode;

/** Discover maps every MySQL/MariaDB type to JSON Schema, and a read returns each value exactly, typed. */
class MySqlTypeMappingIT {

    private static TestMariaDb.Database db;
    private static Stream zoo;
    private static List<SourceRecord> rows;

    @BeforeAll
    static void readTheZoo() throws Exception {
        db = TestMariaDb.get().createDatabase("my_types");
        db.execute(
                "SET SESSION sql_mode = ''",
                "SET SESSION time_zone = '+00:00'",
                MySqlTypeZoo.CREATE_TABLE,
                MySqlTypeZoo.INSERT_VALUES,
                MySqlTypeZoo.INSERT_NULLS,
                MySqlTypeZoo.INSERT_EXTREMES);
        ConnectorConfig config = MySqlSourceFixture.config(db);
        zoo = MySqlSourceFixture.discovered(config, "zoo");
        rows = MySqlSourceFixture.readAll(
                MySqlSourceFixture.SOURCE.reader(config, MySqlSourceFixture.fullRefresh(zoo), java.util.Map.of()),
                new ExecutionContext());
    }

    @AfterAll
    static void dropDatabase() {
        db.close();
    }

    private static JsonNode schemaOf(String column) {
        return zoo.jsonSchema().get("properties").get(column);
    }

    @Test
    void discoversTheTableWithItsDatabaseAsNamespaceAndItsPrimaryKey() {
        assertThat(zoo.namespace()).isEqualTo(db.name());
        assertThat(zoo.sourceDefinedPrimaryKey()).containsExactly(List.of("id"));
        assertThat(zoo.cursorCandidates())
                .contains("id", "bu", "d", "y", "dt", "dtm", "ts", "tm")
                .doesNotContain("vc", "j", "b");
    }

    @Test
    void mapsEachTypeToItsJsonSchema() {
        assertThat(schemaOf("id").toString()).isEqualTo("{\"type\":\"integer\"}");
        assertThat(schemaOf("b").toString()).isEqualTo("{\"type\":[\"null\",\"boolean\"]}");
        assertThat(schemaOf("tiu").toString()).isEqualTo("{\"type\":[\"null\",\"integer\"]}");
        assertThat(schemaOf("bu").toString())
                .isEqualTo("{\"type\":[\"null\",\"number\"],\"precision\":20,\"scale\":0}");
        assertThat(schemaOf("d").toString()).isEqualTo("{\"type\":[\"null\",\"number\"],\"precision\":12,\"scale\":2}");
        assertThat(schemaOf("dbl").toString()).isEqualTo("{\"type\":[\"null\",\"number\"]}");
        assertThat(schemaOf("bit1").toString()).isEqualTo("{\"type\":[\"null\",\"boolean\"]}");
        assertThat(schemaOf("bit10").toString()).isEqualTo("{\"type\":[\"null\",\"integer\"]}");
        assertThat(schemaOf("y").toString()).isEqualTo("{\"type\":[\"null\",\"integer\"]}");
        assertThat(schemaOf("dt").toString()).isEqualTo("{\"type\":[\"null\",\"string\"],\"format\":\"date\"}");
        assertThat(schemaOf("dtm").toString())
                .isEqualTo(
                        "{\"type\":[\"null\",\"string\"],\"format\":\"date-time\",\"airbyte_type\":\"timestamp_without_timezone\"}");
        assertThat(schemaOf("ts").toString())
                .isEqualTo(
                        "{\"type\":[\"null\",\"string\"],\"format\":\"date-time\",\"airbyte_type\":\"timestamp_with_timezone\"}");
        assertThat(schemaOf("tm").toString())
                .isEqualTo(
                        "{\"type\":[\"null\",\"string\"],\"format\":\"time\",\"airbyte_type\":\"time_without_timezone\"}");
        assertThat(schemaOf("e").toString())
                .isEqualTo("{\"type\":[\"null\",\"string\"],\"enum\":[\"small\",\"it's big\",null]}");
        assertThat(schemaOf("st").toString()).isEqualTo("{\"type\":[\"null\",\"string\"]}");
        assertThat(schemaOf("j").toString())
                .as("inferred from the column's values, so documents flatten")
                .isEqualTo("{\"type\":[\"null\",\"object\"],\"properties\":{\"a\":{\"type\":[\"null\",\"number\"]},"
                        + "\"b\":{\"type\":[\"null\",\"array\"],\"items\":{\"type\":[\"null\",\"integer\"]}},"
                        + "\"c\":{\"type\":[\"null\",\"string\"]}}}");
        assertThat(schemaOf("bn").toString())
                .isEqualTo("{\"type\":[\"null\",\"string\"],\"contentEncoding\":\"base64\"}");
        assertThat(schemaOf("bl").toString())
                .isEqualTo("{\"type\":[\"null\",\"string\"],\"contentEncoding\":\"base64\"}");
        assertThat(schemaOf("g").toString()).isEqualTo("{\"type\":[\"null\",\"string\"]}");
        assertThat(schemaOf("vc").toString()).isEqualTo("{\"type\":[\"null\",\"string\"]}");
    }

    @Test
    void aJsonColumnWithoutValuesTakesAnyJson() {
        db.execute("CREATE TABLE empty_docs (id int PRIMARY KEY, doc json)");
        Stream docs = MySqlSourceFixture.discovered(MySqlSourceFixture.config(db), "empty_docs");
        assertThat(docs.jsonSchema().get("properties").get("doc").toString()).isEqualTo("{}");
    }

    @Test
    void readsOneTypedRecordPerRowInKeyOrder() {
        assertThat(rows).extracting(r -> r.get("id")).containsExactly(1L, 2L, 3L);
        assertThat(rows).allMatch(SourceRecord::isTyped);
    }

    @Test
    void readsIntegersBooleansAndBitsExactly() {
        SourceRecord r = rows.get(0);
        assertThat(r.get("b")).isEqualTo(true);
        assertThat(r.get("ti")).isEqualTo(-128L);
        assertThat(r.get("tiu")).isEqualTo(255L);
        assertThat(r.get("si")).isEqualTo(-32768L);
        assertThat(r.get("mi")).isEqualTo(8388607L);
        assertThat(r.get("i")).isEqualTo(-2147483648L);
        assertThat(r.get("iu")).isEqualTo(4294967295L);
        assertThat(r.get("bi")).isEqualTo(9223372036854775807L);
        assertThat(r.get("bu")).isEqualTo(42L);
        assertThat(r.get("bit1")).isEqualTo(true);
        assertThat(r.get("bit10")).isEqualTo(513L);
        assertThat(r.get("y")).isEqualTo(2024L);
        SourceRecord extremes = rows.get(2);
        assertThat(extremes.get("bu")).as("2^64-1, beyond long").isEqualTo(new BigInteger("18446744073709551615"));
        assertThat(extremes.get("bi")).isEqualTo(Long.MIN_VALUE);
        assertThat(extremes.get("b")).as("tinyint(1) holding 0").isEqualTo(false);
    }

    @Test
    void readsDecimalsWithTheirScaleAndFloatsAsTheirShortestText() {
        SourceRecord r = rows.get(0);
        assertThat(r.get("d")).isEqualTo(new BigDecimal("1234567890.12"));
        assertThat(r.get("dz"))
                .isEqualTo(new BigDecimal("12345678901234567890123456789012345.123456789012345678901234567890"));
        assertThat(r.get("f")).isEqualTo(new BigDecimal("1.5"));
        assertThat(r.get("dbl")).isEqualTo(new BigDecimal("0.1"));
        assertThat(rows.get(2).get("d")).isEqualTo(new BigDecimal("-9999999999.99"));
    }

    @Test
    void readsDatesAndTimesWithoutZoneConversions() {
        SourceRecord r = rows.get(0);
        assertThat(r.get("dt")).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(r.get("dtm")).isEqualTo(LocalDateTime.of(2024, 2, 29, 13, 14, 15));
        assertThat(r.get("dtm6")).isEqualTo(LocalDateTime.of(2024, 2, 29, 13, 14, 15, 123_456_000));
        assertThat(r.get("ts")).isEqualTo(OffsetDateTime.of(2024, 2, 29, 13, 14, 15, 123_000_000, ZoneOffset.UTC));
        assertThat(r.get("tm")).isEqualTo(LocalTime.of(13, 14, 15));
        assertThat(r.get("tm6")).isEqualTo(LocalTime.of(23, 59, 59, 999_999_000));
    }

    @Test
    void keepsZeroDatesAndTimesBeyondADayAsTheServersTextForNormalizationToRecord() {
        SourceRecord r = rows.get(2);
        assertThat(r.get("dt")).isEqualTo("0000-00-00");
        assertThat(r.get("dtm")).isEqualTo("0000-00-00 00:00:00");
        assertThat(r.get("ts")).isEqualTo("0000-00-00 00:00:00.000");
        assertThat(r.get("tm")).isEqualTo("-12:00:00");
        assertThat(r.get("tm6")).isEqualTo("838:59:59.000000");
    }

    @Test
    void readsTextEnumsSetsJsonBinaryAndGeometry() {
        SourceRecord r = rows.get(0);
        assertThat(r.get("c")).isEqualTo("ab");
        assertThat(r.get("vc")).isEqualTo("Zürich ✓ 😀");
        assertThat(r.get("tx")).isEqualTo("line 1\nline 2");
        assertThat(r.get("e")).isEqualTo("it's big");
        assertThat(r.get("st")).isEqualTo("a,c");
        JsonNode json = (JsonNode) r.get("j");
        assertThat(json.get("a").decimalValue()).isEqualTo(new BigDecimal("1.50"));
        assertThat(json.get("b").toString()).isEqualTo("[1,2]");
        assertThat(json.get("c").isNull()).isTrue();
        assertThat((byte[]) r.get("bn")).containsExactly(1, 2, 3, 4);
        assertThat((byte[]) r.get("vb")).containsExactly(0, -1);
        assertThat((byte[]) r.get("bl")).containsExactly("hello".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(r.get("g")).isEqualTo("POINT(1 2)");
        assertThat(r.get("p")).isEqualTo("POINT(3 4)");
        assertThat(r.data().get("bn").asString()).as("binary is base64 in JSON").isEqualTo("AQIDBA==");
    }

    @Test
    void readsNullsAsNulls() {
        SourceRecord r = rows.get(1);
        for (String field : r.schema().fields()) {
            if (!field.equals("id")) {
                assertThat(r.get(field)).as(field).isNull();
            }
        }
    }
}
