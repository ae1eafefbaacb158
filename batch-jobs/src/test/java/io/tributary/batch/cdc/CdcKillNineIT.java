package io.tributary.batch.cdc;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.batch.engine.ChildSyncMain;
import io.tributary.readers.postgres.cdc.Lsn;
import io.tributary.readers.postgres.cdc.PostgresCdcReader;
import io.tributary.testsupport.postgres.ReplicationSlots;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.step.StepExecution;

/**
 * A CDC sync streaming more than 100,000 changes (large and small transactions, inserts, updates,
 * key changes, deletes) into the PostgreSQL destination runs in a child JVM that is killed with
 * {@code kill -9} at five random points and restarted each time. At the end the final table equals
 * the source, the raw table holds every change exactly once, and at no moment (checked every few
 * milliseconds throughout) did the slot's confirmed flush LSN pass the position committed in the
 * job repository.
 */
class CdcKillNineIT {

    private static final int ROWS = 20_000;
    private static final int KILLS = 5;
    private static final String CHECKSUM =
            "SELECT count(*) || ':' || coalesce(md5(string_agg(id || '|' || v || '|' || note,"
                    + " ',' ORDER BY id)), '') FROM ";
    private static final Pattern SAVED_LSN = Pattern.compile("\"lsn\":\"([0-9A-F]+/[0-9A-F]+)\"");

    @TempDir
    Path work;

    private final Random random = new Random();
    private int children;

    @Test
    void aSyncOfMoreThan100000ChangesKilledFiveTimesEndsExactAndNeverAcknowledgesWhatWasNotCommitted()
            throws Exception {
        try (CdcSyncFixture fx = new CdcSyncFixture("cdc_kill")) {
            fx.source.execute(
                    "CREATE TABLE items (id bigint PRIMARY KEY, v int NOT NULL, note text NOT NULL)",
                    "INSERT INTO items SELECT g, 0, 'row ' || g FROM generate_series(1, " + ROWS + ") g");
            String yaml = fx.yaml("""
                    killed: { source: shop, destination: warehouse, namespace_definition: destination, chunk_size: 2500,
                              streams: [{ name: public.items, sync_mode: incremental, destination_sync_mode: append_dedup }] }
                    """);
            Path config = work.resolve("connections.yml");
            Files.writeString(config, yaml);
            assertThat(fx.sync(yaml, "killed").records()).isEqualTo(ROWS);

            long initialSync = ((Number)
                            fx.repository.queryValue("SELECT max(job_instance_id) FROM batch_job_instance"))
                    .longValue();
            long changes = makeChanges(fx);
            assertThat(changes).isGreaterThanOrEqualTo(100_000);

            Watch watch = new Watch(fx);
            Thread watcher = new Thread(watch, "ack-watch");
            watcher.start();
            try {
                long previous = 0;
                for (int kill = 1; kill <= KILLS; kill++) {
                    long at = Math.max(
                            previous + 5_000, kill * changes / (KILLS + 2) + random.nextInt((int) (changes / 20)));
                    Process child = start(kill == 1 ? "sync" : "restart", fx, config);
                    killWhenCommitted(child, fx, initialSync, at);
                    previous = committedSince(fx, initialSync);
                    System.out.printf(
                            "[kill -9] child %d killed with %d of %d changes committed%n", children, previous, changes);
                }
                Process last = start("restart", fx, config);
                assertThat(last.waitFor(3, TimeUnit.MINUTES))
                        .as("the last restart finishes")
                        .isTrue();
                String out = Files.readString(work.resolve("child-" + children + ".log"));
                assertThat(last.exitValue()).as(out).isZero();
                assertThat(out).contains("RESULT COMPLETED");
            } finally {
                watch.running.set(false);
                watcher.join();
            }
            assertThat(watch.violations)
                    .as("confirmed flush LSN past the committed position")
                    .isEmpty();
            assertThat(watch.checks.get()).as("acknowledgement checks made").isGreaterThan(100);
            assertThat(watch.moved.get())
                    .as("the slot was acknowledged while the sync ran")
                    .isGreaterThan(KILLS);

            assertThat(fx.target.queryValue(CHECKSUM + "warehouse.items"))
                    .isEqualTo(fx.source.queryValue(CHECKSUM + "items"));
            assertThat(fx.target.queryValue("SELECT count(*) FROM warehouse._airbyte_raw_items"))
                    .as("raw: every change once")
                    .isEqualTo(ROWS + changes);
            assertThat(fx.target.queryValue(
                            "SELECT count(DISTINCT (_airbyte_data->>'_ab_cdc_lsn', _airbyte_data->>'id', "
                                    + "_airbyte_data->>'_ab_cdc_deleted_at')) FROM warehouse._airbyte_raw_items"))
                    .isEqualTo(ROWS + changes);
            assertThat(fx.repository.queryValue("SELECT count(*) FROM batch_job_execution WHERE status = 'COMPLETED'"))
                    .isEqualTo(2L);

            fx.source.execute(
                    "UPDATE items SET v = v + 1 WHERE id < 100", "DELETE FROM items WHERE id BETWEEN 100 AND 120");
            assertThat(fx.sync(yaml, "killed").succeeded()).isTrue();
            assertThat(fx.target.queryValue(CHECKSUM + "warehouse.items"))
                    .isEqualTo(fx.source.queryValue(CHECKSUM + "items"));
            assertThat(ReplicationSlots.names(fx.source)).containsExactly(fx.slot("items"));
        }
    }

