package io.tributary.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's first command, as a new user runs it: the demo on an embedded PostgreSQL. */
class DemoCommandIT {

    @TempDir
    Path dir;

    @Test
    void theDemoSyncsTheCsvFileAndTheCustomersTableAndSaysWhereTheOutputIs() throws Exception {
        CliRun run = CliRun.of("demo", "--output", dir.toString(), "--rows", "300");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out())
                .contains(
                        "sync of customers_csv_to_lake (job 1): completed",
                        "300 records",
                        "Output (local destination): " + dir.resolve("lake"));
        try (Stream<Path> files = Files.walk(dir.resolve("lake"))) {
            assertThat(files.map(Path::toString)
                            .filter(f -> !f.contains("/."))
                            .filter(f -> f.endsWith(".jsonl") || f.endsWith(".parquet"))
                            .toList())
                    .anyMatch(f -> f.contains("/default/customers_csv/"))
                    .anyMatch(f -> f.contains("/public/customers/"))
                    .anyMatch(f -> f.contains("/public/customers_addresses/"));
        }
        assertThat(run.out()).containsPattern("sync of customers_pg_to_warehouse \\(job \\d+\\): completed");

        CliRun history = CliRun.of(
                "jobs",
                "--connection",
                "customers_csv_to_lake",
                "--data-dir",
                dir.resolve("repository").toString());
        assertThat(history.exitCode()).as(history.err()).isZero();
        assertThat(history.out())
                .as("the embedded repository keeps the history between runs")
                .contains("completed")
                .contains("300");
    }
}
