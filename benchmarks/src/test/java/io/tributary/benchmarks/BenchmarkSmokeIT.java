package io.tributary.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The benchmark suite on a small table, as CI runs it: every case runs and every destination holds
 * exactly what the source holds (counts and sums). Times are printed, not asserted.
 */
class BenchmarkSmokeIT {

    @TempDir
    Path work;

    @Test
    void everyCaseRunsAndEveryOutputMatchesTheSource() throws Exception {
        BenchmarkSuite suite = new BenchmarkSuite();
        int exit = new CommandLine(suite).execute("--rows", "20000", "--runs", "1", "--database", "tributary_bench_smoke",
                "--json", work.resolve("results.json").toString(), "--work-dir", work.resolve("work").toString());
        assertThat(suite.problems).isEmpty();
        assertThat(exit).isZero();
        assertThat(suite.results.keySet()).containsAll(Cases.ALL.stream().map(Cases::name).toList());
        suite.results.values().forEach(r -> assertThat(r.rows()).as(r.definition().name()).isPositive());
        assertThat(suite.results.get("tributary.incremental-1pct").rows()).isEqualTo(200);
        assertThat(Files.readString(work.resolve("results.json"))).contains("\"ratio\"", "tributary.pg-pg-normalized");
    }
}
