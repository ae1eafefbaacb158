package io.tributary.batch.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.batch.engine.SyncResult;
import io.tributary.testsupport.postgres.PostgresTypeZoo;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A table with every type the PostgreSQL source maps goes PostgreSQL to PostgreSQL through a sync,
 * and each value arrives equal: compared column by column as the same canonical text on both sides
 * (for example a bytea column against its base64 text decoded in the target, a timestamptz in UTC).
 */
class PostgresTypeZooRoundTripIT {

    /** A source expression and the target expression that must give the same text, row by row. */
    private record Same(String column, String source, String target) {}

    private static final List<Same> COLUMNS = List.of(
            new Same("small", "small::text", "small::text"),
            new Same("big", "big::text", "big::text"),
            new Same("num", "num::text", "num::text"),
            new Same("num_free", "num_free::text", "num_free::text"),
            new Same("real_v", "real_v::numeric::text", "real_v::text"),
            new Same("double_v", "double_v::numeric::text", "double_v::text"),
            new Same("money_v", "money_v::numeric::text", "money_v::text"),
            new Same("flag", "flag::text", "flag::text"),
            new Same("txt", "txt", "txt"),
            new Same("vc", "vc", "vc"),
            new Same("ch", "ch", "CAST(ch AS char(4))"),
            new Same("d", "d::text", "d::text"),
            new Same("t", "t::text", "t::text"),
            new Same("ttz", "ttz::text", "ttz::text"),
            new Same("ts", "ts::text", "ts::text"),
            new Same("tstz", "(tstz AT TIME ZONE 'UTC')::text", "(tstz AT TIME ZONE 'UTC')::text"),
            new Same("iv", "iv::text", "CAST(iv AS interval)::text"),
            new Same("u", "u::text", "u"),
            new Same("j.a", "j->>'a'", "j_a::text"),
            new Same("j.b", "(j->'b')::jsonb::text", "j_b::text"),
            new Same("j.c.d", "j->'c'->>'d'", "j_c_d"),
            new Same("b", "b::text", "decode(b, 'base64')::text"),
            new Same("ints", "to_jsonb(ints)::text", "ints::text"),
            new Same("texts", "to_jsonb(texts)::text", "texts::text"),
            new Same("nums", "to_jsonb(nums)::text", "nums::text"),
            new Same("matrix", "to_jsonb(matrix)::text", "matrix::text"),
            new Same("mood_v", "mood_v::text", "mood_v"),
            new Same("price_v", "price_v::text", "price_v::text"),
            new Same("inet_v", "inet_v::text", "inet_v"));

    private static PostgresSyncFixture fixture;

    @BeforeAll
    static void syncTheZoo() {
        fixture = new PostgresSyncFixture("pg_zoo");
        PostgresTypeZoo.createTable(fixture.source);
        fixture.source.execute(
                """
                INSERT INTO zoo VALUES (1,
                  -32768, 9223372036854775807, 123456789012345.12340, 0.1000000000000000000001, 1.5, 0.1,
                  1234.56, true, 'héllo "wörld"' || chr(10) || 'tab' || chr(9) || 'end \\ done', 'varchar', 'ab',
                  '2024-02-29', '23:59:59.999999', '10:00:00+05:30', '2024-01-02 03:04:05.123456',
                  '2024-01-02 03:04:05.5+02', '1 year 2 months 3 days 04:05:06.5',
                  'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', '{"a": 1.50, "b": [1, 2], "c": {"d": "x"}}', NULL, '\\x00ff10',
                  '{1,NULL,3}', '{"a,b","c\\"d",NULL,"NULL",""}', '{1.10,2}', '{{1,2},{3,4}}', 'happy', 12.5, '192.168.0.1/24')""",
                "INSERT INTO zoo (id) VALUES (2)",
                """
                INSERT INTO zoo (id, small, num, num_free, real_v, double_v, money_v, flag, txt, vc, ch, d, t, ttz, ts, tstz, iv,
                  j, b, ints, texts, nums, matrix)
                VALUES (3, 0, -0.00001, 1e-30, -1.25e-10, 1e300, -0.01, false, '', '', '', '0044-03-15 BC', '00:00', '00:00-12',
                  '1900-01-01 00:00:00.000001', '1969-12-31 23:59:59.999999+00', '-1 day 00:00:00.000001',
                  '{"a": -2, "b": [], "c": {"d": ""}}', '', '{}', '{}', '{}', '{}')""",
                "INSERT INTO zoo (id, num_free, double_v, ts, tstz) VALUES (4, 'NaN', '-Infinity', 'infinity', '-infinity')");
        String yaml = fixture.yaml("""
                zoo: { source: shop, destination: warehouse, namespace_definition: destination, chunk_size: 2,
                       streams: [{ name: public.zoo, destination_sync_mode: overwrite }] }
                """);
        SyncResult result = fixture.sync(yaml, "zoo");
        assertThat(result.succeeded()).as(result.failure()).isTrue();
    }

