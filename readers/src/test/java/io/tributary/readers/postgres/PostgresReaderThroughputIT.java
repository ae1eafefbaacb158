package io.tributary.readers.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.connector.config.ConnectorConfig;
import io.tributary.connector.record.SourceRecord;
import io.tributary.testsupport.postgres.TestDatabase;
import io.tributary.testsupport.postgres.TestPostgres;
import java.io.OutputStream;
import java.sql.Connection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * How fast the source reads 200,000 rows of a typical table, next to the physical baseline on the
 * same server ({@code COPY ... TO STDOUT} into a sink). Printed for the report; the assertion only
 * guards against a pathological slowdown (the machine is shared).
 */
class PostgresReaderThroughputIT {

    private static final int ROWS = 200_000;
    private static TestDatabase db;

    @BeforeAll
    static void createTable() {
        db = TestPostgres.get().createDatabase("pg_speed");
        db.execute(
                "CREATE TABLE orders (id bigint PRIMARY KEY, customer int, amount numeric(12,2), status text, "
                        + "created_at timestamptz, paid boolean, note text)",
                "INSERT INTO orders SELECT g, g % 1000, (g % 100000) / 100.0, (ARRAY['new','paid','shipped'])[1 + g % 3], "
                        + "timestamptz '2024-01-01' + g * interval '1 second', g % 2 = 0, 'order number ' || g "
                        + "FROM generate_series(1, " + ROWS + ") g",
                "VACUUM ANALYZE orders");
    }

    @AfterAll
    static void dropDatabase() {
        db.close();
    }

    @Test
    void readsTwoHundredThousandRowsAtAUsefulFractionOfCopySpeed() throws Exception {
        ConnectorConfig config = PostgresSourceFixture.config(db);
        var stream = PostgresSourceFixture.fullRefresh(PostgresSourceFixture.discovered(config, "orders"));
        read(config, stream); // warm-up: class loading, JIT, server cache

        long start = System.nanoTime();
        long count = read(config, stream);
        double readerSeconds = (System.nanoTime() - start) / 1e9;

        long copyStart = System.nanoTime();
        try (Connection c = db.connect()) {
            c.unwrap(PGConnection.class)
                    .getCopyAPI()
                    .copyOut("COPY (SELECT * FROM orders ORDER BY id) TO STDOUT", OutputStream.nullOutputStream());
        }
        double copySeconds = (System.nanoTime() - copyStart) / 1e9;

        System.out.printf(
                "[throughput] PostgreSQL reader: %d rows in %.2f s = %.0f rows/s; COPY TO STDOUT: %.2f s = %.0f rows/s;"
                        + " ratio %.2f%n",
                count,
                readerSeconds,
                count / readerSeconds,
                copySeconds,
                ROWS / copySeconds,
                copySeconds / readerSeconds);
        assertThat(count).isEqualTo(ROWS);
        assertThat(count / readerSeconds).as("rows per second").isGreaterThan(20_000);
    }

    private static long read(ConnectorConfig config, io.tributary.connector.catalog.ConfiguredStream stream)
            throws Exception {
        ItemStreamReader<SourceRecord> reader = PostgresSourceFixture.SOURCE.reader(config, stream, null);
        ExecutionContext context = new ExecutionContext();
        reader.open(context);
        long n = 0;
        try {
            while (reader.read() != null) {
                if (++n % 1000 == 0) {
                    reader.update(context);
                }
            }
        } finally {
            reader.close();
        }
        return n;
    }
}
