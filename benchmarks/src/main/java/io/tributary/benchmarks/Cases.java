package io.tributary.benchmarks;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The cases of the suite, in the order they run, each with the baseline it is compared with and
 * its target ratio.
 *
 * @param higherIsBetter true when the ratio is rows/s over the baseline's rows/s; false when it is
 *     time over the baseline's time (the incremental case)
 */
record Cases(String name, String baseline, double target, boolean higherIsBetter, String description) {

    static final String READ_LIMIT = "baseline.read-limit";
    static final String COPY_PIPE = "baseline.copy-pipe";
    static final String DUCKDB = "baseline.duckdb-csv-parquet";
    static final String RAW = "tributary.pg-pg-raw";

    static final List<Cases> ALL = List.of(
            new Cases(READ_LIMIT, null, 0, true, "COPY (SELECT ...) TO STDOUT into a null sink"),
            new Cases(COPY_PIPE, null, 0, true, "COPY TO STDOUT piped into COPY FROM STDIN (binary), table with PK"),
            new Cases("baseline.spring-batch-500", null, 0, true, "hand-written JdbcCursorItemReader -> JdbcBatchItemWriter, chunk 500"),
            new Cases("baseline.spring-batch-1000", null, 0, true, "the same, chunk 1000"),
            new Cases("baseline.spring-batch-5000", null, 0, true, "the same, chunk 5000"),
            new Cases(RAW, COPY_PIPE, 0.8, true, "Tributary PG -> PG, full refresh overwrite, documents as JSON"),
            new Cases("tributary.pg-pg-normalized", COPY_PIPE, 0.5, true, "Tributary PG -> PG, flattened columns + child table"),
            new Cases("tributary.incremental-1pct", RAW, 0.05, false, "Tributary incremental append+dedup after 1% of rows changed"),
            new Cases(DUCKDB, null, 0, true, "DuckDB COPY (SELECT * FROM read_csv(...)) TO parquet"),
            new Cases("tributary.csv-local-parquet", DUCKDB, 0.5, true, "Tributary CSV file -> local Parquet"));

    private static final Map<String, BenchCase> IMPLEMENTATIONS = new LinkedHashMap<>();

    static {
        IMPLEMENTATIONS.put(READ_LIMIT, Baselines.READ_LIMIT);
        IMPLEMENTATIONS.put(COPY_PIPE, Baselines.COPY_PIPE);
        IMPLEMENTATIONS.put("baseline.spring-batch-500", Baselines.springBatch(500));
        IMPLEMENTATIONS.put("baseline.spring-batch-1000", Baselines.springBatch(1000));
        IMPLEMENTATIONS.put("baseline.spring-batch-5000", Baselines.springBatch(5000));
        IMPLEMENTATIONS.put(RAW, TributaryCases.PG_TO_PG_RAW);
        IMPLEMENTATIONS.put("tributary.pg-pg-normalized", TributaryCases.PG_TO_PG_NORMALIZED);
        IMPLEMENTATIONS.put("tributary.incremental-1pct", TributaryCases.INCREMENTAL_ONE_PERCENT);
        IMPLEMENTATIONS.put(DUCKDB, Baselines.DUCKDB_CSV_TO_PARQUET);
        IMPLEMENTATIONS.put("tributary.csv-local-parquet", TributaryCases.CSV_TO_LOCAL_PARQUET);
    }

    static BenchCase byName(String name) {
        BenchCase c = IMPLEMENTATIONS.get(name);
        if (c == null) {
            throw new IllegalArgumentException("unknown case '" + name + "'; cases: " + IMPLEMENTATIONS.keySet());
        }
        return c;
    }

    boolean isCsv() {
        return name.contains("csv");
    }
}
