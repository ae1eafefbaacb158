package io.tributary.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The benchmark suite on a small table, as CI runs it: every case runs (the memory comparison too, on
 * 20,000 and 100,000 rows) and every destination holds exactly what the source holds (counts and sums).
 * Times are printed, not asserted.
 */
class BenchmarkSmokeIT {

    @TempDir
    Path work;

    @Test
    void everyCaseRunsAndEveryOutputMatchesTheSource() throws Exception {
        BenchmarkSuite suite = new BenchmarkSuite();
        int exit = new CommandLine(suite)
                .execute(
                        "--rows",
                        "20000",
                        "--runs",
                        "1",
                        "--memory",
                        "--database",
                        "tributary_bench_smoke",
                        "--json",
                        work.resolve("results.json").toString(),
                        "--work-dir",
                        work.resolve("work").toString());
        assertThat(suite.problems).isEmpty();
        assertThat(exit).isZero();
        assertThat(suite.results.keySet())
                .containsAll(Cases.ALL.stream().map(Cases::name).toList());
        suite.results
                .values()
                .forEach(r -> assertThat(r.rows()).as(r.definition().name()).isPositive());
        assertThat(suite.results.get(Cases.INCREMENTAL).rows()).isEqualTo(200);
        assertThat(suite.results.get(Cases.MEMORY_BIG).rows()).isEqualTo(100_000);
        assertThat(Files.readString(work.resolve("results.json")))
                .contains("\"ratio\"", Cases.NORMALIZED, Cases.S3_PARQUET, Cases.MEMORY_BIG, "raw_vs_hand_written");
    }
}