    /** More than 100,000 row changes in transactions of one row to 60,000 rows; returns how many records they make. */
    private static long makeChanges(CdcSyncFixture fx) throws Exception {
        long records = 0;
        try (Connection c = fx.source.connect();
                Statement s = c.createStatement()) {
            for (int t = 0; t < 40; t++) {
                records += s.executeUpdate("INSERT INTO items SELECT g, 0, 'new ' || g FROM generate_series("
                        + (ROWS + t * 1000 + 1) + ", " + (ROWS + t * 1000 + 1000) + ") g");
            }
            records += s.executeUpdate(
                    "UPDATE items SET v = v + 1, note = note || '+'"); // one transaction, 60,000 changes
            s.execute(
                    "DO $$ BEGIN FOR i IN 1..2000 LOOP UPDATE items SET v = v + 1 WHERE id = i * 29; COMMIT; END LOOP; END $$");
            records += 2000;
            records += s.executeUpdate("DELETE FROM items WHERE id % 5 = 0");
            records += 2L
                    * s.executeUpdate(
                            "UPDATE items SET id = id + 1000000 WHERE id % 97 = 1"); // a delete and an insert each
            c.setAutoCommit(false);
            for (int t = 0; t < 300; t++) {
                records += s.executeUpdate("UPDATE items SET note = 'mixed " + t + "' WHERE id = " + (t * 13 + 2));
                records += s.executeUpdate("INSERT INTO items VALUES (" + (5_000_000 + t) + ", " + t + ", 'late')");
                c.commit();
            }
        }
        return records;
    }

    /** Compares the slot's confirmed flush LSN with the position the repository holds, again and again. */
    private static final class Watch implements Runnable {
        final AtomicBoolean running = new AtomicBoolean(true);
        final AtomicInteger checks = new AtomicInteger();
        final AtomicInteger moved = new AtomicInteger();
        final List<String> violations = new CopyOnWriteArrayList<>();
        private final CdcSyncFixture fx;

        Watch(CdcSyncFixture fx) {
            this.fx = fx;
        }

        @Override
        public void run() {
            String last = null;
            while (running.get()) {
                try {
                    // confirmed first: the committed position only grows, so a later read of it cannot hide a violation
                    String confirmed = ReplicationSlots.confirmedFlush(fx.source, fx.slot("items"));
                    Lsn committed = committedPosition(fx);
                    if (confirmed != null && committed != null) {
                        checks.incrementAndGet();
                        if (Lsn.parse(confirmed).isAfter(committed)) {
                            violations.add("confirmed " + confirmed + " > committed " + committed);
                        }
                        if (!confirmed.equals(last)) {
                            moved.incrementAndGet();
                            last = confirmed;
                        }
                    }
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                } catch (RuntimeException e) {
                    // the repository is being written by the child: try again
                }
            }
        }
    }

    /** The CDC position committed with the last chunk of the newest sync, as the repository holds it. */
    private static Lsn committedPosition(CdcSyncFixture fx) {
        JobInstance instance = fx.engine.repository().getLastJobInstance("killed");
        StepExecution load =
                instance == null ? null : fx.engine.repository().getLastStepExecution(instance, "load:public.items");
        if (load == null || !load.getExecutionContext().containsKey(PostgresCdcReader.positionKey("items"))) {
            return null;
        }
        Matcher m = SAVED_LSN.matcher(load.getExecutionContext().getString(PostgresCdcReader.positionKey("items")));
        return m.find() ? Lsn.parse(m.group(1)) : null;
    }

    /** Records committed by the syncs after job instance {@code instance}. */
    private static long committedSince(CdcSyncFixture fx, long instance) {
        try {
            return ((Number) fx.repository.queryValue(
                            "SELECT coalesce(sum(s.write_count), 0) FROM batch_step_execution s "
                                    + "JOIN batch_job_execution e ON e.job_execution_id = s.job_execution_id "
                                    + "WHERE e.job_instance_id > " + instance))
                    .longValue();
        } catch (IllegalStateException notYet) {
            return 0;
        }
    }

    /** Kills the process once at least {@code records} changes of the running sync are committed; it must still run then. */
    private void killWhenCommitted(Process process, CdcSyncFixture fx, long instance, long records) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (committedSince(fx, instance) < records) {
            if (!process.isAlive()) {
                throw new AssertionError("the sync ended before it could be killed:\n"
                        + Files.readString(work.resolve("child-" + children + ".log")));
            }
            assertThat(System.nanoTime()).as("sync too slow").isLessThan(deadline);
            Thread.sleep(5);
        }
        process.destroyForcibly();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }

    private Process start(String mode, CdcSyncFixture fx, Path config) throws Exception {
        return ChildSyncMain.start(
                mode,
                fx.repository.jdbcUrl(),
                fx.pg.user(),
                fx.pg.password(),
                config,
                "killed",
                work.resolve("child-" + (++children) + ".log"));
    }
}
