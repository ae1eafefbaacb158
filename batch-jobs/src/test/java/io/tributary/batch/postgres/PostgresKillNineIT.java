package io.tributary.batch.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.batch.engine.ChildSyncMain;
import io.tributary.testsupport.postgres.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A PostgreSQL to PostgreSQL sync of 200,000 rows in a child JVM is killed with {@code kill -9}
 * (destroyForcibly) at five random points and restarted each time in a new JVM; at the end the
 * destination equals the source exactly: same row count and the same order-independent checksum,
 * in the final and in the raw table. Once for a full refresh (overwrite) and once for an incremental
 * sync (append, whose cursor has runs of equal values), followed by a second incremental sync that
 * must add only the rows inserted since.
 */
class PostgresKillNineIT {

    private static final int ROWS = 200_000;
    private static final int KILLS = 5;
    private static final String CHECKSUM =
            "SELECT count(*) || ':' || coalesce(md5(string_agg(id || '|' || customer || '|' || amount"
                    + " || '|' || status || '|' || to_char(updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS.US') || '|' || note,"
                    + " ',' ORDER BY id)), '') FROM ";

    @TempDir
    Path work;

    private final Random random = new Random();
    private int children;

    @Test
    void aFullRefreshKilledFiveTimesEndsEqualToTheSource() throws Exception {
        try (PostgresSyncFixture fixture = new PostgresSyncFixture("pg_kill_full")) {
            createOrders(fixture, ROWS);
            Path config = connections(fixture, """
                    killed: { source: shop, destination: warehouse, namespace_definition: destination, chunk_size: 1000,
                              streams: [{ name: public.orders, sync_mode: full_refresh, destination_sync_mode: overwrite }] }
                    """);
            syncKilledFiveTimes(fixture, config);
            assertEqual(fixture, "warehouse.orders", ROWS);
        }
    }

    @Test
    void anIncrementalSyncKilledFiveTimesEndsEqualToTheSourceAndTheNextSyncAddsOnlyNewRows() throws Exception {
        try (PostgresSyncFixture fixture = new PostgresSyncFixture("pg_kill_incr")) {
            createOrders(fixture, ROWS);
            Path config = connections(fixture, """
                    killed: { source: shop, destination: warehouse, namespace_definition: destination, chunk_size: 1000,
                              streams: [{ name: public.orders, sync_mode: incremental, cursor_field: [updated_at],
                                          destination_sync_mode: append }] }
                    """);
            syncKilledFiveTimes(fixture, config);
            assertEqual(fixture, "warehouse.orders", ROWS);

            // new rows, some sharing the last cursor value already synced
            fixture.source.execute(
                    "INSERT INTO orders SELECT g, g % 997, (g % 100000) / 100.0, 'late', "
                            + "(SELECT max(updated_at) FROM orders), 'late ' || g FROM generate_series(" + (ROWS + 1)
                            + ", " + (ROWS + 500) + ") g",
                    "INSERT INTO orders SELECT g, 1, 1, 'new', timestamptz '2030-01-01 00:00+00', 'new ' || g "
                            + "FROM generate_series(" + (ROWS + 501) + ", " + (ROWS + 1000) + ") g");
            Process next = start("sync", fixture, config);
            finish(next);
            assertEqual(fixture, "warehouse.orders", ROWS + 1000);
        }
    }

    private static void createOrders(PostgresSyncFixture fixture, int rows) {
        fixture.source.execute(
                "CREATE TABLE orders (id bigint PRIMARY KEY, customer int, amount numeric(12,2), status text, "
                        + "updated_at timestamptz NOT NULL, note text)",
                // seven rows share each cursor value
                "INSERT INTO orders SELECT g, g % 997, (g % 100000) / 100.0, (ARRAY['new','paid','shipped'])[1 + g % 3], "
                        + "timestamptz '2024-01-01 00:00+00' + (g / 7) * interval '1 second', 'order ' || g "
                        + "FROM generate_series(1, " + rows + ") g",
                "ANALYZE orders");
    }

    private Path connections(PostgresSyncFixture fixture, String connection) throws Exception {
        Path file = work.resolve("connections.yml");
        Files.writeString(file, fixture.yaml(connection));
        return file;
    }

    /** Kills the first sync and four restarts at increasing random points, then lets a last restart finish. */
    private void syncKilledFiveTimes(PostgresSyncFixture fixture, Path config) throws Exception {
        long previous = 0;
        for (int kill = 1; kill <= KILLS; kill++) {
            long at = Math.max(previous + 1_000, (long) kill * ROWS / (KILLS + 2) + random.nextInt(ROWS / 20));
            Process child = start(kill == 1 ? "sync" : "restart", fixture, config);
            killWhenCommitted(child, fixture.repository, at);
            previous = committed(fixture.repository);
            System.out.printf("[kill -9] child %d killed with %d of %d rows committed%n", children, previous, ROWS);
        }
        finish(start("restart", fixture, config));
        assertThat(fixture.repository.queryValue("SELECT count(*) FROM batch_job_execution WHERE status = 'COMPLETED'"))
                .isEqualTo(1L);
    }

    private void finish(Process child) throws Exception {
        assertThat(child.waitFor(3, TimeUnit.MINUTES)).as("the sync finishes").isTrue();
        String out = Files.readString(work.resolve("child-" + children + ".log"));
        assertThat(child.exitValue()).as(out).isZero();
        assertThat(out).contains("RESULT COMPLETED");
    }

    private static void assertEqual(PostgresSyncFixture fixture, String table, long rows) {
        Object source = fixture.source.queryValue(CHECKSUM + "orders");
        assertThat(source.toString()).startsWith(rows + ":");
        assertThat(fixture.target.queryValue(CHECKSUM + table))
                .as("final table")
                .isEqualTo(source);
        assertThat(fixture.target.queryValue("SELECT count(*) || ':' || count(DISTINCT _airbyte_data->>'id') FROM "
                        + "warehouse._airbyte_raw_orders"))
                .as("raw table")
                .isEqualTo(rows + ":" + rows);
    }

    private Process start(String mode, PostgresSyncFixture fixture, Path config) throws Exception {
        return ChildSyncMain.start(
                mode,
                fixture.repository.jdbcUrl(),
                fixture.pg.user(),
                fixture.pg.password(),
                config,
                "killed",
                work.resolve("child-" + (++children) + ".log"));
    }

    private static long committed(TestDatabase repository) {
        try {
            return ((Number) repository.queryValue("SELECT coalesce(sum(write_count), 0) FROM batch_step_execution"))
                    .longValue();
        } catch (IllegalStateException notCreatedYet) {
            return 0;
        }
    }

    /** Kills the process once at least {@code records} are committed in total; it must still be running then. */
    private void killWhenCommitted(Process process, TestDatabase repository, long records) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (committed(repository) < records) {
            assertThat(process.isAlive())
                    .as("the sync ended before it could be killed; see child-%d.log", children)
                    .isTrue();
            assertThat(System.nanoTime()).as("sync too slow").isLessThan(deadline);
            Thread.sleep(10);
        }
        process.destroyForcibly();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }
}
