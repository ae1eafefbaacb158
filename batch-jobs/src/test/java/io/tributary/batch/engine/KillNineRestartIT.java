package io.tributary.batch.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.testsupport.postgres.TestDatabase;
import io.tributary.testsupport.postgres.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a syncing JVM with {@code kill -9} (destroyForcibly) twice at different points, restarts it
 * each time in a new JVM, and checks the destination holds every record exactly once.
 */
class KillNineRestartIT {

    private static final long RECORDS = 30_000;

    @TempDir
    Path work;

    @Test
    void aSyncKilledTwiceMidWayResumesEachTimeAndDeliversEveryRecordExactlyOnce() throws Exception {
        try (TestDatabase repository = TestPostgres.get().createDatabase("killnine")) {
            Path lake = work.resolve("lake");
            Path config = work.resolve("connections.yml");
            Files.writeString(config, """
                    sources:
                      seq: { type: sequence, config: { count: %d, delay_micros: 150 } }
                    destinations:
                      lake: { type: local, config: { destination_path: "%s" } }
                    connections:
                      killed:
                        source: seq
                        destination: lake
                        chunk_size: 250
                        streams: [numbers]
                    """.formatted(RECORDS, lake));

            Process first = start("sync", repository, config);
            killWhenCommitted(first, repository, 6_000);
            Process second = start("restart", repository, config);
            long before = committed(repository);
            killWhenCommitted(second, repository, before + 8_000);
            Process third = start("restart", repository, config);
            assertThat(third.waitFor(3, TimeUnit.MINUTES)).isTrue();
            String out = Files.readString(work.resolve("child-3-restart.log"));
            assertThat(third.exitValue()).as(out).isZero();
            assertThat(out).contains("RESULT COMPLETED");

            assertThat(LocalOutput.ids(lake.resolve("seq").resolve("numbers")))
                    .isEqualTo(LongStream.rangeClosed(1, RECORDS).boxed().toList());
            assertThat(repository.queryValue("SELECT count(*) FROM batch_job_instance"))
                    .isEqualTo(1L);
            assertThat(repository.queryValue("SELECT count(*) FROM batch_job_execution"))
                    .isEqualTo(3L);
        }
    }

    private Process start(String mode, TestDatabase repository, Path config) throws Exception {
        return ChildSyncMain.start(
                mode,
                repository.jdbcUrl(),
                TestPostgres.get().user(),
                TestPostgres.get().password(),
                config,
                "killed",
                work.resolve("child-" + (++children) + "-" + mode + ".log"));
    }

    private int children;

    private static long committed(TestDatabase repository) {
        Object v = repository.queryValue("SELECT coalesce(sum(write_count), 0) FROM batch_step_execution");
        return ((Number) v).longValue();
    }

    /** Kills the process once at least {@code records} are committed in total, and checks it was still running. */
    private static void killWhenCommitted(Process process, TestDatabase repository, long records) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (committedInRunningExecution(repository) < records) {
            assertThat(process.isAlive())
                    .as("the sync ended before it could be killed")
                    .isTrue();
            assertThat(System.nanoTime()).as("sync too slow").isLessThan(deadline);
            Thread.sleep(20);
        }
        process.destroyForcibly();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }

    private static long committedInRunningExecution(TestDatabase repository) {
        try {
            return committed(repository);
        } catch (IllegalStateException e) {
            return 0; // tables not created yet by the child
        }
    }
}
