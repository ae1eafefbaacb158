package io.tributary.batch.mysql;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.tributary.batch.config.ConnectionsFileLoader;
import io.tributary.batch.engine.SyncEngine;
import io.tributary.batch.engine.SyncResult;
import io.tributary.batch.repository.RepositoryDataSource;
import io.tributary.connector.registry.ConnectorRegistry;
import io.tributary.testsupport.mysql.TestMariaDb;
import io.tributary.testsupport.postgres.TestDatabase;
import io.tributary.testsupport.postgres.TestPostgres;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code tributary sync} from MariaDB to PostgreSQL (normalized) through the engine: the four sync
 * modes, each run twice with changes in between, and a table of every type family whose values
 * arrive typed, zero dates NULL and recorded in {@code _airbyte_meta}.
 */
class MariaDbToPostgresSyncIT {

    private static TestMariaDb.Database source;
    private static TestDatabase target;
    private static TestDatabase repository;
    private static HikariDataSource repositoryDataSource;
    private static SyncEngine engine;
    private static String yaml;

    @BeforeAll
    static void syncTwice() {
        TestPostgres pg = TestPostgres.get();
        source = TestMariaDb.get().createDatabase("my_sync");
        target = pg.createDatabase("my_sync_dst");
        repository = pg.createDatabase("my_sync_repo");
        repositoryDataSource = RepositoryDataSource.create(repository.jdbcUrl(), pg.user(), pg.password());
        engine = SyncEngine.create(repositoryDataSource, ConnectorRegistry.load(), Duration.ofSeconds(5));
        source.execute(
                "CREATE TABLE customers (id int PRIMARY KEY, name varchar(40), amount decimal(10,2), "
                        + "updated_at datetime(6) NOT NULL)",
                "INSERT INTO customers SELECT seq, CONCAT('name ', seq), seq * 1.25, "
                        + "TIMESTAMP '2024-01-01 00:00:00' + INTERVAL seq HOUR FROM seq_1_to_5",
                "SET SESSION sql_mode = ''",
                "CREATE TABLE zoo (id int PRIMARY KEY, flag tinyint(1), big bigint unsigned, price decimal(12,3), "
                        + "born date, seen datetime(3), at timestamp NULL DEFAULT NULL, span time, yr year, "
                        + "doc json, raw varbinary(8), mood enum('sad','happy'), tags set('a','b'), bits bit(4), shape point)",
                "INSERT INTO zoo VALUES (1, 1, 18446744073709551615, 12345.678, '2024-02-29', '2024-02-29 13:14:15.250', "
                        + "'2024-02-29 13:14:15', '12:30:00', 2024, '{\"a\": {\"b\": 1.50}, \"c\": [1]}', 0x00ff10, 'happy', "
                        + "'a,b', b'1010', ST_GeomFromText('POINT(1 2)'))",
                "INSERT INTO zoo (id, born, seen, at) VALUES (2, '0000-00-00', '0000-00-00 00:00:00', '0000-00-00 00:00:00')");
        yaml = """
                sources: { shop: { type: mysql, config: { host: "%1$s", port: %2$d, database: %3$s, username: "%4$s", password: "%5$s" } } }
                destinations: { warehouse: { type: postgres, config: { host: "%6$s", port: %7$d, database: %8$s, username: %9$s, password: "%10$s", ssl_mode: disable, schema: warehouse } } }
                connections:
                  overwrite:   { source: shop, destination: warehouse, namespace_definition: destination, prefix: ow_, chunk_size: 2,
                                 streams: [{ name: %3$s.customers, sync_mode: full_refresh, destination_sync_mode: overwrite }] }
                  full_append: { source: shop, destination: warehouse, namespace_definition: destination, prefix: fa_, chunk_size: 2,
                                 streams: [{ name: %3$s.customers, sync_mode: full_refresh, destination_sync_mode: append }] }
                  incr_append: { source: shop, destination: warehouse, namespace_definition: destination, prefix: ia_, chunk_size: 2,
                                 streams: [{ name: %3$s.customers, sync_mode: incremental, cursor_field: [updated_at],
                                             destination_sync_mode: append }] }
                  incr_dedup:  { source: shop, destination: warehouse, namespace_definition: destination, prefix: dd_, chunk_size: 2,
                                 streams: [{ name: %3$s.customers, sync_mode: incremental, cursor_field: [updated_at],
                                             destination_sync_mode: append_dedup, primary_key: [[id]] }] }
                  zoo:         { source: shop, destination: warehouse, namespace_definition: destination, chunk_size: 1,
                                 streams: [{ name: %3$s.zoo, destination_sync_mode: overwrite }] }
                """.formatted(
                        source.server().host(),
                        source.server().port(),
                        source.name(),
                        source.server().user(),
                        source.server().password(),
                        pg.host(),
                        pg.port(),
                        target.name(),
                        pg.user(),
                        pg.password());
        syncAll();
        target.execute("CREATE TABLE warehouse.first_run AS SELECT 'ow' AS t, id, name FROM warehouse.ow_customers "
                + "UNION ALL SELECT 'fa', id, name FROM warehouse.fa_customers UNION ALL SELECT 'ia', id, name FROM warehouse.ia_customers "
                + "UNION ALL SELECT 'dd', id, name FROM warehouse.dd_customers");
        source.execute(
                "UPDATE customers SET name = 'renamed', updated_at = '2024-02-01 00:00:00' WHERE id = 2",
                "DELETE FROM customers WHERE id = 5",
                "INSERT INTO customers VALUES (6, 'name 6', 7.50, '2024-02-02 00:00:00')");
        syncAll();
    }

