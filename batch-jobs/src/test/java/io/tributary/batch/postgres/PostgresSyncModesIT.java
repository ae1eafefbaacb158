package io.tributary.batch.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.batch.engine.SyncResult;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code tributary sync} from PostgreSQL to PostgreSQL through the job factory, in each of the four
 * sync modes, run twice with changes in the source in between.
 */
class PostgresSyncModesIT {

    private static PostgresSyncFixture fixture;
    private static String yaml;

    @BeforeAll
    static void syncTwice() {
        fixture = new PostgresSyncFixture("pg_modes");
        fixture.source.execute(
                "CREATE TABLE customers (id int PRIMARY KEY, name text, amount numeric(10,2), updated_at timestamptz NOT NULL)",
                "INSERT INTO customers SELECT g, 'name ' || g, g * 1.25, timestamptz '2024-01-01 00:00+00' + g * interval '1 hour' "
                        + "FROM generate_series(1, 5) g");
        yaml = fixture.yaml("""
                overwrite:    { source: shop, destination: warehouse, namespace_definition: destination, prefix: ow_, chunk_size: 2,
                                streams: [{ name: public.customers, sync_mode: full_refresh, destination_sync_mode: overwrite }] }
                full_append:  { source: shop, destination: warehouse, namespace_definition: destination, prefix: fa_, chunk_size: 2,
                                streams: [{ name: public.customers, sync_mode: full_refresh, destination_sync_mode: append }] }
                incr_append:  { source: shop, destination: warehouse, namespace_definition: destination, prefix: ia_, chunk_size: 2,
                                streams: [{ name: public.customers, sync_mode: incremental, cursor_field: [updated_at],
                                            destination_sync_mode: append }] }
                incr_dedup:   { source: shop, destination: warehouse, namespace_definition: destination, prefix: dd_, chunk_size: 2,
                                streams: [{ name: public.customers, sync_mode: incremental, cursor_field: [updated_at],
                                            destination_sync_mode: append_dedup, primary_key: [[id]] }] }
                """);
        syncAll();
        fixture.target.execute(
                "CREATE TABLE warehouse.first_run AS SELECT 'ow' AS t, id, name FROM warehouse.ow_customers "
                        + "UNION ALL SELECT 'fa', id, name FROM warehouse.fa_customers UNION ALL SELECT 'ia', id, name FROM warehouse.ia_customers "
                        + "UNION ALL SELECT 'dd', id, name FROM warehouse.dd_customers");
        fixture.source.execute(
                "UPDATE customers SET name = 'renamed', updated_at = timestamptz '2024-02-01 00:00+00' WHERE id = 2",
                "DELETE FROM customers WHERE id = 5",
                "INSERT INTO customers VALUES (6, 'name 6', 7.50, timestamptz '2024-02-02 00:00+00')");
        syncAll();
    }

    private static void syncAll() {
        for (String connection : List.of("overwrite", "full_append", "incr_append", "incr_dedup")) {
            SyncResult result = fixture.sync(yaml, connection);
            assertThat(result.succeeded())
                    .as(connection + ": " + result.failure())
                    .isTrue();
        }
    }

    @AfterAll
    static void dropDatabases() {
        fixture.close();
    }

    private static List<String> rows(String table) {
        return fixture.target.query("SELECT id, name FROM warehouse." + table + " ORDER BY id, name").stream()
                .map(r -> r[0] + ":" + r[1])
                .toList();
    }

    private static List<String> firstRun(String mode) {
        return fixture
                .target
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
        assertThat(fixture.target.queryValue("SELECT count(*) FROM warehouse._airbyte_raw_ow_customers"))
                .isEqualTo(5L);
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
        assertThat(fixture.target.queryValue("SELECT count(*) FROM warehouse._airbyte_raw_dd_customers"))
                .as("the raw table keeps every version")
                .isEqualTo(7L);
    }

    @Test
    void leavesNoStagingTablesBehindAndRecordsEachLoadAsCompleted() {
        assertThat(fixture.target.query("SELECT tablename FROM pg_tables WHERE schemaname = 'warehouse' "
                        + "AND tablename LIKE '\\_tributary\\_%' AND tablename <> '_tributary_loads'"))
                .isEmpty();
        assertThat(fixture.target.query("SELECT DISTINCT status FROM warehouse._tributary_loads"))
                .extracting(r -> r[0])
                .containsExactly("COMPLETED");
    }
}
