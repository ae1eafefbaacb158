package io.tributary.readers.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.connector.catalog.ConfiguredStream;
import io.tributary.connector.config.ConnectorConfig;
import io.tributary.connector.record.SourceRecord;
import io.tributary.testsupport.contract.ReaderRestartContract;
import io.tributary.testsupport.postgres.TestDatabase;
import io.tributary.testsupport.postgres.TestPostgres;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/** Every scan of the PostgreSQL source passes the reader restart contract. */
class PostgresReaderRestartIT {

    private static TestDatabase db;
    private static ConnectorConfig config;

    @BeforeAll
    static void createTables() {
        db = TestPostgres.get().createDatabase("pg_restart");
        db.execute(
                // a composite key with text that sorts by collation, and a timestamp
                "CREATE TABLE with_pk (region text, seq int, at timestamptz, PRIMARY KEY (region, seq))",
                "INSERT INTO with_pk SELECT (ARRAY['north','North','south side','Zürich','\"quoted\"'])[1 + g % 5], g, "
                        + "timestamptz '2024-01-01 00:00:00+00' + g * interval '1 minute' FROM generate_series(1, 23) g",
                // few rows per page, with gaps left by deleted rows, so ctid ranges of 2 pages cross boundaries
                "CREATE TABLE no_pk (v int, pad text) WITH (fillfactor = 10)",
                "INSERT INTO no_pk SELECT g, repeat('x', 300) FROM generate_series(1, 40) g",
                "DELETE FROM no_pk WHERE v % 7 = 0",
                // a view with identical rows
                "CREATE VIEW residues AS SELECT v % 4 AS r FROM no_pk",
                // incremental: runs of equal cursor values
                "CREATE TABLE events (id int PRIMARY KEY, updated_at timestamp)",
                "INSERT INTO events SELECT g, timestamp '2024-01-01' + (g / 6) * interval '1 hour' FROM generate_series(1, 25) g",
                "CREATE TABLE log (at date, msg text)",
                "INSERT INTO log SELECT date '2024-01-01' + g / 4, 'm' || g FROM generate_series(1, 17) g");
        config = PostgresSourceFixture.config(db);
    }

    @AfterAll
    static void dropDatabase() {
        db.close();
    }

    private abstract static class PostgresContract extends ReaderRestartContract<SourceRecord> {

        abstract ConfiguredStream stream();

        @Override
        protected ItemStreamReader<SourceRecord> newReader() {
            return new PostgresStreamReader(PostgresSourceConfig.from(config), stream(), Map.of(), 2);
        }

        @Override
        protected Object comparable(SourceRecord item) {
            return item.data().toString();
        }
    }

    @Nested
    class ByPrimaryKey extends PostgresContract {

        @Override
        ConfiguredStream stream() {
            return PostgresSourceFixture.fullRefresh(PostgresSourceFixture.discovered(config, "with_pk"));
        }

        @Override
        protected int expectedTotal() {
            return 23;
        }
    }

    @Nested
    class ByCtidRanges extends PostgresContract {

        @Override
        ConfiguredStream stream() {
            return PostgresSourceFixture.fullRefresh(PostgresSourceFixture.discovered(config, "no_pk"));
        }

        @Override
        protected int expectedTotal() {
            return 35;
        }

        @Test
        void theTableSpansSeveralRanges() {
            assertThat((Long) db.queryValue("SELECT pg_relation_size('no_pk') / 8192"))
                    .isGreaterThan(4);
        }
    }

    @Nested
    class ByRowOrderOfAView extends PostgresContract {

        @Override
        ConfiguredStream stream() {
            return PostgresSourceFixture.fullRefresh(PostgresSourceFixture.discovered(config, "residues"));
        }

        @Override
        protected int expectedTotal() {
            return 35;
        }
    }

    @Nested
    class ByCursorThroughRunsOfEqualValues extends PostgresContract {

        @Override
        ConfiguredStream stream() {
            return PostgresSourceFixture.incremental(PostgresSourceFixture.discovered(config, "events"), "updated_at");
        }

        @Override
        protected int expectedTotal() {
            return 25;
        }

        @Override
        protected int chunkSize() {
            return 4;
        }
    }

    @Nested
    class ByCursorWithoutPrimaryKey extends PostgresContract {

        @Override
        ConfiguredStream stream() {
            return PostgresSourceFixture.incremental(PostgresSourceFixture.discovered(config, "log"), "at");
        }

        @Override
        protected int expectedTotal() {
            return 17;
        }
    }
}
