package io.tributary.writers.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.connector.catalog.ConfiguredStream;
import io.tributary.connector.catalog.DestinationSyncMode;
import io.tributary.connector.catalog.SyncMode;
import io.tributary.connector.config.ConnectorConfig;
import io.tributary.connector.schema.Column;
import io.tributary.connector.schema.ColumnType;
import io.tributary.connector.schema.NormalizedRecord;
import io.tributary.connector.schema.StreamTables;
import io.tributary.connector.schema.TableRow;
import io.tributary.connector.schema.TableSchema;
import io.tributary.postgres.PostgresIdentifiers;
import io.tributary.testsupport.postgres.TestDatabase;
import io.tributary.testsupport.postgres.TestPostgres;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * How fast the loader stages and loads 200,000 records, binary COPY against text COPY of the same
 * rows into the same staging tables (the measurement behind {@link ChunkCopier}'s choice), and the
 * physical baseline on the same server: {@code COPY ... TO STDOUT} piped into {@code COPY ... FROM
 * STDIN}. Printed for the report; assertions only guard against a pathological slowdown.
 */
class PostgresLoaderThroughputIT {

    private static final int ROWS = 200_000;
    private static final int CHUNK = 10_000;
    private static final TableSchema ORDERS = LoaderFixture.table(
            "orders",
            List.of(
                    Column.of("id", ColumnType.INTEGER),
                    Column.of("customer", ColumnType.INTEGER),
                    new Column("amount", List.of("amount"), ColumnType.NUMBER, 12, 2),
                    Column.of("status", ColumnType.STRING),
                    Column.of("created_at", ColumnType.TIMESTAMP_TZ),
                    Column.of("paid", ColumnType.BOOLEAN),
                    Column.of("note", ColumnType.STRING)),
            List.of("id"),
            null,
            List.of());
    private static final StreamTables TABLES = new StreamTables(List.of(ORDERS));
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static TestDatabase db;
    private static ConnectorConfig config;
    private static List<List<NormalizedRecord>> chunks;

    @BeforeAll
    static void prepare() {
        db = TestPostgres.get().createDatabase("pg_load_speed");
        config = LoaderFixture.config(LoaderFixture.settings(db));
        chunks = new ArrayList<>();
        OffsetDateTime start = OffsetDateTime.of(2024, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
        for (int c = 0; c < ROWS / CHUNK; c++) {
            List<NormalizedRecord> chunk = new ArrayList<>(CHUNK);
            for (int i = c * CHUNK; i < (c + 1) * CHUNK; i++) {
                chunk.add(LoaderFixture.record(
                        ORDERS,
                        (long) i,
                        (long) (i % 1000),
                        BigDecimal.valueOf(i % 100_000, 2),
                        new String[] {"new", "paid", "shipped"}[i % 3],
                        start.plusSeconds(i),
                        i % 2 == 0,
                        "order number " + i));
            }
            chunks.add(chunk);
        }
    }

    @AfterAll
    static void dropDatabase() {
        db.close();
    }

    @Test
    void loadsTwoHundredThousandRecordsWithBinaryCopyFasterThanText() throws Exception {
        ConfiguredStream stream = LoaderFixture.stream(
                "orders", SyncMode.FULL_REFRESH, DestinationSyncMode.OVERWRITE, null, List.of("id"));
        LoadPlan plan = LoadPlan.of(PostgresDestinationConfig.from(config), stream, TABLES, 1);
        ChunkCopier copier = new ChunkCopier(plan, TABLES);
        double binary = Double.MAX_VALUE;
        double text = Double.MAX_VALUE;
        try (Connection c = PostgresDestination.connect(PostgresDestinationConfig.from(config))) {
            PostgresDestination.ensureSchema(c, plan.schema());
            for (int round = 0; round < 2; round++) { // alternate, keep the best of each: the machine is shared
                copier.createStagingTables(c);
                c.commit();
                long t0 = System.nanoTime();
                for (int n = 0; n < chunks.size(); n++) {
                    copier.copy(c, n + 1, chunks.get(n));
                    c.commit();
                }
                binary = Math.min(binary, (System.nanoTime() - t0) / 1e9);

                copier.createStagingTables(c);
                c.commit();
                long t1 = System.nanoTime();
                for (int n = 0; n < chunks.size(); n++) {
                    copyAsText(c, plan, n + 1, chunks.get(n));
                    c.commit();
                }
                text = Math.min(text, (System.nanoTime() - t1) / 1e9);
            }
            assertThat(db.queryValue("SELECT count(*) FROM analytics."
                            + PostgresIdentifiers.quote(plan.root().staging())))
                    .isEqualTo((long) ROWS);
        }

        long t2 = System.nanoTime();
        LoaderFixture.sync(config, stream, TABLES, 2, chunks.toArray(List[]::new));
        double overwrite = (System.nanoTime() - t2) / 1e9;
        ConfiguredStream append =
                LoaderFixture.stream("orders", SyncMode.INCREMENTAL, DestinationSyncMode.APPEND, null, List.of("id"));
        long t3 = System.nanoTime();
        LoaderFixture.sync(config, append, TABLES, 3, chunks.toArray(List[]::new));
        double appended = (System.nanoTime() - t3) / 1e9;
        assertThat(db.queryValue("SELECT count(*) FROM analytics.orders")).isEqualTo(2L * ROWS);

        double baseline = copyToCopy();
        System.out.printf(
                "[throughput] PostgreSQL loader, %d records (raw jsonb + typed table): staging COPY binary %.2f s "
                        + "= %.0f rows/s, text %.2f s = %.0f rows/s (binary %.2fx); whole overwrite sync %.2f s = %.0f rows/s, "
                        + "append sync %.2f s = %.0f rows/s; COPY TO STDOUT | COPY FROM STDIN of the typed table %.2f s = %.0f rows/s%n",
                ROWS,
                binary,
                ROWS / binary,
                text,
                ROWS / text,
                text / binary,
                overwrite,
                ROWS / overwrite,
                appended,
                ROWS / appended,
                baseline,
                ROWS / baseline);
        assertThat(ROWS / overwrite).as("records per second").isGreaterThan(10_000);
    }

    /** The physical baseline: the final table copied out and into a copy of itself, through a pipe. */
    private static double copyToCopy() throws Exception {
        db.execute("CREATE TABLE analytics.orders_copy (LIKE analytics.orders)");
        try (Connection out = db.connect();
                Connection in = db.connect()) {
            CopyManager from = out.unwrap(PGConnection.class).getCopyAPI();
            CopyManager to = in.unwrap(PGConnection.class).getCopyAPI();
            PipedOutputStream pipeOut = new PipedOutputStream();
            PipedInputStream pipeIn = new PipedInputStream(pipeOut, 1 << 16);
            long t = System.nanoTime();
            CompletableFuture<Long> load = CompletableFuture.supplyAsync(() -> {
                try {
                    return to.copyIn("COPY analytics.orders_copy FROM STDIN", pipeIn);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            try (pipeOut) {
                from.copyOut("COPY (SELECT * FROM analytics.orders LIMIT " + ROWS + ") TO STDOUT", pipeOut);
            }
            assertThat(load.get()).isEqualTo(ROWS);
            return (System.nanoTime() - t) / 1e9;
        }
    }

    /** The same rows in COPY's text format, for the comparison only. */
    private static void copyAsText(Connection c, LoadPlan plan, long chunk, List<NormalizedRecord> records)
            throws Exception {
        CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        ByteArrayOutputStream typed = new ByteArrayOutputStream();
        for (int i = 0; i < records.size(); i++) {
            NormalizedRecord r = records.get(i);
            long seq = (chunk << 32) + i;
            line(
                    raw,
                    r.abId(),
                    OffsetDateTime.ofInstant(
                            java.time.Instant.ofEpochMilli(r.source().emittedAt()), ZoneOffset.UTC),
                    JSON.writeValueAsString(r.source().data()),
                    seq);
            TableRow row = r.rows().get(0);
            Object[] values = new Object[row.values().length + 1];
            System.arraycopy(row.values(), 0, values, 0, row.values().length);
            values[row.values().length] = seq;
            line(typed, values);
        }
        copy.copyIn(
                "COPY analytics." + PostgresIdentifiers.quote(plan.raw().staging()) + " FROM STDIN",
                new ByteArrayInputStream(raw.toByteArray()));
        copy.copyIn(
                "COPY analytics." + PostgresIdentifiers.quote(plan.root().staging()) + " FROM STDIN",
                new ByteArrayInputStream(typed.toByteArray()));
    }

    private static void line(ByteArrayOutputStream out, Object... values) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                sb.append('\t');
            }
            Object v = values[i];
            if (v == null) {
                sb.append("\\N");
            } else if (v instanceof BigDecimal d) {
                sb.append(d.toPlainString());
            } else if (v instanceof Boolean b) {
                sb.append(b ? 't' : 'f');
            } else {
                String s = v.toString();
                for (int k = 0; k < s.length(); k++) {
                    char ch = s.charAt(k);
                    switch (ch) {
                        case '\\' -> sb.append("\\\\");
                        case '\n' -> sb.append("\\n");
                        case '\r' -> sb.append("\\r");
                        case '\t' -> sb.append("\\t");
                        default -> sb.append(ch);
                    }
                }
            }
        }
        sb.append('\n');
        out.writeBytes(sb.toString().getBytes(StandardCharsets.UTF_8));
    }
}
