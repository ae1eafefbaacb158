package io.tributary.benchmarks;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

import com.zaxxer.hikari.HikariDataSource;
import io.tributary.batch.config.ConnectionsFileLoader;
import io.tributary.batch.config.TributaryConfig;
import io.tributary.batch.engine.SyncEngine;
import io.tributary.batch.engine.SyncResult;
import io.tributary.batch.repository.RepositoryDataSource;
import io.tributary.connector.registry.ConnectorRegistry;

/** The Tributary side of the benchmark: real connections run by the sync engine, as a user runs them. */
final class TributaryCases {

    private static final int CHUNK = 10_000;

    private TributaryCases() {
    }

    private static SyncResult sync(BenchContext ctx, String yaml, String connection) {
        TributaryConfig config = new ConnectionsFileLoader(n -> null)
                .load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "benchmark.yml");
        try (HikariDataSource repository = RepositoryDataSource.create(ctx.jdbcUrl(), ctx.user(), ctx.password())) {
            SyncEngine engine = SyncEngine.create(repository, ConnectorRegistry.load(), Duration.ofSeconds(10));
            SyncResult result = engine.sync(config, connection);
            if (!result.succeeded()) {
                throw new IllegalStateException("sync " + connection + " " + result.status() + ": " + result.failure());
            }
            return result;
        }
    }

    private static String pgToPg(BenchContext ctx, String name, String schema, int maxDepth, String syncMode, String destMode) {
        return """
                sources: { pg: %s }
                destinations: { out: %s }
                connections:
                  %s:
                    source: pg
                    destination: out
                    namespace_definition: destination
                    chunk_size: %d
                    normalization: { max_depth: %d }
                    streams: [{ name: bench.items, sync_mode: %s, cursor_field: [updated_at], destination_sync_mode: %s, primary_key: [[id]] }]
                """.formatted(ctx.postgresSourceYaml(), ctx.postgresDestinationYaml(schema), name, CHUNK, maxDepth, syncMode, destMode);
    }

    private static void dropSchema(BenchContext ctx, String schema) throws Exception {
        try (Connection c = ctx.connect(); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }

    /** PG -> PG, full refresh overwrite, nested documents kept as JSON (no flattening). */
    static final BenchCase PG_TO_PG_RAW = (ctx, memory) -> {
        dropSchema(ctx, "bench_out_raw");
        long start = System.nanoTime();
        sync(ctx, pgToPg(ctx, "pg_to_pg_raw", "bench_out_raw", 0, "full_refresh", "overwrite"), "pg_to_pg_raw");
        double seconds = (System.nanoTime() - start) / 1e9;
        try (Connection c = ctx.connect()) {
            return new Measurement(ctx.rows(), seconds, memory.peakLiveHeapBytes(), MemoryWatch.peakRssBytes(),
                    BenchmarkData.checkOf(c, "bench_out_raw.items"));
        }
    };

    /** PG -> PG, full refresh overwrite, normalized: documents flattened into columns and an addresses child table. */
    static final BenchCase PG_TO_PG_NORMALIZED = (ctx, memory) -> {
        dropSchema(ctx, "bench_out_norm");
        long start = System.nanoTime();
        sync(ctx, pgToPg(ctx, "pg_to_pg_normalized", "bench_out_norm", 10, "full_refresh", "overwrite"), "pg_to_pg_normalized");
        double seconds = (System.nanoTime() - start) / 1e9;
        try (Connection c = ctx.connect(); Statement s = c.createStatement()) {
            var rs = s.executeQuery("SELECT count(*) FROM bench_out_norm.items_doc_addresses");
            rs.next();
            return new Measurement(ctx.rows(), seconds, memory.peakLiveHeapBytes(), MemoryWatch.peakRssBytes(),
                    BenchmarkData.checkOf(c, "bench_out_norm.items") + ",addresses=" + rs.getLong(1));
        }
    };

    /** Incremental append + dedup after 1% of the rows changed (the initial sync is not timed). */
    static final BenchCase INCREMENTAL_ONE_PERCENT = (ctx, memory) -> {
        dropSchema(ctx, "bench_out_inc");
        String name = "incremental_" + System.nanoTime();
        String yaml = pgToPg(ctx, name, "bench_out_inc", 0, "incremental", "append_dedup");
        sync(ctx, yaml, name);
        try (Connection c = ctx.connect(); Statement s = c.createStatement()) {
            s.execute("UPDATE bench.items SET qty = qty + 1, updated_at = updated_at + interval '3650 days' WHERE id % 100 = 0");
        }
        try {
            long start = System.nanoTime();
            SyncResult result = sync(ctx, yaml, name);
            double seconds = (System.nanoTime() - start) / 1e9;
            try (Connection c = ctx.connect()) {
                return new Measurement(result.records(), seconds, memory.peakLiveHeapBytes(), MemoryWatch.peakRssBytes(),
                        "changed=" + result.records() + "," + BenchmarkData.checkOf(c, "bench_out_inc.items"));
            }
        } finally {
            try (Connection c = ctx.connect(); Statement s = c.createStatement()) {
                s.execute("UPDATE bench.items SET qty = qty - 1, updated_at = updated_at - interval '3650 days' WHERE id % 100 = 0");
            }
        }
    };

    /** CSV file -> local Parquet. */
    static final BenchCase CSV_TO_LOCAL_PARQUET = (ctx, memory) -> {
        Path csv;
        try (Connection c = ctx.connect()) {
            csv = BenchmarkData.csv(c, ctx.workDir(), ctx.rows(), ctx.seed());
        }
        Path out = ctx.workDir().resolve("tributary-csv-out");
        deleteTree(out);
        String yaml = """
                sources: { csv: { type: file, config: { url: "%s", format: csv, stream_name: items } } }
                destinations: { lake: { type: local, config: { destination_path: "%s", format: parquet } } }
                connections:
                  csv_to_parquet: { source: csv, destination: lake, chunk_size: %d }
                """.formatted(csv, out, CHUNK);
        long start = System.nanoTime();
        sync(ctx, yaml, "csv_to_parquet");
        double seconds = (System.nanoTime() - start) / 1e9;
        try (Connection duck = java.sql.DriverManager.getConnection("jdbc:duckdb:")) {
            return new Measurement(ctx.rows(), seconds, memory.peakLiveHeapBytes(), MemoryWatch.peakRssBytes(),
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
