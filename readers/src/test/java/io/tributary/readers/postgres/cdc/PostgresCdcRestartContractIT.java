package io.tributary.readers.postgres.cdc;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.connector.record.SourceRecord;
import io.tributary.testsupport.contract.ReaderRestartContract;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import tools.jackson.databind.node.ObjectNode;

/**
 * The CDC reader passes the reader restart contract, in both phases.
 *
 * <p>The reader acknowledges committed chunks to its replication slot, and the server then forgets
 * those changes, so two runs cannot read the same changes from one slot. Each run therefore starts
 * from a slot in the same state ({@link ReaderRestartContract#prepareRun()}): for the streaming
 * phase, the slot is replaced by a copy of a backup taken right after the initial sync
 * ({@code pg_copy_logical_replication_slot} copies its restart and confirmed positions), so every run
 * streams the very same WAL and its records are equal to the byte, LSNs and commit times included.
 * Between the crash and the restart nothing is reset, and after the crash the slot must not have
 * confirmed anything past the committed position.
 */
class PostgresCdcRestartContractIT {

    /** Changes made after the initial sync, in 8 transactions; a key change gives 2 records, a truncate 1. */
    private static final int CHANGE_RECORDS = 7 + 4 + 2 + 2 + 3 + 1 + 1 + 2;

    private static final int COPIED_ROWS = 20;

    private static CdcFixture fx;
    private static final Map<String, Object> afterInitialSync = new HashMap<>();
    private static String backup;

    @BeforeAll
    static void createTablesAndChanges() throws Exception {
        fx = new CdcFixture("cdc_restart");
        fx.db.execute(
                "CREATE TABLE changed (id int PRIMARY KEY, name text, amount numeric(10,2))",
                "INSERT INTO changed SELECT g, 'name ' || g, g * 1.5 FROM generate_series(1, 10) g",
                "CREATE TABLE copied (id int PRIMARY KEY, note text)",
                "INSERT INTO copied SELECT g, 'note ' || g FROM generate_series(1, " + COPIED_ROWS + ") g");
        assertThat(fx.sync(fx.cdc("changed"), afterInitialSync, 100)).hasSize(10);
        awaitInactive(fx.slot("changed"));
        backup = fx.slotBase + "_backup";
        fx.db.query("SELECT pg_copy_logical_replication_slot('" + fx.slot("changed") + "', '" + backup + "')");
        fx.db.execute(
                // one transaction of 7, so that chunks of 3 end inside it
                "INSERT INTO changed SELECT g, 'late ' || g, g FROM generate_series(11, 17) g",
                "UPDATE changed SET name = 'renamed' WHERE id <= 4",
                "UPDATE changed SET id = 105 WHERE id = 5",
                "DELETE FROM changed WHERE id IN (6, 7)",
                "BEGIN; INSERT INTO changed VALUES (200, 'brief', 1); UPDATE changed SET amount = 2 WHERE id = 200; "
                        + "DELETE FROM changed WHERE id = 200; COMMIT",
                "INSERT INTO changed VALUES (18, 'single', NULL)",
                "TRUNCATE changed",
                "INSERT INTO changed VALUES (300, 'after', 1), (301, 'after', 2)");
    }

    @AfterAll
    static void dropDatabase() {
        fx.close();
    }

    /** Waits until no process streams {@code slot} (a closed reader's walsender exits shortly after). */
    private static void awaitInactive(String slot) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (Boolean.TRUE.equals(fx.db.queryValue(
                        "SELECT bool_or(active) FROM pg_replication_slots WHERE slot_name = '" + slot + "'"))
                && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
    }

    private abstract static class CdcContract extends ReaderRestartContract<SourceRecord> {

        abstract String table();

        @Override
        protected int chunkSize() {
            return 3;
        }

        /** After the crash, the slot confirmed at most the committed position: the rest is still on the server. */
        @Override
        protected void afterCrash(ExecutionContext committed) throws Exception {
            String key = PostgresCdcReader.positionKey(table());
            if (!committed.containsKey(key)) {
                return;
            }
            Lsn saved = CdcPosition.parse(committed.getString(key)).resume();
            awaitInactive(fx.slot(table()));
            assertThat(Lsn.parse(fx.confirmedFlush(table())))
                    .as("the slot's confirmed position after the crash")
                    .isLessThanOrEqualTo(saved);
        }
    }

    /**
     * The streaming phase: the changes after the initial sync, with chunks that end inside
     * transactions, a key change, deletes and a truncate. Every run streams from a copy of the slot
     * as the initial sync left it, with that sync's committed state.
     */
    @Nested
    class StreamingTheChangesAfterTheInitialSync extends CdcContract {

        @Override
        String table() {
            return "changed";
        }

        @Override
        protected void prepareRun() throws Exception {
            String slot = fx.slot("changed");
            awaitInactive(slot);
            fx.db.query("SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots WHERE slot_name = '"
                    + slot + "'");
            fx.db.query("SELECT pg_copy_logical_replication_slot('" + backup + "', '" + slot + "')");
        }

        @Override
        protected ItemStreamReader<SourceRecord> newReader() {
            return fx.reader(fx.cdc("changed"), Map.copyOf(afterInitialSync));
        }

        @Override
        protected int expectedTotal() {
            return CHANGE_RECORDS;
        }

        /** The emission time differs between runs; the data, LSNs and commit times must not. */
        @Override
        protected Object comparable(SourceRecord item) {
            return item.data().toString();
        }
    }

    /**
     * The snapshot phase and the hand-over to streaming: a first sync that copies the table. Every run
     * starts without saved state, so it creates a new slot: the snapshot's {@code _ab_cdc_lsn} and
     * {@code _ab_cdc_updated_at} are that slot's, the same within a run but not between runs, and are
     * left out of the comparison. A restart inside the copy continues in a new snapshot after the last
     * committed row, then streams up to it (nothing changed meanwhile, so it streams nothing).
     */
    @Nested
    class CopyingTheTableInTheInitialSync extends CdcContract {

        @Override
        String table() {
            return "copied";
        }

        @Override
        protected void prepareRun() throws Exception {
            awaitInactive(fx.slot("copied"));
        }

        @Override
        protected ItemStreamReader<SourceRecord> newReader() {
            return fx.reader(fx.cdc("copied"), Map.of());
        }

        @Override
        protected int expectedTotal() {
            return COPIED_ROWS;
        }

        @Override
        protected Object comparable(SourceRecord item) {
            ObjectNode data = item.data().deepCopy();
            data.remove(CdcCatalog.LSN);
            data.remove(CdcCatalog.UPDATED_AT);
            return data.toString();
        }
    }
}
