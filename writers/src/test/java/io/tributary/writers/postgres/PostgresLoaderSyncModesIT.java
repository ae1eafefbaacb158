package io.tributary.writers.postgres;

import static io.tributary.writers.postgres.LoaderFixture.record;
import static io.tributary.writers.postgres.LoaderFixture.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.connector.catalog.ConfiguredStream;
import io.tributary.connector.catalog.DestinationSyncMode;
import io.tributary.connector.catalog.SyncMode;
import io.tributary.connector.config.ConfigException;
import io.tributary.connector.config.ConnectorConfig;
import io.tributary.connector.destination.LoadContext;
import io.tributary.connector.destination.StreamLoader;
import io.tributary.connector.schema.Column;
import io.tributary.connector.schema.ColumnType;
import io.tributary.connector.schema.NormalizedRecord;
import io.tributary.connector.schema.StreamTables;
import io.tributary.connector.schema.TableSchema;
import io.tributary.testsupport.postgres.TestDatabase;
import io.tributary.testsupport.postgres.TestPostgres;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/** The four sync modes, each run twice, and what the final and raw tables hold after each run. */
class PostgresLoaderSyncModesIT {

    private static final TableSchema CUSTOMERS = LoaderFixture.table(
            "customers",
            List.of(
                    Column.of("id", ColumnType.INTEGER),
                    Column.of("name", ColumnType.STRING),
                    new Column("amount", List.of("amount"), ColumnType.NUMBER, 12, 2),
                    Column.of("updated_at", ColumnType.TIMESTAMP_TZ)),
            List.of("id"),
            null,
            List.of());
    private static final StreamTables TABLES = new StreamTables(List.of(CUSTOMERS));

    private TestDatabase db;
    private ConnectorConfig config;
    private long syncId = 100;

    @BeforeEach
    void createDatabase() {
        db = TestPostgres.get().createDatabase("pg_modes");
        config = LoaderFixture.config(LoaderFixture.settings(db));
    }

    @AfterEach
    void dropDatabase() {
        db.close();
    }

    private static NormalizedRecord customer(long id, String name, String amount, String updatedAt) {
        return record(
                CUSTOMERS,
                id,
                name,
                amount == null ? null : new BigDecimal(amount),
                updatedAt == null ? null : OffsetDateTime.parse(updatedAt));
    }

    private void sync(ConfiguredStream stream, List<NormalizedRecord>... chunks) throws Exception {
        LoaderFixture.sync(config, stream, TABLES, ++syncId, chunks);
    }

    private List<String> finalRows() {
        return db.query("SELECT id, name, amount, updated_at FROM analytics.customers ORDER BY id").stream()
                .map(r -> r[0] + "|" + r[1] + "|" + r[2] + "|"
                        + (r[3] == null ? null : r[3].toString().substring(0, 10)))
                .toList();
    }

    private long rawCount() {
        return (Long) db.queryValue("SELECT count(*) FROM analytics._airbyte_raw_customers");
    }

    @Test
    void overwriteReplacesTheTablesOnEachSync() throws Exception {
        ConfiguredStream stream = LoaderFixture.stream(
                "customers", SyncMode.FULL_REFRESH, DestinationSyncMode.OVERWRITE, null, List.of("id"));
        sync(
                stream,
                List.of(customer(1, "ann", "1.50", "2024-01-01T00:00:00Z"), customer(2, "bob", null, null)),
                List.of(customer(3, "cy", "3", "2024-01-02T00:00:00Z")));
        assertThat(finalRows()).containsExactly("1|ann|1.50|2024-01-01", "2|bob|null|null", "3|cy|3.00|2024-01-02");
        assertThat(rawCount()).isEqualTo(3);

        sync(stream, List.of(customer(7, "dee", "7.25", "2024-02-01T00:00:00Z")));
        assertThat(finalRows()).containsExactly("7|dee|7.25|2024-02-01");
        assertThat(rawCount()).isEqualTo(1);
        assertThat(db.query("SELECT 1 FROM pg_tables WHERE tablename LIKE '\\_tributary\\_1%'"))
                .as("no staging left")
                .isEmpty();
    }