    @AfterAll
    static void dropDatabases() {
        fixture.close();
    }

    @Test
    void everyValueArrivesEqual() {
        for (long id = 1; id <= 3; id++) { // row 4 holds the values without a typed form
            List<String> mismatches = new ArrayList<>();
            for (Same column : COLUMNS) {
                Object in = fixture.source.queryValue("SELECT " + column.source() + " FROM zoo WHERE id = " + id);
                Object out =
                        fixture.target.queryValue("SELECT " + column.target() + " FROM warehouse.zoo WHERE id = " + id);
                if (in == null ? out != null : !in.equals(out)) {
                    mismatches.add(column.column() + ": source " + in + ", target " + out);
                }
            }
            assertThat(mismatches).as("row %d", id).isEmpty();
        }
    }

    @Test
    void valuesWithoutATypedFormAreNullInTheTypedTableRecordedInTheMetaColumnAndKeptInTheRawTable() {
        assertThat(fixture.target.query("SELECT num_free, double_v, ts, tstz FROM warehouse.zoo WHERE id = 4"))
                .singleElement()
                .satisfies(r -> assertThat(r).containsOnlyNulls());
        assertThat(fixture.target
                        .queryValue("SELECT _airbyte_meta::text FROM warehouse.zoo WHERE id = 4")
                        .toString())
                .contains("num_free", "double_v", "\"ts\"", "tstz", "NULLED");
        assertThat(
                        fixture.target.queryValue(
                                "SELECT _airbyte_data->>'num_free' || ' ' || (_airbyte_data->>'ts') || ' ' "
                                        + "|| (_airbyte_data->>'tstz') FROM warehouse._airbyte_raw_zoo WHERE _airbyte_data->>'id' = '4'"))
                .isEqualTo("NaN infinity -infinity");
    }

    @Test
    void typedColumnsHaveTheTypesTheCatalogDeclares() {
        List<String> types = fixture
                .target
                .query("SELECT attname || ' ' || format_type(atttypid, atttypmod) FROM pg_attribute "
                        + "WHERE attrelid = 'warehouse.zoo'::regclass AND attnum > 0 AND NOT attisdropped")
                .stream()
                .map(r -> (String) r[0])
                .toList();
        assertThat(types)
                .contains(
                        "id bigint",
                        "num numeric(20,5)",
                        "price_v numeric(12,3)",
                        "d date",
                        "t time without time zone",
                        "ttz time with time zone",
                        "ts timestamp without time zone",
                        "tstz timestamp with time zone",
                        "flag boolean",
                        "ints jsonb",
                        "txt text");
    }

    @Test
    void theRawTableKeepsEachRecordExactly() {
        assertThat(fixture.target
                        .queryValue("SELECT _airbyte_data::text FROM warehouse._airbyte_raw_zoo "
                                + "WHERE _airbyte_data->>'id' = '1'")
                        .toString())
                .contains(
                        "\"num\": 123456789012345.12340",
                        "\"tstz\": \"2024-01-02T01:04:05.5Z\"",
                        "\"b\": \"AP8Q\"",
                        "\"j\": {\"a\": 1.50, \"b\": [1, 2], \"c\": {\"d\": \"x\"}}");
    }
}
