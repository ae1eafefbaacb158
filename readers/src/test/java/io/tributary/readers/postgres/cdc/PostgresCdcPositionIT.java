package io.tributary.readers.postgres.cdc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.connector.catalog.ConfiguredStream;
import io.tributary.connector.record.SourceRecord;
import io.tributary.testsupport.postgres.ReplicationSlots;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import tools.jackson.databind.JsonNode;

/**
 * Positions: restarts inside transactions and inside the initial copy, acknowledgement never past what
 * is committed, WAL retention, and the loud failures when the saved position cannot be continued.
 */
class PostgresCdcPositionIT {

    private CdcFixture fx;
    private final Map<String, Object> state = new HashMap<>();

    @BeforeEach
    void createDatabase() {
        fx = new CdcFixture("cdc_position");
        fx.db.execute("CREATE TABLE items (id int PRIMARY KEY, v int NOT NULL, note text)");
    }

    @AfterEach
    void dropDatabase() {
        fx.close();
    }

    /** The table as the records say it is: the latest record of each key wins, deletes remove, absent fields keep. */
    static Map<Integer, String> replay(List<SourceRecord> records) {
        Map<Integer, String> rows = new HashMap<>();
        for (SourceRecord r : records) {
            JsonNode d = r.data();
            if (!d.has("id")) {
                rows.clear(); // truncate
            } else if (!d.get(CdcCatalog.DELETED_AT).isNull()) {
                rows.remove(d.get("id").asInt());
            } else {
                rows.put(
                        d.get("id").asInt(),
                        d.get("v").asInt() + "|"
                                + (d.get("note").isNull() ? null : d.get("note").asString()));
            }
        }
        return rows;
    }

    private Map<Integer, String> source() {
        Map<Integer, String> rows = new HashMap<>();
        for (Object[] row : fx.db.query("SELECT id, v, note FROM items")) {
            rows.put((Integer) row[0], row[1] + "|" + row[2]);
        }
        return rows;
    }

    private static List<String> changeIds(List<SourceRecord> records) {
        return records.stream()
                .map(r -> r.data().get(CdcCatalog.LSN).asLong() + ":"
                        + r.data().get("id").asInt()
                        + (r.data().get(CdcCatalog.DELETED_AT).isNull() ? "" : "-"))
                .toList();
    }

    @Test
    void aRestartInsideALargeTransactionDeliversEachChangeExactlyOnce() throws Exception {
        ConfiguredStream stream = fx.cdc("items");
        fx.sync(stream, state, 100);
        fx.db.execute(
                "BEGIN; INSERT INTO items SELECT g, 0, 'n' || g FROM generate_series(1, 3000) g; "
                        + "UPDATE items SET v = v + 1 WHERE id % 3 = 0; DELETE FROM items WHERE id % 5 = 0; COMMIT",
                "INSERT INTO items VALUES (5001, 0, 'after')");

        List<SourceRecord> delivered = new ArrayList<>();
        CdcFixture.Run first = fx.run(stream, Map.copyOf(state), new ExecutionContext(), 300, 4, c -> {});
        assertThat(first.completed()).isFalse();
        delivered.addAll(first.records());
        CdcFixture.Run second = fx.run(stream, Map.copyOf(state), first.committed(), 300, 3, c -> {});
        delivered.addAll(second.records());
        CdcFixture.Run rest = fx.run(stream, Map.copyOf(state), second.committed(), 700, Integer.MAX_VALUE, c -> {});
        assertThat(rest.completed()).isTrue();
        delivered.addAll(rest.records());

        List<String> ids = changeIds(delivered);
        assertThat(ids).doesNotHaveDuplicates().hasSize(3000 + 1000 + 600 + 1);
        assertThat(replay(delivered)).isEqualTo(source());
    }