    @Test
    void overwriteLeavesThePreviousTableReadableUntilTheNewDataIsComplete() throws Exception {
        ConfiguredStream stream = LoaderFixture.stream(
                "customers", SyncMode.FULL_REFRESH, DestinationSyncMode.OVERWRITE, null, List.of("id"));
        sync(stream, List.of(customer(1, "ann", "1", null)));

        StreamLoader loader =
                LoaderFixture.DESTINATION.loader(config, stream, TABLES, new LoadContext("test", ++syncId));
        ExecutionContext context = new ExecutionContext();
        loader.open(context);
        loader.write(new Chunk<>(List.of(customer(2, "bob", "2", null))));
        loader.update(context);
        assertThat(finalRows()).as("while the new sync is staged").containsExactly("1|ann|1.00|null");
        loader.close(); // the sync dies here and is never completed
        assertThat(finalRows()).containsExactly("1|ann|1.00|null");
    }

    @Test
    void overwriteKeepsViewsThatDependOnTheFinalTable() throws Exception {
        ConfiguredStream stream = LoaderFixture.stream(
                "customers", SyncMode.FULL_REFRESH, DestinationSyncMode.OVERWRITE, null, List.of("id"));
        sync(stream, List.of(customer(1, "ann", "1", null)));
        db.execute("CREATE VIEW analytics.customer_names AS SELECT name FROM analytics.customers");
        sync(stream, List.of(customer(2, "bob", "2", null), customer(3, "cy", "3", null)));
        assertThat(db.query("SELECT name FROM analytics.customer_names ORDER BY name"))
                .extracting(r -> r[0])
                .containsExactly("bob", "cy");
    }

    @Test
    void appendAddsEachSyncsRows() throws Exception {
        ConfiguredStream stream = LoaderFixture.stream(
                "customers", SyncMode.INCREMENTAL, DestinationSyncMode.APPEND, List.of("updated_at"), List.of("id"));
        sync(stream, List.of(customer(1, "ann", "1", "2024-01-01T00:00:00Z")));
        sync(
                stream,
                List.of(
                        customer(1, "ann2", "2", "2024-01-02T00:00:00Z"),
                        customer(2, "bob", "3", "2024-01-02T00:00:00Z")));
        assertThat(finalRows())
                .containsExactly("1|ann|1.00|2024-01-01", "1|ann2|2.00|2024-01-02", "2|bob|3.00|2024-01-02");
        assertThat(rawCount()).isEqualTo(3);
    }

    @Test
    void fullRefreshAppendAddsEverySnapshot() throws Exception {
        ConfiguredStream stream = LoaderFixture.stream(
                "customers", SyncMode.FULL_REFRESH, DestinationSyncMode.APPEND, null, List.of("id"));
        sync(stream, List.of(customer(1, "ann", "1", null)));
        sync(stream, List.of(customer(1, "ann", "1", null)));
        assertThat(finalRows()).containsExactly("1|ann|1.00|null", "1|ann|1.00|null");
    }

    @Test
    void appendDedupKeepsTheRowWithTheLatestCursorPerKey() throws Exception {
        ConfiguredStream stream = LoaderFixture.stream(
                "customers",
                SyncMode.INCREMENTAL,
                DestinationSyncMode.APPEND_DEDUP,
                List.of("updated_at"),
                List.of("id"));
        sync(
                stream,
                List.of(
                        customer(1, "ann", "1", "2024-01-01T00:00:00Z"),
                        customer(2, "bob", "2", "2024-01-05T00:00:00Z")));
        sync(
                stream,
                List.of(
                        customer(1, "ann-v2", "1", "2024-01-03T00:00:00Z"),
                        customer(2, "bob-older", "2", "2024-01-04T00:00:00Z"),
                        customer(3, "cy", "3", "2024-01-02T00:00:00Z")),
                List.of(
                        customer(3, "cy-same-cursor-loaded-later", "3", "2024-01-02T00:00:00Z"),
                        customer(1, "ann-v1-late", "1", "2024-01-02T00:00:00Z")));
        assertThat(finalRows())
                .containsExactly(
                        "1|ann-v2|1.00|2024-01-03",
                        "2|bob|2.00|2024-01-05",
                        "3|cy-same-cursor-loaded-later|3.00|2024-01-02");
        assertThat(rawCount()).as("the raw table keeps the history").isEqualTo(7);

        sync(stream, List.of(customer(2, "bob-v3", "9", "2024-01-06T00:00:00Z")));
        assertThat(finalRows())
                .containsExactly(
                        "1|ann-v2|1.00|2024-01-03",
                        "2|bob-v3|9.00|2024-01-06",
                        "3|cy-same-cursor-loaded-later|3.00|2024-01-02");
    }

