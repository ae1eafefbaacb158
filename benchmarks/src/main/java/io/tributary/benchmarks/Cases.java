package io.tributary.benchmarks;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The cases of the suite, in the order they run, each with the baseline it is compared with, what
 * the ratio compares and its target.
 *
 * @param memory true for the memory comparison's cases (run with {@code --memory} only)
 */
record Cases(String name, String baseline, Ratio ratio, double target, boolean memory, String description) {

    /** What a case's ratio to its baseline compares. */
    enum Ratio {
        /** rows/s over the baseline's rows/s; at least the target. */
        THROUGHPUT(">="),
        /** time over the baseline's time; at most the target. */
        TIME("<="),
        /** peak heap over the baseline's peak heap; at most the target. */
        HEAP("<=");

        final String comparison;

        Ratio(String comparison) {
            this.comparison = comparison;
        }

        double of(CaseResult result, CaseResult baseline) {
            return switch (this) {
                case THROUGHPUT -> result.rowsPerSecond() / baseline.rowsPerSecond();
                case TIME -> result.medianSeconds() / baseline.medianSeconds();
                case HEAP -> (double) result.peakLiveHeap() / Math.max(baseline.peakLiveHeap(), 1);
            };
        }

        boolean met(double value, double target) {
            return this == THROUGHPUT ? value >= target : value <= target;
        }
    }

    static final String READ_LIMIT = "baseline.read-limit";
    static final String COPY_PIPE = "baseline.copy-pipe";
    static final String DUCKDB = "baseline.duckdb-csv-parquet";
    static final String RAW = "tributary.pg-pg-raw";
    static final String NORMALIZED = "tributary.pg-pg-normalized";
    static final String S3_PARQUET = "tributary.pg-s3-parquet";
    static final String INCREMENTAL = "tributary.incremental-1pct";
    static final String CSV_PARQUET = "tributary.csv-local-parquet";
    static final String MEMORY = "memory.pg-pg-normalized";
    static final String MEMORY_BIG = "memory.pg-pg-normalized-5x";

    /** Rows of the memory comparison's big table, in multiples of the suite's rows (1M gives 5M). */
    static final int MEMORY_FACTOR = 5;

    /** At least this many MB/s of source data (COPY text) for the S3 case, whatever its ratio. */
    static final double S3_MEGABYTES_PER_SECOND = 100;

    static final List<Cases> ALL = List.of(
            new Cases(READ_LIMIT, null, Ratio.THROUGHPUT, 0, false, "COPY (SELECT ...) TO STDOUT into a null sink"),
            new Cases(
                    COPY_PIPE,
                    null,
                    Ratio.THROUGHPUT,
                    0,
                    false,
                    "COPY TO STDOUT piped into COPY FROM STDIN (binary), table with PK"),
            new Cases(
                    "baseline.spring-batch-500",
                    null,
                    Ratio.THROUGHPUT,
                    0,
                    false,
                    "hand-written JdbcCursorItemReader -> JdbcBatchItemWriter, chunk 500"),
            new Cases("baseline.spring-batch-1000", null, Ratio.THROUGHPUT, 0, false, "the same, chunk 1000"),
            new Cases("baseline.spring-batch-5000", null, Ratio.THROUGHPUT, 0, false, "the same, chunk 5000"),
            new Cases(
                    RAW,
                    COPY_PIPE,
                    Ratio.THROUGHPUT,
                    0.8,
                    false,
                    "Tributary PG -> PG, full refresh overwrite, raw: only _airbyte_raw_items (jsonb)"),
            new Cases(
                    NORMALIZED,
                    COPY_PIPE,
                    Ratio.THROUGHPUT,
                    0.5,
                    false,
                    "Tributary PG -> PG, raw table + flattened columns + child table"),
            new Cases(
                    S3_PARQUET,
                    READ_LIMIT,
                    Ratio.THROUGHPUT,
                    0.5,
                    false,
                    "Tributary PG -> Parquet on the S3 server (s3proxy), flattened columns + child table"),
            new Cases(
                    INCREMENTAL,
                    NORMALIZED,
                    Ratio.TIME,
                    0.05,
                    false,
                    "Tributary incremental append+dedup after 1% of rows changed, vs the full refresh"),
            new Cases(DUCKDB, null, Ratio.THROUGHPUT, 0, false, "DuckDB COPY (SELECT * FROM read_csv(...)) TO parquet"),
            new Cases(CSV_PARQUET, DUCKDB, Ratio.THROUGHPUT, 0.5, false, "Tributary CSV file -> local Parquet"),
            new Cases(
                    MEMORY,
                    null,
                    Ratio.HEAP,
                    0,
                    true,
                    "PG -> PG normalized, live heap sampled by full GCs every second"),
            new Cases(
                    MEMORY_BIG,
                    MEMORY,
                    Ratio.HEAP,
                    1.10,
                    true,
                    "the same on " + MEMORY_FACTOR + "x the rows: peak live heap within 10%"));

    private static final Map<String, BenchCase> IMPLEMENTATIONS = new LinkedHashMap<>();

    static {
        IMPLEMENTATIONS.put(READ_LIMIT, Baselines.READ_LIMIT);
        IMPLEMENTATIONS.put(COPY_PIPE, Baselines.COPY_PIPE);
        IMPLEMENTATIONS.put("baseline.spring-batch-500", Baselines.springBatch(500));
        IMPLEMENTATIONS.put("baseline.spring-batch-1000", Baselines.springBatch(1000));
        IMPLEMENTATIONS.put("baseline.spring-batch-5000", Baselines.springBatch(5000));
        IMPLEMENTATIONS.put(RAW, TributaryCases.PG_TO_PG_RAW);
        IMPLEMENTATIONS.put(NORMALIZED, TributaryCases.PG_TO_PG_NORMALIZED);
        IMPLEMENTATIONS.put(S3_PARQUET, TributaryCases.PG_TO_S3_PARQUET);
        IMPLEMENTATIONS.put(INCREMENTAL, TributaryCases.INCREMENTAL_ONE_PERCENT);
        IMPLEMENTATIONS.put(DUCKDB, Baselines.DUCKDB_CSV_TO_PARQUET);
        IMPLEMENTATIONS.put(CSV_PARQUET, TributaryCases.CSV_TO_LOCAL_PARQUET);
        IMPLEMENTATIONS.put(MEMORY, TributaryCases.MEMORY);
        IMPLEMENTATIONS.put(MEMORY_BIG, TributaryCases.MEMORY);
    }

    static BenchCase byName(String name) {
        BenchCase c = IMPLEMENTATIONS.get(name);
        if (c == null) {
            throw new IllegalArgumentException("unknown case '" + name + "'; cases: " + IMPLEMENTATIONS.keySet());
        }
        return c;
    }

    static Cases named(String name) {
        return ALL.stream()
                .filter(c -> c.name.equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown case '" + name + "'; cases: "
                        + ALL.stream().map(Cases::name).toList()));
    }

    boolean isCsv() {
        return name.contains("csv");
    }

    boolean needsS3() {
        return name.equals(S3_PARQUET);
    }
}
