package io.tributary.readers.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.connector.catalog.Stream;
import io.tributary.connector.config.ConnectorConfig;
import io.tributary.connector.record.RecordJson;
import io.tributary.connector.record.SourceRecord;
import io.tributary.testsupport.postgres.TestDatabase;
import io.tributary.testsupport.postgres.TestPostgres;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import tools.jackson.databind.JsonNode;

class PostgresTypeMappingIT {

    private static TestDatabase db;
    private static ConnectorConfig config;
    private static Stream zoo;

    @BeforeAll
    static void createTypeZoo() {
        db = TestPostgres.get().createDatabase("pg_types");
        PostgresTypeZoo.create(db);
        config = PostgresSourceFixture.config(db);
        zoo = PostgresSourceFixture.discovered(config, "zoo");
    }

    @AfterAll
    static void dropDatabase() {
        db.close();
    }

    private static JsonNode json(String text) {
        return PostgresTypeKind.JSON_MAPPER.readTree(text);
    }

    private static JsonNode property(String column) {
        return zoo.jsonSchema().path("properties").path(column);
    }

    @Test
    void mapsEachColumnTypeToItsJsonSchema() {
        assertThat(property("id")).isEqualTo(json("{\"type\":\"integer\"}"));
        assertThat(property("big")).isEqualTo(json("{\"type\":[\"null\",\"integer\"]}"));
        assertThat(property("num")).isEqualTo(json("{\"type\":[\"null\",\"number\"],\"precision\":20,\"scale\":5}"));
        assertThat(property("num_free")).isEqualTo(json("{\"type\":[\"null\",\"number\"]}"));
        assertThat(property("double_v")).isEqualTo(json("{\"type\":[\"null\",\"number\"]}"));
        assertThat(property("flag")).isEqualTo(json("{\"type\":[\"null\",\"boolean\"]}"));
        assertThat(property("d")).isEqualTo(json("{\"type\":[\"null\",\"string\"],\"format\":\"date\"}"));
        assertThat(property("t"))
                .isEqualTo(
                        json(
                                "{\"type\":[\"null\",\"string\"],\"format\":\"time\",\"airbyte_type\":\"time_without_timezone\"}"));
        assertThat(property("ttz").path("airbyte_type").asString()).isEqualTo("time_with_timezone");
        assertThat(property("ts"))
                .isEqualTo(
                        json(
                                "{\"type\":[\"null\",\"string\"],\"format\":\"date-time\",\"airbyte_type\":\"timestamp_without_timezone\"}"));
        assertThat(property("tstz").path("airbyte_type").asString()).isEqualTo("timestamp_with_timezone");
        assertThat(property("b")).isEqualTo(json("{\"type\":[\"null\",\"string\"],\"contentEncoding\":\"base64\"}"));
        assertThat(property("ints"))
                .isEqualTo(json("{\"type\":[\"null\",\"array\"],\"items\":{\"type\":[\"null\",\"integer\"]}}"));
        assertThat(property("matrix"))
                .isEqualTo(json("{\"type\":[\"null\",\"array\"],\"items\":"
                        + "{\"type\":[\"null\",\"array\"],\"items\":{\"type\":[\"null\",\"integer\"]}}}"));
        assertThat(property("mood_v"))
                .isEqualTo(json("{\"type\":[\"null\",\"string\"],\"enum\":[\"sad\",\"ok\",\"happy\",null]}"));
        assertThat(property("price_v"))
                .as("a domain maps as its base type")
                .isEqualTo(json("{\"type\":[\"null\",\"number\"],\"precision\":12,\"scale\":3}"));
        assertThat(property("iv").path("type")).isEqualTo(json("[\"null\",\"string\"]"));
        assertThat(property("inet_v").path("type")).isEqualTo(json("[\"null\",\"string\"]"));
    }