    private static void syncAll() {
        for (String connection : List.of("overwrite", "full_append", "incr_append", "incr_dedup", "zoo")) {
            SyncResult result = engine.sync(
                    new ConnectionsFileLoader(n -> null)
                            .load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "t.yml"),
                    connection);
            assertThat(result.succeeded())
                    .as(connection + ": " + result.failure())
                    .isTrue();
        }
    }

    @AfterAll
    static void dropDatabases() {
        repositoryDataSource.close();
        source.close();
        target.close();
        repository.close();
    }

    private static List<String> rows(String table) {
        return target.query("SELECT id, name FROM warehouse." + table + " ORDER BY id, name").stream()
                .map(r -> r[0] + ":" + r[1])
                .toList();
    }

    private static List<String> firstRun(String mode) {
        return target
                .query("SELECT id, name FROM warehouse.first_run WHERE t = '" + mode + "' ORDER BY id, name")
                .stream()
                .map(r -> r[0] + ":" + r[1])
                .toList();
    }

    private static final List<String> ORIGINAL = List.of("1:name 1", "2:name 2", "3:name 3", "4:name 4", "5:name 5");

    @Test
    void overwriteHoldsTheSourceAsOfEachSync() {
        assertThat(firstRun("ow")).isEqualTo(ORIGINAL);
        assertThat(rows("ow_customers")).containsExactly("1:name 1", "2:renamed", "3:name 3", "4:name 4", "6:name 6");
    }

    @Test
    void fullRefreshAppendAddsAWholeSnapshotEachSync() {
        assertThat(firstRun("fa")).isEqualTo(ORIGINAL);
        assertThat(rows("fa_customers"))
                .containsExactly(
                        "1:name 1",
                        "1:name 1",
                        "2:name 2",
                        "2:renamed",
                        "3:name 3",
                        "3:name 3",
                        "4:name 4",
                        "4:name 4",
                        "5:name 5",
                        "6:name 6");
    }

    @Test
    void incrementalAppendAddsOnlyChangedRows() {
        assertThat(firstRun("ia")).isEqualTo(ORIGINAL);
        assertThat(rows("ia_customers"))
                .containsExactly("1:name 1", "2:name 2", "2:renamed", "3:name 3", "4:name 4", "5:name 5", "6:name 6");
    }

    @Test
    void incrementalDedupKeepsTheLatestVersionOfEachKey() {
        assertThat(firstRun("dd")).isEqualTo(ORIGINAL);
        assertThat(rows("dd_customers"))
                .as("a deleted row stays until CDC reports deletions")
                .containsExactly("1:name 1", "2:renamed", "3:name 3", "4:name 4", "5:name 5", "6:name 6");
        assertThat(target.queryValue("SELECT count(*) FROM warehouse._airbyte_raw_dd_customers"))
                .isEqualTo(7L);
    }

    @Test
    void everyTypeFamilyArrivesTypedAndExact() {
        assertThat(target.query(
                        "SELECT flag::text, big::text, price::text, born::text, seen::text, (at AT TIME ZONE 'UTC')::text, span::text, "
                                + "yr::text, doc_a_b::text, doc_c::text, encode(decode(raw, 'base64'), 'hex'), mood, tags, bits::text, shape "
                                + "FROM warehouse.zoo WHERE id = 1"))
                .singleElement()
                .satisfies(r -> assertThat(r)
                        .containsExactly(
                                "true",
                                "18446744073709551615",
                                "12345.678",
                                "2024-02-29",
                                "2024-02-29 13:14:15.25",
                                "2024-02-29 13:14:15",
                                "12:30:00",
                                "2024",
                                "1.50",
                                "[1]",
                                "00ff10",
                                "happy",
                                "a,b",
                                "10",
                                "POINT(1 2)"));
    }

    @Test
    void typedColumnsHaveTheTypesTheCatalogDeclares() {
        List<String> types = target
                .query("SELECT attname || ' ' || format_type(atttypid, atttypmod) FROM pg_attribute "
                        + "WHERE attrelid = 'warehouse.zoo'::regclass AND attnum > 0 AND NOT attisdropped")
                .stream()
                .map(r -> (String) r[0])
                .toList();
        assertThat(types)
                .contains(
                        "id bigint",
                        "flag boolean",
                        "big numeric(20,0)",
                        "price numeric(12,3)",
                        "born date",
                        "seen timestamp without time zone",
                        "at timestamp with time zone",
                        "span time without time zone",
                        "yr bigint",
                        "bits bigint",
                        "mood text");
    }

    @Test
    void zeroDatesAreNullInTheTypedTableRecordedInTheMetaColumnAndKeptInTheRawTable() {
        assertThat(target.query("SELECT born, seen, at FROM warehouse.zoo WHERE id = 2"))
                .singleElement()
                .satisfies(r -> assertThat(r).containsOnlyNulls());
        assertThat(target.queryValue("SELECT _airbyte_meta::text FROM warehouse.zoo WHERE id = 2")
                        .toString())
                .contains("\"born\"", "\"seen\"", "\"at\"", "NULLED");
        assertThat(target.queryValue("SELECT _airbyte_data->>'born' FROM warehouse._airbyte_raw_zoo "
                        + "WHERE _airbyte_data->>'id' = '2'"))
                .isEqualTo("0000-00-00");
    }
}
