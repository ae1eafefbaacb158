package io.tributary.readers.mysql;

import io.tributary.connector.catalog.ConfiguredStream;
import io.tributary.connector.config.ConnectorConfig;
import io.tributary.connector.record.SourceRecord;
import io.tributary.testsupport.contract.ReaderRestartContract;
import io.tributary.testsupport.mysql.TestMariaDb;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/** Every scan of the MySQL source passes the reader restart contract. */
class MySqlReaderRestartIT {

    private static TestMariaDb.Database db;
    private static ConnectorConfig config;

    @BeforeAll
    static void createTables() {
        db = TestMariaDb.get().createDatabase("my_restart");
        db.execute(
                // a composite key with text that sorts by collation, and a binary part
                "CREATE TABLE with_pk (region varchar(20), seq int, tag varbinary(4), at datetime(3),"
                        + " PRIMARY KEY (region, seq, tag))",
                "INSERT INTO with_pk SELECT ELT(1 + seq % 5, 'north', 'North-east', 'south side', 'Zürich', '\"quoted\"'),"
                        + " seq, UNHEX(LPAD(HEX(seq % 3), 2, '0')), TIMESTAMP '2024-01-01 00:00:00' + INTERVAL seq MINUTE"
                        + " FROM seq_1_to_23",
                // no primary key, but a unique key on NOT NULL columns
                "CREATE TABLE with_unique (code char(4) NOT NULL, v int, UNIQUE KEY (code))",
                "INSERT INTO with_unique SELECT CONCAT('c', LPAD(seq, 3, '0')), seq FROM seq_1_to_19",
                // no key at all, with identical rows
                "CREATE TABLE no_key (v int, note varchar(10))",
                "INSERT INTO no_key SELECT seq % 7, IF(seq % 2 = 0, 'even', NULL) FROM seq_1_to_26",
                "CREATE VIEW residues AS SELECT v % 4 AS r FROM no_key",
                // incremental: runs of equal cursor values
                "CREATE TABLE events (id int PRIMARY KEY, updated_at timestamp(6) NULL)",
                "INSERT INTO events SELECT seq, TIMESTAMP '2024-01-01 00:00:00' + INTERVAL (seq DIV 6) HOUR FROM seq_1_to_25",
                // incremental without a key, identical rows at equal cursor values
                "CREATE TABLE log (at date, msg varchar(10))",
                "INSERT INTO log SELECT DATE '2024-01-01' + INTERVAL (seq DIV 4) DAY, IF(seq % 3 = 0, 'same', CONCAT('m', seq))"
                        + " FROM seq_1_to_17");
        config = MySqlSourceFixture.config(db);
    }

    @AfterAll
    static void dropDatabase() {
        db.close();
    }

    private abstract static class MySqlContract extends ReaderRestartContract<SourceRecord> {

        abstract ConfiguredStream stream();

        @Override
        protected ItemStreamReader<SourceRecord> newReader() {
            return MySqlSourceFixture.SOURCE.reader(config, stream(), Map.of());
        }

        @Override
        protected Object comparable(SourceRecord item) {
            return item.data().toString();
        }
    }

    @Nested
    class ByCompositePrimaryKey extends MySqlContract {

        @Override
        ConfiguredStream stream() {
            return MySqlSourceFixture.fullRefresh(MySqlSourceFixture.discovered(config, "with_pk"));
        }

        @Override
        protected int expectedTotal() {
            return 23;
        }
    }

    @Nested
    class ByUniqueKeyOnNotNullColumns extends MySqlContract {

        @Override
        ConfiguredStream stream() {
            return MySqlSourceFixture.fullRefresh(MySqlSourceFixture.discovered(config, "with_unique"));
        }

        @Override
        protected int expectedTotal() {
            return 19;
        }
    }

    @Nested
    class ByRowOrderOfATableWithoutKey extends MySqlContract {

        @Override
        ConfiguredStream stream() {
            return MySqlSourceFixture.fullRefresh(MySqlSourceFixture.discovered(config, "no_key"));
        }

        @Override
        protected int expectedTotal() {
            return 26;
        }
    }

    @Nested
    class ByRowOrderOfAView extends MySqlContract {

        @Override
        ConfiguredStream stream() {
            return MySqlSourceFixture.fullRefresh(MySqlSourceFixture.discovered(config, "residues"));
        }

        @Override
        protected int expectedTotal() {
            return 26;
        }
    }

    @Nested
    class ByCursorThroughRunsOfEqualValues extends MySqlContract {

        @Override
        ConfiguredStream stream() {
            return MySqlSourceFixture.incremental(MySqlSourceFixture.discovered(config, "events"), "updated_at");
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
    class ByCursorWithoutKeyThroughIdenticalRows extends MySqlContract {

        @Override
        ConfiguredStream stream() {
            return MySqlSourceFixture.incremental(MySqlSourceFixture.discovered(config, "log"), "at");
        }

        @Override
        protected int expectedTotal() {
            return 17;
        }
    }
}