    @Test
    void aRestartDuringTheInitialCopyConvergesToTheSourceWithoutLosingChangesMadeMeanwhile() throws Exception {
        fx.db.execute("INSERT INTO items SELECT g, 0, 'n' || g FROM generate_series(1, 5000) g");
        ConfiguredStream stream = fx.cdc("items");
        CdcFixture.Run first = fx.run(stream, Map.of(), new ExecutionContext(), 500, 3, c -> {});
        assertThat(first.records()).hasSize(1500);

        // while the sync is down: rows already copied and rows not yet copied change
        fx.db.execute(
                "UPDATE items SET v = 1 WHERE id IN (10, 4000)",
                "DELETE FROM items WHERE id IN (20, 4500)",
                "INSERT INTO items VALUES (6000, 0, 'new')",
                "UPDATE items SET id = 7000 WHERE id = 30");
        CdcFixture.Run rest = fx.run(stream, Map.of(), first.committed(), 500, Integer.MAX_VALUE, c -> {});
        assertThat(rest.completed()).isTrue();
        List<SourceRecord> all = new ArrayList<>(first.records());
        all.addAll(rest.records());
        assertThat(replay(all)).isEqualTo(source());

        // and the stream goes on from there
        rest.committed().entrySet().forEach(e -> state.put(e.getKey(), e.getValue()));
        fx.db.execute("UPDATE items SET v = 2 WHERE id = 1");
        all.addAll(fx.sync(stream, state, 500));
        assertThat(replay(all)).isEqualTo(source());
    }

    @Test
    void theSlotIsNeverAcknowledgedPastThePositionCommittedWithTheLastChunk() throws Exception {
        ConfiguredStream stream = fx.cdc("items");
        fx.sync(stream, state, 100);
        for (int t = 0; t < 20; t++) {
            fx.db.execute("INSERT INTO items SELECT g, 0, 'x' FROM generate_series(" + (t * 100 + 1) + ", "
                    + (t * 100 + 100) + ") g");
        }
        String savedBefore = CdcPosition.parse((String) state.get(CdcPosition.contextKey("items")))
                .resume()
                .toString();
        Set<String> acknowledged = new HashSet<>();
        fx.run(stream, Map.copyOf(state), new ExecutionContext(), 150, Integer.MAX_VALUE, committed -> {
            Lsn saved = CdcPosition.parse(committed.getString(CdcPosition.contextKey("items")))
                    .resume();
            Lsn confirmed = Lsn.parse(fx.confirmedFlush("items"));
            assertThat(confirmed)
                    .as("confirmed flush LSN vs committed position")
                    .isLessThanOrEqualTo(saved);
            acknowledged.add(confirmed.toString());
        });
        assertThat(acknowledged)
                .as("the slot moved while the sync ran")
                .hasSizeGreaterThan(1)
                .contains(savedBefore);
    }

    @Test
    void keepalivesWhileTheTableIsQuietNeverAcknowledgeMoreThanTheCommittedPosition() throws Exception {
        fx.db.execute("CREATE TABLE noise (id serial PRIMARY KEY, t text)"); // not captured: WAL without changes for us
        ConfiguredStream stream = fx.cdc("items");
        fx.sync(stream, state, 100);
        Lsn committed = CdcPosition.parse((String) state.get(CdcPosition.contextKey("items")))
                .resume();

        fx.settings.put("streaming_seconds", 3);
        Thread noise = new Thread(() -> {
            long end = System.nanoTime() + 3_500_000_000L;
            while (System.nanoTime() < end) {
                fx.db.execute("INSERT INTO noise (t) SELECT md5(g::text) FROM generate_series(1, 50) g");
            }
        });
        noise.start();
        assertThat(fx.sync(stream, state, 100)).isEmpty();
        noise.join();

        Lsn saved = CdcPosition.parse((String) state.get(CdcPosition.contextKey("items")))
                .resume();
        assertThat(saved).as("the quiet sync's own position follows the server").isGreaterThan(committed);
        assertThat(Lsn.parse(fx.confirmedFlush("items")))
                .as("acknowledged: only what the previous sync committed")
                .isEqualTo(committed);
    }

