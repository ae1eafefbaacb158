package io.tributary.readers.mysql;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.connector.catalog.ConfiguredStream;
import io.tributary.connector.config.ConnectorConfig;
import io.tributary.connector.record.SourceRecord;
import io.tributary.testsupport.mysql.TestMariaDb;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * How fast the source reads 200,000 rows of a typical table, next to the read limit on the same
 * server ({@code mariadb --quick} printing the same query into nothing). Printed for the report; the
 * assertion only guards against a pathological slowdown (the machine is shared).
 */
class MySqlReaderThroughputIT {

    private static final int ROWS = 200_000;
    private static TestMariaDb.Database db;

    @BeforeAll
    static void createTable() {
        db = TestMariaDb.get().createDatabase("my_speed");
        db.execute(
                "CREATE TABLE orders (id bigint PRIMARY KEY, customer int, amount decimal(12,2), status varchar(10), "
                        + "created_at timestamp(6) NULL, paid tinyint(1), note text)",
                "INSERT INTO orders SELECT seq, seq % 1000, (seq % 100000) / 100.0, ELT(1 + seq % 3, 'new', 'paid', 'shipped'), "
                        + "TIMESTAMP '2024-01-01 00:00:00' + INTERVAL seq SECOND, seq % 2 = 0, CONCAT('order number ', seq) "
                        + "FROM seq_1_to_" + ROWS);
    }

    @AfterAll
    static void dropDatabase() {
        db.close();
    }

    @Test
    void readsTwoHundredThousandRowsAtAUsefulFractionOfTheCommandLineClientsSpeed() throws Exception {
        ConnectorConfig config = MySqlSourceFixture.config(db);
        ConfiguredStream stream = MySqlSourceFixture.fullRefresh(MySqlSourceFixture.discovered(config, "orders"));
        read(config, stream); // warm-up: class loading, JIT, server cache

        long start = System.nanoTime();
        long count = read(config, stream);
        double readerSeconds = (System.nanoTime() - start) / 1e9;

        TestMariaDb server = db.server();
        List<String> command = new ArrayList<>(List.of(
                "mariadb",
                "--quick",
                "-h",
                server.host(),
                "-P",
                String.valueOf(server.port()),
                "-u",
                server.user(),
                db.name(),
                "-e",
                "SELECT * FROM orders ORDER BY id"));
        ProcessBuilder client = new ProcessBuilder(command)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.INHERIT);
        client.environment().put("MYSQL_PWD", server.password());
        long cliStart = System.nanoTime();
        int exit = client.start().waitFor();
        double cliSeconds = (System.nanoTime() - cliStart) / 1e9;

        System.out.printf(
                "[throughput] MySQL reader: %d rows in %.2f s = %.0f rows/s; mariadb --quick: %.2f s = %.0f rows/s;"
                        + " ratio %.2f%n",
                count, readerSeconds, count / readerSeconds, cliSeconds, ROWS / cliSeconds, cliSeconds / readerSeconds);
        assertThat(exit).as("mariadb --quick exit code").isZero();
        assertThat(count).isEqualTo(ROWS);
        assertThat(count / readerSeconds).as("rows per second").isGreaterThan(20_000);
    }

    @Test
    void streamsTheTableInsteadOfFetchingItWholeAndStopsAtOnceWhenClosedEarly() throws Exception {
        ConnectorConfig config = MySqlSourceFixture.config(db);
        ConfiguredStream stream = MySqlSourceFixture.fullRefresh(MySqlSourceFixture.discovered(config, "orders"));
        ItemStreamReader<SourceRecord> reader = MySqlSourceFixture.SOURCE.reader(config, stream, null);
        reader.open(new ExecutionContext());
        long closeMillis;
        try {
            assertThat(reader.read()).isNotNull();
            // the rest (about 16 MB) does not fit in the socket buffers: the server is still sending it
            String running =
                    "SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE ID <> CONNECTION_ID() AND DB = '"
                            + db.name() + "' AND COMMAND = 'Query' AND INFO LIKE 'SELECT %FROM `" + db.name()
                            + "`.`orders`%'";
            assertThat(db.query(running).get(0)[0])
                    .as("the read's query still running after its first record")
                    .isEqualTo(1L);
        } finally {
            long start = System.nanoTime();
            reader.close();
            closeMillis = (System.nanoTime() - start) / 1_000_000;
        }
        assertThat(closeMillis)
                .as("closing a half-read stream does not read the rest first")
                .isLessThan(500);
    }

    private static long read(ConnectorConfig config, ConfiguredStream stream) throws Exception {
        ItemStreamReader<SourceRecord> reader = MySqlSourceFixture.SOURCE.reader(config, stream, null);
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
