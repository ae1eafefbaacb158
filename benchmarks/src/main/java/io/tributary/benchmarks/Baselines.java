package io.tributary.benchmarks;

import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.concurrent.CompletableFuture;
import org.postgresql.PGConnection;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.launch.support.JobOperatorFactoryBean;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.repository.support.ResourcelessJobRepository;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.database.JdbcBatchItemWriter;
import org.springframework.batch.infrastructure.item.database.JdbcCursorItemReader;
import org.springframework.batch.infrastructure.item.database.builder.JdbcBatchItemWriterBuilder;
import org.springframework.batch.infrastructure.item.database.builder.JdbcCursorItemReaderBuilder;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.jdbc.support.JdbcTransactionManager;

/** The baselines every Tributary case is compared with, measured in the same run on the same data. */
final class Baselines {

    private Baselines() {}

    /** {@code COPY ... TO STDOUT} piped into {@code COPY ... FROM STDIN}, binary, into an identical table with a primary key. */
    static final BenchCase COPY_PIPE = (ctx, memory) -> {
        try (Connection src = ctx.connect();
                Connection dst = ctx.connect();
                Statement s = dst.createStatement()) {
            s.execute("CREATE SCHEMA IF NOT EXISTS bench_out");
            s.execute("DROP TABLE IF EXISTS bench_out.items_copy");
            s.execute("CREATE TABLE bench_out.items_copy (LIKE " + ctx.table() + " INCLUDING ALL)");
            long start = System.nanoTime();
            PipedInputStream in = new PipedInputStream(1 << 20);
            PipedOutputStream out = new PipedOutputStream(in);
            CompletableFuture<Long> reader = CompletableFuture.supplyAsync(() -> {
                try (out) {
                    return src.unwrap(PGConnection.class)
                            .getCopyAPI()
                            .copyOut("COPY " + ctx.table() + " TO STDOUT (FORMAT binary)", out);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            long rows = dst.unwrap(PGConnection.class)
                    .getCopyAPI()
                    .copyIn("COPY bench_out.items_copy FROM STDIN (FORMAT binary)", in);
            reader.join();
            double seconds = (System.nanoTime() - start) / 1e9;
            return new Measurement(
                    rows,
                    seconds,
                    memory.peakLiveHeapBytes(),
                    MemoryWatch.peakRssBytes(),
                    BenchmarkData.checkOf(dst, "bench_out.items_copy"));
        }
    };

    /** The read limit: {@code COPY ... TO STDOUT} (text) into a sink that only counts bytes. */
    static final BenchCase READ_LIMIT = (ctx, memory) -> {
        try (Connection src = ctx.connect()) {
            long[] bytes = {0};
            OutputStream sink = new OutputStream() {
                @Override
                public void write(int b) {
                    bytes[0]++;
                }

                @Override
                public void write(byte[] b, int off, int len) {
                    bytes[0] += len;
                }
            };
            long start = System.nanoTime();
            long rows = src.unwrap(PGConnection.class).getCopyAPI().copyOut("COPY " + ctx.table() + " TO STDOUT", sink);
            double seconds = (System.nanoTime() - start) / 1e9;
            return new Measurement(
                    rows,
                    seconds,
                    memory.peakLiveHeapBytes(),
                    MemoryWatch.peakRssBytes(),
                    "rows=" + rows + ",copy_text_bytes=" + bytes[0]);
        }
    };

    /**
     * The job a user would write by hand in plain Spring Batch: {@code JdbcCursorItemReader} ->
     * {@code JdbcBatchItemWriter} with {@code reWriteBatchedInserts}, fetch size = chunk size.
     */
    static BenchCase springBatch(int chunk) {
        return (ctx, memory) -> {
            try (Connection admin = ctx.connect();
                    Statement s = admin.createStatement()) {
                s.execute("CREATE SCHEMA IF NOT EXISTS bench_out");
                s.execute("DROP TABLE IF EXISTS bench_out.items_sb");
                s.execute("CREATE TABLE bench_out.items_sb (LIKE " + ctx.table() + " INCLUDING ALL)");
            }
            DriverManagerDataSource sourceDs = new DriverManagerDataSource(ctx.jdbcUrl(), ctx.user(), ctx.password());
            SingleConnectionDataSource targetDs = new SingleConnectionDataSource(
                    ctx.jdbcUrl() + "?reWriteBatchedInserts=true", ctx.user(), ctx.password(), true);
            targetDs.setAutoCommit(false);
            JdbcCursorItemReader<Object[]> reader = new JdbcCursorItemReaderBuilder<Object[]>()
                    .name("items")
                    .dataSource(sourceDs)
                    .fetchSize(chunk)
                    .connectionAutoCommit(false)
                    .sql("SELECT id, qty, price, name, note, updated_at, doc::text FROM " + ctx.table())
                    .rowMapper((rs, i) -> new Object[] {
                        rs.getLong(1),
                        rs.getInt(2),
                        rs.getBigDecimal(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getObject(6, OffsetDateTime.class),
                        rs.getString(7)
                    })
                    .build();
            JdbcBatchItemWriter<Object[]> writer = new JdbcBatchItemWriterBuilder<Object[]>()
                    .dataSource(targetDs)
                    .sql("INSERT INTO bench_out.items_sb VALUES (?, ?, ?, ?, ?, ?, CAST(? AS jsonb))")
                    .itemPreparedStatementSetter((item, ps) -> {
                        ps.setLong(1, (Long) item[0]);
                        ps.setInt(2, (Integer) item[1]);
                        ps.setBigDecimal(3, (java.math.BigDecimal) item[2]);
                        ps.setString(4, (String) item[3]);
                        ps.setString(5, (String) item[4]);
                        ps.setObject(6, item[5], Types.TIMESTAMP_WITH_TIMEZONE);
                        ps.setString(7, (String) item[6]);
                    })
                    .build();
            writer.afterPropertiesSet();
            JobRepository repository = new ResourcelessJobRepository();
            JdbcTransactionManager tx = new JdbcTransactionManager(targetDs);
            Job job = new JobBuilder("hand-written-" + chunk, repository)
                    .start(new StepBuilder("copy", repository)
                            .<Object[], Object[]>chunk(chunk)
                            .transactionManager(tx)
                            .reader(reader)
                            .writer(writer)
                            .build())
                    .build();
            JobOperatorFactoryBean operatorFactory = new JobOperatorFactoryBean();
            operatorFactory.setJobRepository(repository);
            operatorFactory.setTransactionManager(tx);
            operatorFactory.setJobRegistry(new org.springframework.batch.core.configuration.support.MapJobRegistry());
            operatorFactory.afterPropertiesSet();
            long start = System.nanoTime();
            JobExecution execution = operatorFactory.getObject().start(job, new JobParameters());
            double seconds = (System.nanoTime() - start) / 1e9;
            targetDs.destroy();
            if (execution.getStatus() != BatchStatus.COMPLETED) {
                throw new IllegalStateException(
                        "hand-written job " + execution.getStatus() + ": " + execution.getAllFailureExceptions());
            }
            try (Connection c = ctx.connect()) {
                return new Measurement(
                        ctx.rows(),
                        seconds,
                        memory.peakLiveHeapBytes(),
                        MemoryWatch.peakRssBytes(),
                        BenchmarkData.checkOf(c, "bench_out.items_sb"));
            }
        };
    }

    /** DuckDB (JDBC) {@code COPY (SELECT * FROM read_csv(...)) TO ... (FORMAT parquet)}. */
    static final BenchCase DUCKDB_CSV_TO_PARQUET = (ctx, memory) -> {
        Path csv;
        try (Connection c = ctx.connect()) {
            csv = BenchmarkData.csv(c, ctx.table(), ctx.workDir(), ctx.rows(), ctx.seed());
        }
        Path out = ctx.workDir().resolve("duckdb-out.parquet");
        Files.deleteIfExists(out);
        try (Connection duck = java.sql.DriverManager.getConnection("jdbc:duckdb:");
                Statement s = duck.createStatement()) {
            long start = System.nanoTime();
            s.execute("COPY (SELECT * FROM read_csv('" + csv + "')) TO '" + out + "' (FORMAT parquet)");
            double seconds = (System.nanoTime() - start) / 1e9;
            return new Measurement(
                    ctx.rows(),
                    seconds,
                    memory.peakLiveHeapBytes(),
                    MemoryWatch.peakRssBytes(),
                    ParquetCheck.of(duck, out.toString()));
        }
    };
}