    @Test
    void appendDedupWithoutCursorLetsTheRowLoadedLastWin() throws Exception {
        ConfiguredStream stream = LoaderFixture.stream(
                "customers", SyncMode.FULL_REFRESH, DestinationSyncMode.APPEND_DEDUP, null, List.of("id"));
        sync(stream, List.of(customer(1, "ann", "1", "2024-01-09T00:00:00Z")));
        sync(
                stream,
                List.of(customer(1, "ann-first", "1", null)),
                List.of(customer(1, "ann-last", "1", "2024-01-01T00:00:00Z")));
        assertThat(finalRows()).containsExactly("1|ann-last|1.00|2024-01-01");
    }

    @Test
    void appendDedupRemovesKeysWhoseLatestVersionIsACdcDeletion() throws Exception {
        TableSchema changes = LoaderFixture.table(
                "accounts",
                List.of(
                        Column.of("id", ColumnType.INTEGER),
                        Column.of("_ab_cdc_lsn", ColumnType.INTEGER),
                        Column.of("_ab_cdc_deleted_at", ColumnType.TIMESTAMP_TZ)),
                List.of("id"),
                null,
                List.of());
        StreamTables tables = new StreamTables(List.of(changes));
        ConfiguredStream stream = LoaderFixture.stream(
                "accounts",
                SyncMode.INCREMENTAL,
                DestinationSyncMode.APPEND_DEDUP,
                List.of("_ab_cdc_lsn"),
                List.of("id"));
        OffsetDateTime deleted = OffsetDateTime.parse("2024-03-01T00:00:00Z");
        LoaderFixture.sync(
                config,
                stream,
                tables,
                ++syncId,
                List.of(
                        record(changes, 1L, 10L, null),
                        record(changes, 2L, 11L, null),
                        record(changes, 3L, 12L, null)));
        LoaderFixture.sync(
                config,
                stream,
                tables,
                ++syncId,
                List.of(
                        record(changes, 1L, 20L, deleted),
                        record(changes, 3L, 21L, deleted),
                        record(changes, 3L, 22L, null),
                        record(changes, 4L, 23L, deleted)));
        assertThat(db.query("SELECT id, _ab_cdc_lsn FROM analytics.accounts ORDER BY id"))
                .extracting(r -> r[0] + "@" + r[1])
                .as("1 deleted; 3 deleted then inserted again; 4 deleted before it ever arrived")
                .containsExactly("2@11", "3@22");
        assertThat(db.queryValue("SELECT count(*) FROM analytics._airbyte_raw_accounts"))
                .isEqualTo(7L);
    }

    @Test
    void appendDedupReplacesTheChildRowsOfReplacedRecords() throws Exception {
        TableSchema orders = LoaderFixture.table(
                "orders",
                List.of(Column.of("id", ColumnType.INTEGER), Column.of("seq", ColumnType.INTEGER)),
                List.of("id"),
                null,
                List.of());
        TableSchema lines = LoaderFixture.table(
                "orders_lines",
                List.of(Column.of("sku", ColumnType.STRING)),
                List.of(),
                "orders",
                List.of(Column.metadata("_airbyte_orders_hashid", ColumnType.STRING)));
        StreamTables tables = new StreamTables(List.of(orders, lines));
        ConfiguredStream stream = LoaderFixture.stream(
                "orders", SyncMode.INCREMENTAL, DestinationSyncMode.APPEND_DEDUP, List.of("seq"), List.of("id"));

        LoaderFixture.sync(
                config,
                stream,
                tables,
                ++syncId,
                List.of(order(orders, lines, 1, 1, "a", "b"), order(orders, lines, 2, 1, "c")));
        LoaderFixture.sync(config, stream, tables, ++syncId, List.of(order(orders, lines, 1, 2, "x")));

        assertThat(db.query("SELECT o.id, l.sku FROM analytics.orders o JOIN analytics.orders_lines l "
                        + "ON l._airbyte_orders_hashid = o._airbyte_orders_hashid ORDER BY 1, 2"))
                .extracting(r -> r[0] + ":" + r[1])
                .containsExactly("1:x", "2:c");
        assertThat((Long) db.queryValue("SELECT count(*) FROM analytics.orders_lines"))
                .as("no orphaned child rows")
                .isEqualTo(2);
    }

