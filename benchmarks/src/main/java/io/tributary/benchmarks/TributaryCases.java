package io.tributary.benchmarks;

import com.zaxxer.hikari.HikariDataSource;
import io.tributary.batch.config.ConnectionDefinition;
import io.tributary.batch.config.ConnectionsFileLoader;
import io.tributary.batch.config.TributaryConfig;
import io.tributary.batch.engine.SyncEngine;
import io.tributary.batch.engine.SyncResult;
import io.tributary.batch.repository.RepositoryDataSource;
import io.tributary.connector.registry.ConnectorRegistry;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

/** The Tributary side of the benchmark: real connections run by the sync engine, as a user runs them. */
final class TributaryCases {

    /**
     * Records per chunk (one commit each) in every Tributary case: the engine's default, as a user runs
     * it. (10,000 moved the same rows/s here but kept twice the records in memory.)
     */
    static final int CHUNK = ConnectionDefinition.DEFAULT_CHUNK_SIZE;

    private TributaryCases() {}

    /** A finished sync and its time. */
    private record Timed(SyncResult result, double seconds) {}

    /**
     * Runs {@code connection} as a user's sync does. Timed: the engine's sync call (planning with the
     * source's discovery, the load and complete steps); not timed: parsing the connections file and
     * creating the engine on its job repository, as the baselines' set-up is not timed either.
     */
    private static Timed sync(BenchContext ctx, String yaml, String connection) {
        TributaryConfig config = new ConnectionsFileLoader(n -> null)
                .load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "benchmark.yml");
        try (HikariDataSource repository = RepositoryDataSource.create(ctx.jdbcUrl(), ctx.user(), ctx.password())) {
            SyncEngine engine = SyncEngine.create(repository, ConnectorRegistry.load(), Duration.ofSeconds(10));
            long start = System.nanoTime();
            SyncResult result = engine.sync(config, connection);
            double seconds = (System.nanoTime() - start) / 1e9;
            if (!result.succeeded()) {
                throw new IllegalStateException("sync " + connection + " " + result.status() + ": " + result.failure());
            }
            return new Timed(result, seconds);
        }
    }

    /**
     * A connection reading the benchmark table into {@code destinationYaml}.
     *
     * @param normalization the YAML map of the connection's normalization
     */
    private static String connection(
            BenchContext ctx,
            String name,
            String destinationYaml,
            String normalization,
            String syncMode,
            String destMode) {
        return """
                sources: { pg: %s }
                destinations: { out: %s }
                connections:
                  %s:
                    source: pg
                    destination: out
                    namespace_definition: destination
                    chunk_size: %d
                    normalization: %s
                    streams: [{ name: %s, sync_mode: %s, cursor_field: [updated_at], destination_sync_mode: %s, primary_key: [[id]] }]
                """.formatted(
                ctx.postgresSourceYaml(), destinationYaml, name, CHUNK, normalization, ctx.table(), syncMode, destMode);
    }

    private static void dropSchema(BenchContext ctx, String schema) throws Exception {
        try (Connection c = ctx.connect();
                Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }

    private static long count(Connection c, String table) throws Exception {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** PG -> PG, full refresh overwrite, raw: only the raw table {@code _airbyte_raw_items} (normalization mode raw). */
    static final BenchCase PG_TO_PG_RAW = (ctx, memory) -> {
        dropSchema(ctx, "bench_out_raw");
        double seconds = sync(
                        ctx,
                        connection(
                                ctx,
                                "pg_to_pg_raw",
                                ctx.postgresDestinationYaml("bench_out_raw"),
                                "{ mode: raw }",
                                "full_refresh",
                                "overwrite"),
                        "pg_to_pg_raw")
                .seconds();
        try (Connection c = ctx.connect()) {
            return new Measurement(
                    ctx.rows(),
                    seconds,
                    memory.peakLiveHeapBytes(),
                    MemoryWatch.peakRssBytes(),
                    BenchmarkData.checkOfRaw(c, "bench_out_raw._airbyte_raw_items"));
        }
    };

    /** PG -> PG, full refresh overwrite, normalized: the raw table, documents flattened into columns and an addresses child table. */
    static final BenchCase PG_TO_PG_NORMALIZED = (ctx, memory) -> {
        String schema = "bench_out_norm";
        dropSchema(ctx, schema);
        double seconds = sync(
                        ctx,
                        connection(
                                ctx,
                                "pg_to_pg_normalized",
                                ctx.postgresDestinationYaml(schema),
                                "{ mode: basic, max_depth: 10 }",
                                "full_refresh",
                                "overwrite"),
                        "pg_to_pg_normalized")
                .seconds();
        try (Connection c = ctx.connect()) {
            return new Measurement(
                    ctx.rows(),
                    seconds,
                    memory.peakLiveHeapBytes(),
                    MemoryWatch.peakRssBytes(),
                    BenchmarkData.checkOf(c, schema + ".items") + ",addresses="
                            + count(c, schema + ".items_doc_addresses"));
        }
    };

    /**
     * The memory comparison: the normalized PG -> PG sync of the context's table (the suite's, or
     * the big one), its live heap sampled by a full collection every second.
     */
    static final BenchCase MEMORY = (ctx, memory) -> {
        memory.sampleLiveHeap(1000);
        Measurement m = PG_TO_PG_NORMALIZED.run(ctx, memory);
        return new Measurement(
                m.rows(),
                m.seconds(),
                m.peakLiveHeapBytes(),
                m.peakRssBytes(),
                m.check().substring(0, m.check().indexOf(',')));
    };

    /** PG -> Parquet files on the S3 server, normalized (flattened columns and the addresses child table). */
    static final BenchCase PG_TO_S3_PARQUET = (ctx, memory) -> {
        S3Target s3 = ctx.s3();
        if (s3 == null) {
            throw new IllegalStateException("the S3 case needs the S3 server; the suite starts it");
        }
        String path = "run-" + System.nanoTime();
        double seconds = sync(
                        ctx,
                        connection(
                                ctx,
                                "pg_to_s3",
                                s3.destinationYaml(path),
                                "{ mode: basic, max_depth: 10 }",
                                "full_refresh",
                                "overwrite"),
                        "pg_to_s3")
                .seconds();
        Path download = ctx.workDir().resolve("s3-download");
        deleteTree(download);
        s3.download(path + "/", download);
        s3.delete(path + "/");
        try (Connection duck = java.sql.DriverManager.getConnection("jdbc:duckdb:");
                Statement s = duck.createStatement();
                ResultSet addresses = s.executeQuery(
                        "SELECT count(*) FROM read_parquet('" + download + "/**/items_doc_addresses/*.parquet')")) {
            addresses.next();
            String check =
                    ParquetCheck.of(duck, download + "/**/items/*.parquet") + ",addresses=" + addresses.getLong(1);
            deleteTree(download);
            return new Measurement(ctx.rows(), seconds, memory.peakLiveHeapBytes(), MemoryWatch.peakRssBytes(), check);
        }
    };

    /**
     * Incremental append + dedup after 1% of the rows changed, normalized as the full refresh case is
     * (the initial sync, a full load, is not timed). The cursor column gets an index for this case
     * only, as a table synced by a cursor should have: without it every incremental read scans the
     * whole table. It is built before the untimed initial sync and dropped afterwards, so that the
     * other cases (and the baselines' copies of the table) see the table as the benchmark defines it.
     */
    static final BenchCase INCREMENTAL_ONE_PERCENT = (ctx, memory) -> {
        dropSchema(ctx, "bench_out_inc");
        String cursorIndex = "items_updated_at_bench";
        try (Connection c = ctx.connect();
                Statement s = c.createStatement()) {
            s.execute("CREATE INDEX IF NOT EXISTS " + cursorIndex + " ON " + ctx.table() + " (updated_at)");
            s.execute("ANALYZE " + ctx.table());
        }
        String name = "incremental_" + System.nanoTime();
        String yaml = connection(
                ctx,
                name,
                ctx.postgresDestinationYaml("bench_out_inc"),
                "{ mode: basic, max_depth: 10 }",
                "incremental",
                "append_dedup");
        sync(ctx, yaml, name);
        try (Connection c = ctx.connect();
                Statement s = c.createStatement()) {
            s.execute("UPDATE " + ctx.table()
                    + " SET qty = qty + 1, updated_at = updated_at + interval '3650 days' WHERE id % 100 = 0");
        }
        try {
            Timed timed = sync(ctx, yaml, name);
            SyncResult result = timed.result();
            double seconds = timed.seconds();
            try (Connection c = ctx.connect()) {
                return new Measurement(
                        result.records(),
                        seconds,
                        memory.peakLiveHeapBytes(),
                        MemoryWatch.peakRssBytes(),
                        "changed=" + result.records() + "," + BenchmarkData.checkOf(c, "bench_out_inc.items"));
            }
        } finally {
            try (Connection c = ctx.connect();
                    Statement s = c.createStatement()) {
                s.execute("UPDATE " + ctx.table()
                        + " SET qty = qty - 1, updated_at = updated_at - interval '3650 days' WHERE id % 100 = 0");
                s.execute("DROP INDEX IF EXISTS " + ctx.schema() + "." + cursorIndex);
            }
        }
    };

    /** CSV file -> local Parquet. */
    static final BenchCase CSV_TO_LOCAL_PARQUET = (ctx, memory) -> {
        Path csv;
        try (Connection c = ctx.connect()) {
            csv = BenchmarkData.csv(c, ctx.table(), ctx.workDir(), ctx.rows(), ctx.seed());
        }
        Path out = ctx.workDir().resolve("tributary-csv-out");
        deleteTree(out);
        String yaml = """
                sources: { csv: { type: file, config: { url: "%s", format: csv, stream_name: items } } }
                destinations: { lake: { type: local, config: { destination_path: "%s", format: parquet } } }
                connections:
                  csv_to_parquet: { source: csv, destination: lake, chunk_size: %d }
                """.formatted(csv, out, CHUNK);
        double seconds = sync(ctx, yaml, "csv_to_parquet").seconds();
        try (Connection duck = java.sql.DriverManager.getConnection("jdbc:duckdb:")) {
            return new Measurement(
                    ctx.rows(),
                    seconds,
                    memory.peakLiveHeapBytes(),
                    MemoryWatch.peakRssBytes(),
                    ParquetCheck.of(duck, out + "/**/*.parquet"));
        }
    };

    static void deleteTree(Path dir) throws java.io.IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