    @Test
    void infersTheNestedSchemaOfJsonColumnsFromTheirValues() {
        assertThat(property("j")).isEqualTo(json("""
                {"type":["null","object"],"properties":{
                  "a":{"type":["null","number"]},
                  "b":{"type":["null","array"],"items":{"type":["null","integer"]}},
                  "c":{"type":["null","object"],"properties":{"d":{"type":["null","string"]}}}}}"""));
        assertThat(property("jb").path("type"))
                .as("objects and strings in one column widen to string")
                .isEqualTo(json("[\"null\",\"string\"]"));
    }

    @Test
    void readsValuesExactly() throws Exception {
        List<SourceRecord> records = PostgresSourceFixture.readAll(
                PostgresSourceFixture.SOURCE.reader(config, PostgresSourceFixture.fullRefresh(zoo), null),
                new ExecutionContext());
        assertThat(records).hasSize(3);
        JsonNode row = records.get(0).data();
        assertThat(row.equals(SAME_NUMBERS, json("""
                {"id":1,"small":-32768,"big":9223372036854775807,"num":123456789012345.12340,
                 "num_free":0.1000000000000000000001,"real_v":1.5,"double_v":0.1,"money_v":1234.56,"flag":true,
                 "txt":"héllo \\"wörld\\"\\ntab\\tend","vc":"varchar","ch":"ab  ",
                 "d":"2024-02-29","t":"23:59:59.999999","ttz":"10:00:00+05:30","ts":"2024-01-02T03:04:05.123456",
                 "tstz":"2024-01-02T01:04:05.5Z","iv":"P1Y2M3DT4H5M6.5S","u":"a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11",
                 "j":{"a":1.50,"b":[1,2],"c":{"d":null}},"jb":{"a":1.50,"b":[1,2],"c":{"d":"x"}},"b":"AP8Q",
                 "ints":[1,null,3],"texts":["a,b","c\\"d",null,"NULL",""],"nums":[1.10,2],"matrix":[[1,2],[3,4]],
                 "mood_v":"happy","price_v":12.500,"inet_v":"192.168.0.1/24"}"""))).as(row.toString()).isTrue();
        for (String decimal : List.of("num", "num_free", "real_v", "double_v", "money_v", "price_v")) {
            assertThat(row.get(decimal).isBigDecimal())
                    .as("%s is a decimal, never a double", decimal)
                    .isTrue();
        }
        assertThat(row.get("j").get("a").isBigDecimal())
                .as("numbers inside json stay decimals")
                .isTrue();
    }

    @Test
    void readsJsonbTheSameWhenTheUserTurnsOnTheDriversBinaryTransferForIt() throws Exception {
        java.util.Map<String, Object> settings = PostgresSourceFixture.settings(db);
        settings.put("jdbc_url_params", "binaryTransferEnable=3802");
        ConnectorConfig binary = PostgresSourceFixture.config(settings);
        List<SourceRecord> text = PostgresSourceFixture.readAll(
                PostgresSourceFixture.SOURCE.reader(config, PostgresSourceFixture.fullRefresh(zoo), null),
                new ExecutionContext());
        List<SourceRecord> viaBinary = PostgresSourceFixture.readAll(
                PostgresSourceFixture.SOURCE.reader(binary, PostgresSourceFixture.fullRefresh(zoo), null),
                new ExecutionContext());
        assertThat(viaBinary).hasSameSizeAs(text);
        for (int i = 0; i < text.size(); i++) {
            assertThat(viaBinary.get(i).data().get("jb"))
                    .isEqualTo(text.get(i).data().get("jb"));
        }
        assertThat(viaBinary.get(0).data().get("jb")).isEqualTo(json("{\"a\":1.50,\"b\":[1,2],\"c\":{\"d\":\"x\"}}"));
    }

