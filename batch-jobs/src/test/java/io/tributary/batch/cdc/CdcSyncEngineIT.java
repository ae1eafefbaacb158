package io.tributary.batch.cdc;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.tributary.batch.engine.SyncListener;
import io.tributary.batch.engine.SyncResult;
import io.tributary.readers.postgres.cdc.PostgresCdcReader;
import io.tributary.testsupport.postgres.ReplicationSlots;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * CDC through the engine into the PostgreSQL destination in append + dedup: the final table follows
 * the source's inserts, updates, key changes and deletes sync after sync, the raw table keeps every
 * change, a second stream reads its own slot, and the job log reports the WAL the slot retains.
 */
class CdcSyncEngineIT {

    private static final String CHECKSUM = "SELECT count(*) || ':' || coalesce(md5(string_agg(id || '|' || name || '|' "
            + "|| coalesce(amount::text, '-'), ',' ORDER BY id)), '') FROM ";

    private CdcSyncFixture fx;
    private String yaml;
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();

    @BeforeEach
    void setUp() {
        fx = new CdcSyncFixture("cdc_engine");
        fx.source.execute(
                "CREATE TABLE customers (id int PRIMARY KEY, name text NOT NULL, amount numeric(10,2))",
                "INSERT INTO customers SELECT g, 'name ' || g, g * 1.25 FROM generate_series(1, 500) g",
                "CREATE TABLE orders (id int PRIMARY KEY, customer int NOT NULL)",
                "INSERT INTO orders SELECT g, g % 50 FROM generate_series(1, 40) g");
        yaml = fx.yaml("""
                capture: { source: shop, destination: warehouse, namespace_definition: destination, chunk_size: 100,
                           streams: [{ name: public.customers, sync_mode: incremental, destination_sync_mode: append_dedup },
                                     { name: public.orders, sync_mode: incremental, destination_sync_mode: append }] }
                """);
        log.start();
        ((Logger) LoggerFactory.getLogger(PostgresCdcReader.class)).addAppender(log);
    }

    @AfterEach
    void tearDown() {
        ((Logger) LoggerFactory.getLogger(PostgresCdcReader.class)).detachAppender(log);
        fx.close();
    }

    private SyncResult sync() {
        SyncResult result = fx.sync(yaml, "capture");
        assertThat(result.succeeded()).as(String.valueOf(result.failure())).isTrue();
        return result;
    }

    private void assertInStep() {
        assertThat(fx.target.queryValue(CHECKSUM + "warehouse.customers"))
                .isEqualTo(fx.source.queryValue(CHECKSUM + "customers"));
        // orders (only inserted and deleted) is appended from its own slot: every row once, every delete once
        assertThat(fx.target.queryValue("SELECT count(*) FILTER (WHERE _ab_cdc_deleted_at IS NULL) "
                        + "- count(*) FILTER (WHERE _ab_cdc_deleted_at IS NOT NULL) FROM warehouse.orders"))
                .isEqualTo(fx.source.queryValue("SELECT count(*) FROM orders"));
    }

    @Test
    void theFinalTableFollowsInsertsUpdatesKeyChangesAndDeletesSyncAfterSync() {
        assertThat(sync().records()).isEqualTo(540);
        assertInStep();

        fx.source.execute(
                "INSERT INTO customers SELECT g, 'late ' || g, NULL FROM generate_series(501, 650) g",
                "UPDATE customers SET name = 'renamed', amount = amount + 1 WHERE id % 10 = 0",
                "DELETE FROM customers WHERE id % 7 = 0",
                "UPDATE customers SET id = id + 10000 WHERE id IN (1, 2, 3)",
                "BEGIN; INSERT INTO customers VALUES (700, 'short-lived', 1); DELETE FROM customers WHERE id = 700; COMMIT",
                "INSERT INTO orders SELECT g, 1 FROM generate_series(41, 50) g",
                "DELETE FROM orders WHERE id <= 5");
        SyncResult second = sync();
        assertInStep();
        long changes = 150 + 65 + 92 + 3 * 2 + 2;
        assertThat(second.records()).isEqualTo(changes + 15);
        assertThat(fx.target.queryValue("SELECT count(*) FROM warehouse._airbyte_raw_customers"))
                .isEqualTo(500 + changes);
        assertThat(fx.target.queryValue("SELECT count(*) FROM warehouse._airbyte_raw_customers "
                        + "WHERE _airbyte_data->>'_ab_cdc_deleted_at' IS NOT NULL"))
                .isEqualTo(92L + 3 + 1);

        fx.source.execute("UPDATE customers SET amount = NULL WHERE id = 4");
        assertThat(sync().records()).isEqualTo(1);
        assertInStep();
        assertThat(sync().records()).as("nothing changed").isZero();
        assertInStep();
        assertThat(ReplicationSlots.names(fx.source)).containsExactly(fx.slot("customers"), fx.slot("orders"));
    }

    @Test
    void aLostSlotFailsTheSyncLoudlyAndAResetStartsOverWithANewSnapshot() {
        sync();
        fx.source.execute("DELETE FROM customers WHERE id <= 10");
        ReplicationSlots.dropAll(fx.source);

        SyncResult failed = fx.sync(yaml, "capture");
        assertThat(failed.succeeded()).isFalse();
        assertThat(failed.failure())
                .contains("replication slot '" + fx.slot("customers") + "' no longer exists")
                .contains("Reset the connection");
        assertThat(ReplicationSlots.names(fx.source)).isEmpty();

        assertThat(fx.engine
                        .reset(CdcSyncFixture.parse(yaml), "capture", SyncListener.NONE)
                        .succeeded())
                .isTrue();
        assertThat(sync().records()).isEqualTo(490 + 40);
        assertInStep();
    }

    @Test
    void theJobLogReportsTheWalTheSlotRetains() {
        sync();
        fx.source.execute("UPDATE customers SET name = 'x' WHERE id < 100");
        sync();
        List<String> lines =
                log.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
        assertThat(lines)
                .anySatisfy(
                        line -> assertThat(line)
                                .matches(
                                        "\\[public\\.customers\\] replication slot " + fx.slot("customers")
                                                + " retains [0-9.]+ [kMG]?B of WAL \\([0-9]+ bytes; restart LSN [0-9A-F]+/[0-9A-F]+, server at .*"));
        assertThat(lines)
                .anySatisfy(
                        line -> assertThat(line).contains("change capture done").contains("99 change records"));
    }
}
