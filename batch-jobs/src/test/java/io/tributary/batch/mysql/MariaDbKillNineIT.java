package io.tributary.batch.mysql;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.batch.engine.ChildSyncMain;
import io.tributary.testsupport.mysql.TestMariaDb;
import io.tributary.testsupport.postgres.TestDatabase;
import io.tributary.testsupport.postgres.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A MariaDB to PostgreSQL sync of 100,000 rows in a child JVM is killed with {@code kill -9}
 * (destroyForcibly) at five random points and restarted each time in a new JVM; at the end the
 * destination holds exactly the source's rows, value for value, in the final table, and each row
 * once in the raw table. Once for a full refresh (overwrite) and once for an incremental sync
 * (append, whose cursor has runs of seven equal values), followed by a second incremental sync that
 * must add only the rows inserted since, some of them at the last value already synced.
 */
class MariaDbKillNineIT {

    private static final int ROWS = 100_000;
    private static final int KILLS = 5;

    @TempDir
    Path work;

    private final Random random = new Random();
    private int children;
    private TestPostgres pg;
    private TestMariaDb.Database source;
    private TestDatabase target;
    private TestDatabase repository;

    @BeforeEach
    void createDatabases() {
        pg = TestPostgres.get();
        source = TestMariaDb.get().createDatabase("my_kill");
        target = pg.createDatabase("my_kill_dst");
        repository = pg.createDatabase("my_kill_repo");
        source.execute(
                "CREATE TABLE orders (id bigint PRIMARY KEY, customer int, amount decimal(12,2), status varchar(10), "
                        + "updated_at datetime(6) NOT NULL, note varchar(40))",
                // seven rows share each cursor value
                "INSERT INTO orders SELECT seq, seq % 997, (seq % 100000) / 100.0, ELT(1 + seq % 3, 'new', 'paid', 'shipped'), "
                        + "TIMESTAMP '2024-01-01 00:00:00' + INTERVAL (seq DIV 7) SECOND, CONCAT('order ', seq) FROM seq_1_to_"
                        + ROWS);
    }

    @AfterEach
    void dropDatabases() {
        source.close();
        target.close();
        repository.close();
    }

    @Test
    void aFullRefreshKilledFiveTimesEndsEqualToTheSource() throws Exception {
        Path config = connections(
                "{ name: " + source.name() + ".orders, sync_mode: full_refresh, destination_sync_mode: overwrite }");
        syncKilledFiveTimes(config);
        assertEqual(ROWS);
    }

    @Test
    void anIncrementalSyncKilledFiveTimesEndsEqualToTheSourceAndTheNextSyncAddsOnlyNewRows() throws Exception {
        Path config = connections("{ name: " + source.name()
                + ".orders, sync_mode: incremental, cursor_field: [updated_at], " + "destination_sync_mode: append }");
        syncKilledFiveTimes(config);
        assertEqual(ROWS);

        // new rows, some sharing the last cursor value already synced
        source.execute(
                "SET @last = (SELECT max(updated_at) FROM orders)",
                "INSERT INTO orders SELECT seq, seq % 997, 1.00, 'late', @last, CONCAT('late ', seq) FROM seq_"
                        + (ROWS + 1) + "_to_" + (ROWS + 500),
                "INSERT INTO orders SELECT seq, 1, 1, 'new', '2030-01-01 00:00:00', CONCAT('new ', seq) FROM seq_"
                        + (ROWS + 501) + "_to_" + (ROWS + 1000));
        finish(start("sync", config));
        assertEqual(ROWS + 1000);
    }

    private Path connections(String stream) throws Exception {
        Path file = work.resolve("connections.yml");
        Files.writeString(file, """
                sources: { shop: { type: mysql, config: { host: "%s", port: %d, database: %s, username: "%s", password: "%s" } } }
                destinations: { warehouse: { type: postgres, config: { host: "%s", port: %d, database: %s, username: %s, password: "%s", ssl_mode: disable, schema: warehouse } } }
                connections:
                  killed: { source: shop, destination: warehouse, namespace_definition: destination, chunk_size: 1000, streams: [%s] }
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
                        pg.password(),
                        stream));
        return file;
    }

    /** Kills the first sync and four restarts at increasing random points, then lets a last restart finish. */
    private void syncKilledFiveTimes(Path config) throws Exception {
        long previous = 0;
        for (int kill = 1; kill <= KILLS; kill++) {
            long at = Math.max(previous + 1_000, (long) kill * ROWS / (KILLS + 2) + random.nextInt(ROWS / 20));
            Process child = start(kill == 1 ? "sync" : "restart", config);
            killWhenCommitted(child, at);
            previous = committed();
            System.out.printf("[kill -9] child %d killed with %d of %d rows committed%n", children, previous, ROWS);
        }
        finish(start("restart", config));
        assertThat(repository.queryValue("SELECT count(*) FROM batch_job_execution WHERE status = 'COMPLETED'"))
                .isEqualTo(1L);
    }

    private void finish(Process child) throws Exception {
        assertThat(child.waitFor(3, TimeUnit.MINUTES)).as("the sync finishes").isTrue();
        String out = Files.readString(work.resolve("child-" + children + ".log"));
        assertThat(child.exitValue()).as(out).isZero();
        assertThat(out).contains("RESULT COMPLETED");
    }

    /** The final table holds the source's rows value for value; the raw table each row once. */
    private void assertEqual(long rows) {
        List<String> expected = source
                .query("SELECT CONCAT_WS('|', id, customer, amount, status, "
                        + "DATE_FORMAT(updated_at, '%Y-%m-%d %H:%i:%s.%f'), note) FROM orders ORDER BY id")
                .stream()
                .map(r -> (String) r[0])
                .toList();
        List<String> actual = target
                .query(
                        "SELECT id || '|' || customer || '|' || amount || '|' || status || '|' "
                                + "|| to_char(updated_at, 'YYYY-MM-DD HH24:MI:SS.US') || '|' || note FROM warehouse.orders ORDER BY id")
                .stream()
                .map(r -> (String) r[0])
                .toList();
        assertThat(expected).hasSize((int) rows);
        assertThat(actual).as("final table").isEqualTo(expected);
        assertThat(target.queryValue("SELECT count(*) || ':' || count(DISTINCT _airbyte_data->>'id') FROM "
                        + "warehouse._airbyte_raw_orders"))
                .as("raw table")
                .isEqualTo(rows + ":" + rows);
    }

    private Process start(String mode, Path config) throws Exception {
        return ChildSyncMain.start(
                mode,
                repository.jdbcUrl(),
                pg.user(),
                pg.password(),
                config,
                "killed",
                work.resolve("child-" + (++children) + ".log"));
    }

    private long committed() {
        try {
            return ((Number) repository.queryValue("SELECT coalesce(sum(write_count), 0) FROM batch_step_execution"))
                    .longValue();
        } catch (IllegalStateException notCreatedYet) {
            return 0;
        }
    }

    /** Kills the process once at least {@code records} are committed in total; it must still be running then. */
    private void killWhenCommitted(Process process, long records) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (committed() < records) {
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