    @Test
    void aFirstAppendDedupSyncKeepsOnlyTheWinningVersionsChildRowsAndIndexesTheParentLink() throws Exception {
        TableSchema orders = LoaderFixture.table(
                "orders",
                List.of(Column.of("id", ColumnType.INTEGER), Column.of("seq", ColumnType.INTEGER)),
                List.of("id"),
                null,
                List.of());
        TableSchema lines = LoaderFixture.table(
                "orders_lines",
                List.of(Column.of("sku", ColumnType.STRING)),
                List.of(),
                "orders",
                List.of(Column.metadata("_airbyte_orders_hashid", ColumnType.STRING)));
        StreamTables tables = new StreamTables(List.of(orders, lines));
        ConfiguredStream stream = LoaderFixture.stream(
                "orders", SyncMode.INCREMENTAL, DestinationSyncMode.APPEND_DEDUP, List.of("seq"), List.of("id"));

        LoaderFixture.sync(
                config,
                stream,
                tables,
                ++syncId,
                List.of(order(orders, lines, 1, 1, "old-a", "old-b"), order(orders, lines, 2, 1, "c")),
                List.of(order(orders, lines, 1, 2, "new")));

        assertThat(db.query("SELECT o.id, l.sku FROM analytics.orders o JOIN analytics.orders_lines l "
                        + "ON l._airbyte_orders_hashid = o._airbyte_orders_hashid ORDER BY 1, 2"))
                .extracting(r -> r[0] + ":" + r[1])
                .containsExactly("1:new", "2:c");
        assertThat((Long) db.queryValue("SELECT count(*) FROM analytics.orders_lines"))
                .isEqualTo(2);
        assertThat(
                        db.queryValue(
                                "SELECT count(*) FROM pg_indexes WHERE schemaname = 'analytics' AND indexname = 'orders_lines_tributary_parent'"))
                .isEqualTo(1L);

        LoaderFixture.sync(config, stream, tables, ++syncId, List.of(order(orders, lines, 2, 2, "d")));
        assertThat(db.query("SELECT o.id, l.sku FROM analytics.orders o JOIN analytics.orders_lines l "
                        + "ON l._airbyte_orders_hashid = o._airbyte_orders_hashid ORDER BY 1, 2"))
                .extracting(r -> r[0] + ":" + r[1])
                .containsExactly("1:new", "2:d");
        assertThat((Long) db.queryValue("SELECT count(*) FROM analytics.orders_lines"))
                .isEqualTo(2);
    }

    private static NormalizedRecord order(TableSchema orders, TableSchema lines, long id, long seq, String... skus) {
        NormalizedRecord record = record(orders, id, seq);
        String hashId = (String) record.rows().get(0).values()[orders.columns().size() - 1];
        List<io.tributary.connector.schema.TableRow> rows = new ArrayList<>(record.rows());
        for (String sku : skus) {
            rows.add(row(lines, record.abId(), sku, hashId));
        }
        return new NormalizedRecord(record.source(), record.abId(), rows);
    }

    @Test
    void rejectsAppendDedupWithoutPrimaryKey() {
        TableSchema events =
                LoaderFixture.table("events", List.of(Column.of("id", ColumnType.INTEGER)), List.of(), null, List.of());
        ConfiguredStream stream = LoaderFixture.stream(
                "events", SyncMode.INCREMENTAL, DestinationSyncMode.APPEND_DEDUP, List.of("id"), List.of());
        assertThatThrownBy(() -> LoaderFixture.DESTINATION.loader(
                        config, stream, new StreamTables(List.of(events)), new LoadContext("test", 1)))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(
                        "streams.events: destination_sync_mode append_dedup keeps one row per primary key")
                .hasMessageContaining("set primary_key");
    }
}