    @Test
    void theBinaryCopyOfATableWithAKeyReadsTheSameValuesAsTheCursorOfAView() throws Exception {
        db.execute("CREATE VIEW zoo_view AS SELECT * FROM zoo");
        Stream view = PostgresSourceFixture.discovered(config, "zoo_view");
        List<SourceRecord> copied = PostgresSourceFixture.readAll(
                PostgresSourceFixture.SOURCE.reader(config, PostgresSourceFixture.fullRefresh(zoo), null),
                new ExecutionContext());
        List<SourceRecord> cursored = PostgresSourceFixture.readAll(
                PostgresSourceFixture.SOURCE.reader(config, PostgresSourceFixture.fullRefresh(view), null),
                new ExecutionContext());
        RecordJson json = new RecordJson();
        List<String> viaCopy = copied.stream()
                .map(r -> new String(json.encode(r), StandardCharsets.UTF_8))
                .toList();
        List<String> viaCursor = cursored.stream()
                .map(r -> new String(json.encode(r), StandardCharsets.UTF_8))
                .sorted()
                .toList();
        assertThat(viaCopy).hasSize(3);
        assertThat(viaCopy.stream().sorted().toList()).isEqualTo(viaCursor);
        SourceRecord first = copied.get(0);
        SourceRecord same = cursored.stream()
                .filter(r -> r.get("id").equals(first.get("id")))
                .findFirst()
                .orElseThrow();
        for (String field : first.schema().fields()) {
            assertThat(first.get(field).getClass())
                    .as("the Java type of %s", field)
                    .isEqualTo(same.get(field).getClass());
        }
    }

    /** Numbers are equal when their decimal values are, scale included (1.50 is not 1.5), whatever node class holds them. */
    private static final Comparator<JsonNode> SAME_NUMBERS = (a, b) -> {
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().equals(b.decimalValue()) ? 0 : 1;
        }
        return a.equals(b) ? 0 : 1;
    };

    @Test
    void keepsNullDistinctFromEmptyValues() throws Exception {
        List<SourceRecord> records = PostgresSourceFixture.readAll(
                PostgresSourceFixture.SOURCE.reader(config, PostgresSourceFixture.fullRefresh(zoo), null),
                new ExecutionContext());
        JsonNode nulls = records.get(1).data();
        assertThat(nulls.size()).isEqualTo(zoo.jsonSchema().path("properties").size());
        nulls.properties().forEach(e -> {
            if (!e.getKey().equals("id")) {
                assertThat(e.getValue().isNull()).as(e.getKey()).isTrue();
            }
        });
        JsonNode empty = records.get(2).data();
        assertThat(empty.get("txt").asString()).isEmpty();
        assertThat(empty.get("vc").asString()).isEmpty();
        assertThat(empty.get("ch").asString()).as("char(4) keeps its padding").isEqualTo("    ");
        assertThat(empty.get("b").asString()).as("empty bytea").isEmpty();
        assertThat(empty.get("ints").isArray() && empty.get("ints").isEmpty()).isTrue();
    }

    @Test
    void keepsEdgeValuesThatHaveNoJsonNumberOrIsoForm() throws Exception {
        List<SourceRecord> records = PostgresSourceFixture.readAll(
                PostgresSourceFixture.SOURCE.reader(config, PostgresSourceFixture.fullRefresh(zoo), null),
                new ExecutionContext());
        JsonNode edge = records.get(2).data();
        assertThat(edge.get("num_free")).isEqualTo(json("\"NaN\""));
        assertThat(edge.get("real_v")).isEqualTo(json("\"-Infinity\""));
        assertThat(edge.get("double_v").decimalValue()).isEqualByComparingTo("1e300");
        assertThat(edge.get("d").asString())
                .as("44 BC is astronomical year -43")
                .isEqualTo("-0043-03-15");
        assertThat(edge.get("ts").asString()).isEqualTo("infinity");
        assertThat(edge.get("tstz").asString()).isEqualTo("-infinity");
        assertThat(edge.get("jb")).isEqualTo(json("\"just a string\""));
    }
}
