package io.tributary.readers.postgres.cdc;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.connector.catalog.ConfiguredStream;
import io.tributary.connector.record.SourceRecord;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The hand-over from the initial copy to the stream while the table is written to: replayed strictly
 * (an insert must find no row, an update the row at the previous version, a delete a row), the
 * records have neither a gap nor a duplicate, and end up equal to the table.
 */
class PostgresCdcHandOverIT {

    private CdcFixture fx;

    @BeforeEach
    void createDatabase() {
        fx = new CdcFixture("cdc_handover");
        // v counts the row's versions: 0 when inserted, +1 with every update
        fx.db.execute(
                "CREATE TABLE accounts (id int PRIMARY KEY, v int NOT NULL, balance numeric(12,2) NOT NULL)",
                "INSERT INTO accounts SELECT g, 0, g FROM generate_series(1, 20000) g");
    }

    @AfterEach
    void dropDatabase() {
        fx.close();
    }

    @Test
    void theInitialCopyAndTheStreamHandOverWithoutGapOrDuplicateUnderConcurrentWrites() throws Exception {
        ConfiguredStream stream = fx.cdc("accounts");
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService writers = Executors.newFixedThreadPool(2);
        List<Future<Integer>> done = new ArrayList<>();
        for (int w = 0; w < 2; w++) {
            int writer = w;
            done.add(writers.submit(() -> write(writer, writing)));
        }
        Map<String, Object> state = new HashMap<>();
        List<SourceRecord> records = new ArrayList<>();
        try {
            Thread.sleep(200); // transactions are open while the slot is created
            records.addAll(fx.sync(stream, state, 500));
            records.addAll(fx.sync(stream, state, 500));
        } finally {
            writing.set(false);
            writers.shutdown();
        }
        int transactions = 0;
        for (Future<Integer> f : done) {
            transactions += f.get(1, TimeUnit.MINUTES);
        }
        assertThat(writers.awaitTermination(1, TimeUnit.MINUTES)).isTrue();
        records.addAll(fx.sync(stream, state, 500));

        Map<Integer, String> replayed = strictReplay(records);
        Map<Integer, String> source = new HashMap<>();
        for (Object[] row : fx.db.query("SELECT id, v, balance FROM accounts")) {
            source.put((Integer) row[0], row[1] + "|" + row[2]);
        }
        assertThat(transactions).as("concurrent write transactions").isGreaterThan(50);
        assertThat(replayed).isEqualTo(source);
    }

    /** Small transactions of inserts, updates and deletes, some slow (open across the slot's creation). */
    private int write(int writer, AtomicBoolean writing) throws Exception {
        Random random = new Random(writer);
        int transactions = 0;
        int nextId = 100_000 * (writer + 1);
        try (Connection c = fx.db.connect();
                Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            while (writing.get()) {
                for (int op = 0; op < 1 + random.nextInt(4); op++) {
                    int id = 1 + random.nextInt(20000);
                    switch (random.nextInt(4)) {
                        case 0 ->
                            s.execute(
                                    "INSERT INTO accounts VALUES (" + nextId++ + ", 0, " + random.nextInt(1000) + ")");
                        case 1 -> s.execute("DELETE FROM accounts WHERE id = " + id);
                        default ->
                            s.execute("UPDATE accounts SET v = v + 1, balance = balance + 1.25 WHERE id = " + id);
                    }
                }
                if (random.nextInt(10) == 0) {
                    Thread.sleep(30);
                }
                c.commit();
                transactions++;
            }
        }
        return transactions;
    }

    /** Applies the records in order, failing at the first one that contradicts the state so far. */
    private static Map<Integer, String> strictReplay(List<SourceRecord> records) {
        Map<Integer, Integer> versions = new HashMap<>();
        Map<Integer, String> rows = new HashMap<>();
        long snapshotLsn = records.get(0).data().get(CdcCatalog.LSN).asLong();
        for (SourceRecord r : records) {
            JsonNode d = r.data();
            int id = d.get("id").asInt();
            boolean fromSnapshot = d.get(CdcCatalog.LSN).asLong() == snapshotLsn;
            if (!d.get(CdcCatalog.DELETED_AT).isNull()) {
                assertThat(versions)
                        .as("delete of a row that is not there (gap): " + d)
                        .containsKey(id);
                versions.remove(id);
                rows.remove(id);
                continue;
            }
            int v = d.get("v").asInt();
            if (fromSnapshot || v == 0) {
                assertThat(versions)
                        .as("row copied or inserted twice (duplicate): " + d)
                        .doesNotContainKey(id);
            } else {
                assertThat(versions.get(id))
                        .as("update of a row not at the previous version (gap or duplicate): " + d)
                        .isEqualTo(v - 1);
            }
            versions.put(id, v);
            rows.put(id, v + "|" + d.get("balance").decimalValue().toPlainString());
        }
        return rows;
    }
}
