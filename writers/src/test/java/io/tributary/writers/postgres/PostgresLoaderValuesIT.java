package io.tributary.writers.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.connector.catalog.DestinationSyncMode;
import io.tributary.connector.catalog.SyncMode;
import io.tributary.connector.config.ConnectorConfig;
import io.tributary.connector.schema.Column;
import io.tributary.connector.schema.ColumnType;
import io.tributary.connector.schema.NormalizedRecord;
import io.tributary.connector.schema.StreamTables;
import io.tributary.connector.schema.TableSchema;
import io.tributary.testsupport.postgres.TestDatabase;
import io.tributary.testsupport.postgres.TestPostgres;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every column type arrives with its exact value through binary COPY, and the raw table keeps the record. */
class PostgresLoaderValuesIT {

    private static final TableSchema VALUES = LoaderFixture.table(
            "all_types",
            List.of(
                    Column.of("id", ColumnType.INTEGER),
                    Column.of("flag", ColumnType.BOOLEAN),
                    new Column("amount", List.of("amount"), ColumnType.NUMBER, 20, 5),
                    Column.of("free", ColumnType.NUMBER),
                    Column.of("text", ColumnType.STRING),
                    Column.of("day", ColumnType.DATE),
                    Column.of("clock", ColumnType.TIME),
                    Column.of("clock_tz", ColumnType.TIME_TZ),
                    Column.of("moment", ColumnType.TIMESTAMP),
                    Column.of("moment_tz", ColumnType.TIMESTAMP_TZ),
                    Column.of("doc", ColumnType.JSON)),
            List.of("id"),
            null,
            List.of());

    private static TestDatabase db;
    private static ConnectorConfig config;

    @BeforeAll
    static void load() throws Exception {
        db = TestPostgres.get().createDatabase("pg_values");
        config = LoaderFixture.config(LoaderFixture.settings(db));
        NormalizedRecord ordinary = LoaderFixture.record(
                VALUES,
                1L,
                true,
                new BigDecimal("123456789012345.12340"),
                new BigDecimal("-0.000000000000000000000001"),
                "héllo \"wörld\"\n\ttab\\",
                LocalDate.parse("2024-02-29"),
                LocalTime.parse("23:59:59.999999"),
                OffsetTime.parse("10:00:00.5+05:30"),
                LocalDateTime.parse("2024-01-02T03:04:05.123456"),
                OffsetDateTime.parse("2024-01-02T03:04:05.5+02:00"),
                "{\"a\": 1.50, \"b\": [1, null], \"nul\": \"x\\u0000y\"}");
        NormalizedRecord edges = LoaderFixture.record(
                VALUES,
                2L,
                false,
                BigDecimal.ZERO,
                new BigDecimal("1E+30"),
                "",
                LocalDate.parse("-0043-03-15"),
                LocalTime.MIDNIGHT,
                OffsetTime.parse("00:00-12:00"),
                LocalDateTime.parse("1900-01-01T00:00:00.0000005"),
                OffsetDateTime.parse("1969-12-31T23:59:59.999999Z"),
                "[]");
        NormalizedRecord nulls =
                LoaderFixture.record(VALUES, 3L, null, null, null, null, null, null, null, null, null, null);
        LoaderFixture.sync(
                config,
                LoaderFixture.stream(
                        "all_types", SyncMode.FULL_REFRESH, DestinationSyncMode.OVERWRITE, null, List.of("id")),
                new StreamTables(List.of(VALUES)),
                1,
                List.of(ordinary, edges, nulls));
    }

    @AfterAll
    static void dropDatabase() {
        db.close();
    }

    private static List<String> row(long id) {
        return db
                .query("SELECT flag::text, amount::text, free::text, text, day::text, clock::text, "
                        + "clock_tz::text, moment::text, (moment_tz AT TIME ZONE 'UTC')::text, doc::text FROM analytics.all_types WHERE id = "
                        + id)
                .stream()
                .findFirst()
                .map(r -> java.util.Arrays.stream(r)
                        .map(v -> v == null ? null : v.toString())
                        .toList())
                .orElseThrow();
    }

    @Test
    void storesOrdinaryValuesExactly() {
        assertThat(row(1))
                .containsExactly(
                        "true",
                        "123456789012345.12340",
                        "-0.000000000000000000000001",
                        "héllo \"wörld\"\n\ttab\\",
                        "2024-02-29",
                        "23:59:59.999999",
                        "10:00:00.5+05:30",
                        "2024-01-02 03:04:05.123456",
                        "2024-01-02 01:04:05.5",
                        "{\"a\": 1.50, \"b\": [1, null], \"nul\": \"xy\"}");
    }

    @Test
    void storesEdgeValuesExactly() {
        assertThat(row(2))
                .containsExactly(
                        "false",
                        "0.00000",
                        "1000000000000000000000000000000",
                        "",
                        "0044-03-15 BC",
                        "00:00:00",
                        "00:00:00-12",
                        "1900-01-01 00:00:00.000001",
                        "1969-12-31 23:59:59.999999",
                        "[]");
    }

    @Test
    void storesNullsAsNull() {
        assertThat(row(3)).containsOnlyNulls();
    }

    @Test
    void keepsTheRecordInTheRawTable() {
        assertThat(db.query("SELECT _airbyte_ab_id::text, _airbyte_emitted_at, _airbyte_data->>'text' FROM "
                        + "analytics._airbyte_raw_all_types ORDER BY _airbyte_data->>'id'"))
                .hasSize(3)
                .first()
                .satisfies(r -> {
                    assertThat(r[0].toString()).matches("[0-9a-f-]{36}");
                    assertThat(r[2]).isEqualTo("héllo \"wörld\"\n\ttab\\");
                });
    }
}