    @Test
    void aDroppedSlotFailsTheSyncLoudlyInsteadOfCopyingTheTableAgain() throws Exception {
        ConfiguredStream stream = fx.cdc("items");
        fx.sync(stream, state, 100);
        fx.db.execute("INSERT INTO items VALUES (1, 0, 'lost?')");
        ReplicationSlots.dropAll(fx.db);

        assertThatThrownBy(() -> fx.sync(stream, new HashMap<>(state), 100))
                .isInstanceOf(CdcPositionLostException.class)
                .hasMessageContaining("replication slot '" + fx.slot("items") + "' no longer exists")
                .hasMessageContaining("Reset the connection")
                .hasMessageContaining("never re-snapshots on its own");
        assertThat(ReplicationSlots.names(fx.db))
                .as("no slot created behind the user's back")
                .isEmpty();
    }

    @Test
    void aSlotMovedPastTheSavedPositionFailsTheSyncLoudly() throws Exception {
        ConfiguredStream stream = fx.cdc("items");
        fx.sync(stream, state, 100);
        fx.db.execute("INSERT INTO items VALUES (1, 0, 'consumed elsewhere')");
        fx.db.query("SELECT pg_replication_slot_advance('" + fx.slot("items") + "', pg_current_wal_lsn())");

        assertThatThrownBy(() -> fx.sync(stream, new HashMap<>(state), 100))
                .isInstanceOf(CdcPositionLostException.class)
                .hasMessageContaining("past this connection's saved position")
                .hasMessageContaining("Reset the connection");
    }

    @Test
    void anotherSlotNameFailsTheSyncInsteadOfStartingOver() throws Exception {
        ConfiguredStream stream = fx.cdc("items");
        fx.sync(stream, state, 100);
        fx.settings.put("replication_slot", fx.slotBase + "_other");

        assertThatThrownBy(() -> fx.sync(stream, new HashMap<>(state), 100))
                .isInstanceOf(CdcPositionLostException.class)
                .hasMessageContaining("replication_slot changed");
        assertThat(ReplicationSlots.names(fx.db))
                .containsExactly(fx.slot("items").replace("_other", ""));
    }

    @Test
    void retainedWalGoesDownOnceASyncAcknowledgesWhatThePreviousOneCommitted() throws Exception {
        ConfiguredStream stream = fx.cdc("items");
        fx.sync(stream, state, 100);
        fx.db.execute("INSERT INTO items SELECT g, 0, repeat('w', 200) FROM generate_series(1, 20000) g", "CHECKPOINT");
        fx.sync(stream, state, 5000);
        // measured against one fixed WAL position, so that WAL written meanwhile by other sessions on a
        // shared server does not count: what must move is the slot's restart LSN
        String reference = (String) fx.db.queryValue("SELECT pg_current_wal_lsn()::text");
        long before = retained(reference);
        assertThat(before).isGreaterThan(4_000_000);

        fx.db.execute("CHECKPOINT");
        fx.sync(stream, state, 5000); // acknowledges the previous sync's end; the server may then free WAL
        long after = retained(reference);
        assertThat(after)
                .as("retained WAL after the acknowledging sync, before it was " + before)
                .isLessThan(before);
        assertThat((Long) state.get(PostgresCdcReader.retainedWalKey("items"))).isPositive();
    }

    private long retained(String referenceLsn) {
        return ((Number) fx.db.queryValue(
                        "SELECT '" + referenceLsn + "'::pg_lsn - restart_lsn FROM pg_replication_slots "
                                + "WHERE slot_name = '" + fx.slot("items") + "'"))
                .longValue();
    }

    @Test
    void aSlotRetainingMoreWalThanAllowedFailsTheSyncWithWhatToDo() throws Exception {
        fx.settings.put("max_retained_wal_mb", 1);
        ConfiguredStream stream = fx.cdc("items");
        fx.sync(stream, state, 100);
        fx.db.execute("INSERT INTO items SELECT g, 0, repeat('w', 200) FROM generate_series(1, 10000) g");

        assertThatThrownBy(() -> fx.sync(stream, new HashMap<>(state), 100))
                .isInstanceOf(ItemStreamException.class)
                .hasMessageContaining("more than max_retained_wal_mb (1.0 MB)")
                .hasMessageContaining("raise max_retained_wal_mb")
                .hasMessageContaining("pg_drop_replication_slot('" + fx.slot("items") + "')");
    }
}
