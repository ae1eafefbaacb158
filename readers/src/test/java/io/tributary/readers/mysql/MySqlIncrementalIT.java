package io.tributary.readers.mysql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.connector.catalog.ConfiguredStream;
import io.tributary.connector.catalog.DestinationSyncMode;
import io.tributary.connector.catalog.SyncMode;
import io.tributary.connector.config.ConfigException;
import io.tributary.connector.config.ConnectorConfig;
import io.tributary.connector.record.SourceRecord;
import io.tributary.testsupport.mysql.TestMariaDb;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/** Incremental syncs by a cursor column: what each sync reads, across ties, late rows and state limits. */
class MySqlIncrementalIT {

    private TestMariaDb.Database db;
    private ConnectorConfig config;
    private final Map<String, Object> state = MySqlSourceFixture.newState();

    @BeforeEach
    void createDatabase() {
        db = TestMariaDb.get().createDatabase("my_incr");
        config = MySqlSourceFixture.config(db);
    }

    @AfterEach
    void dropDatabase() {
        db.close();
    }

    private List<Long> syncIds(String table, String cursor) throws Exception {
        ConfiguredStream stream = MySqlSourceFixture.incremental(MySqlSourceFixture.discovered(config, table), cursor);
        List<SourceRecord> records = MySqlSourceFixture.sync(config, stream, state);
        return records.stream().map(r -> (Long) r.get("id")).toList();
    }

    @Test
    void readsRowsThatJoinTheLastValueLaterExactlyOnceWhateverTheirKey() throws Exception {
        db.execute(
                "CREATE TABLE events (id int PRIMARY KEY, updated_at datetime(6))",
                "INSERT INTO events VALUES (2, '2024-01-01 10:00'), (3, '2024-01-01 10:00'), "
                        + "(4, '2024-01-01 11:00'), (5, '2024-01-01 11:00')");
        assertThat(syncIds("events", "updated_at")).containsExactly(2L, 3L, 4L, 5L);

        // committed after the first sync with the last value: one key above, one below the keys read
        db.execute(
                "INSERT INTO events VALUES (6, '2024-01-01 11:00'), (1, '2024-01-01 11:00'), (7, '2024-01-01 12:00')");
        assertThat(syncIds("events", "updated_at")).containsExactly(1L, 6L, 7L);

        assertThat(syncIds("events", "updated_at")).as("nothing changed").isEmpty();

        db.execute("UPDATE events SET updated_at = '2024-01-02 00:00' WHERE id = 2");
        assertThat(syncIds("events", "updated_at")).containsExactly(2L);
    }

    @Test
    void comparesTimestampCursorsInUtcWhateverTheServersZone() throws Exception {
        db.execute(
                "CREATE TABLE events (id int PRIMARY KEY, changed timestamp(3) NULL)",
                "SET SESSION time_zone = '+05:00'",
                "INSERT INTO events VALUES (1, '2024-01-01 10:00:00.500'), (2, '2024-01-01 10:00:00.500')");
        assertThat(syncIds("events", "changed")).containsExactly(1L, 2L);
        assertThat(state.get("events.incremental.cursor").toString()).contains("2024-01-01 05:00:00.500");
        db.execute("SET SESSION time_zone = '+05:00'", "INSERT INTO events VALUES (3, '2024-01-01 09:00:00')");
        assertThat(syncIds("events", "changed"))
                .as("04:00 UTC, before the last value")
                .isEmpty();
        db.execute("SET SESSION time_zone = '+00:00'", "INSERT INTO events VALUES (4, '2024-01-01 05:00:00.500')");
        assertThat(syncIds("events", "changed"))
                .as("the same instant as the last value, written in UTC")
                .containsExactly(4L);
    }

    @Test
    void comparesUnsignedBigintAndDecimalCursorsExactly() throws Exception {
        db.execute(
                "CREATE TABLE versions (id int PRIMARY KEY, v bigint unsigned, amount decimal(30,10))",
                "INSERT INTO versions VALUES (1, 18446744073709551614, 1.5), (2, 18446744073709551614, 2.5)");
        assertThat(syncIds("versions", "v")).containsExactly(1L, 2L);
        db.execute("INSERT INTO versions VALUES (3, 18446744073709551615, 0)");
        assertThat(syncIds("versions", "v"))
                .as("beyond doubles' 53 bits, still one apart")
                .containsExactly(3L);
        assertThat(syncIds("versions", "amount")).containsExactly(3L, 1L, 2L);
        assertThat(syncIds("versions", "amount")).isEmpty();
    }

    @Test
    void keepsTheStateBoundedWhenVeryManyRowsShareTheLastValue() throws Exception {
        db.execute(
                "CREATE TABLE bulk (id int PRIMARY KEY, loaded_at date)",
                "INSERT INTO bulk SELECT seq, '2024-01-01' FROM seq_1_to_" + (MySqlCursorScan.MAX_TIES + 500));
        assertThat(syncIds("bulk", "loaded_at")).hasSize(MySqlCursorScan.MAX_TIES + 500);
        String saved = state.get("bulk.incremental.cursor").toString();
        assertThat(saved.length()).as("the state does not list every tied key").isLessThan(500);
        assertThat(MySqlPositions.Cursor.parse(saved).tiesComplete()).isFalse();

        db.execute("INSERT INTO bulk VALUES (5000, '2024-01-01'), (5001, '2024-01-02')");
        assertThat(syncIds("bulk", "loaded_at"))
                .as("a later row with a greater key at the same value, and a newer one")
                .containsExactly(5000L, 5001L);
        assertThat(syncIds("bulk", "loaded_at")).isEmpty();
    }

    @Test
    void readsTablesWithoutKeyCountingIdenticalRows() throws Exception {
        db.execute(
                "CREATE TABLE log (id int, at date)",
                "INSERT INTO log VALUES (1, '2024-01-01'), (1, '2024-01-01'), (2, '2024-01-02')");
        assertThat(syncIds("log", "at")).containsExactly(1L, 1L, 2L);
        db.execute("INSERT INTO log VALUES (2, '2024-01-02'), (3, '2024-01-02')");
        assertThat(syncIds("log", "at"))
                .as("a second identical row at the last value is a new row")
                .containsExactly(2L, 3L);
        assertThat(syncIds("log", "at")).isEmpty();
    }

    @Test
    void readsViewsByTheirRowsWithinEqualValues() throws Exception {
        db.execute(
                "CREATE TABLE base (id int PRIMARY KEY, at date)",
                "CREATE VIEW recent AS SELECT id, at FROM base",
                "INSERT INTO base VALUES (1, '2024-01-01'), (2, '2024-01-01')");
        assertThat(syncIds("recent", "at")).containsExactly(1L, 2L);
        db.execute("INSERT INTO base VALUES (3, '2024-01-01')");
        assertThat(syncIds("recent", "at")).containsExactly(3L);
    }

    @Test
    void skipsRowsWhoseCursorIsNull() throws Exception {
        db.execute("CREATE TABLE items (id int PRIMARY KEY, seq int)", "INSERT INTO items VALUES (1, NULL), (2, 5)");
        assertThat(syncIds("items", "seq")).containsExactly(2L);
    }

    @Test
    void startsOverWhenTheCursorColumnChanges() throws Exception {
        db.execute(
                "CREATE TABLE items (id int PRIMARY KEY, a int, b int)",
                "INSERT INTO items VALUES (1, 1, 2), (2, 2, 1)");
        assertThat(syncIds("items", "a")).containsExactly(1L, 2L);
        assertThat(syncIds("items", "a")).isEmpty();
        assertThat(syncIds("items", "b"))
                .as("the saved value belongs to column a")
                .containsExactly(2L, 1L);
    }

    @Test
    void rejectsACursorColumnThatDoesNotExistNamingTheChoices() {
        db.execute("CREATE TABLE items (id int PRIMARY KEY, updated_at datetime, doc json)");
        var stream = MySqlSourceFixture.incremental(MySqlSourceFixture.discovered(config, "items"), "modified");
        var reader = MySqlSourceFixture.SOURCE.reader(config, stream, Map.of());
        assertThatThrownBy(() -> reader.open(new ExecutionContext()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(
                        "streams.items.cursor_field: column 'modified' does not exist in " + db.name() + ".items")
                .hasMessageContaining("[id, updated_at]");
    }

    @Test
    void rejectsACursorColumnThatCannotOrderRowsExactly() {
        db.execute("CREATE TABLE items (id int PRIMARY KEY, name varchar(10))");
        var stream = MySqlSourceFixture.incremental(MySqlSourceFixture.discovered(config, "items"), "name");
        var reader = MySqlSourceFixture.SOURCE.reader(config, stream, Map.of());
        assertThatThrownBy(() -> reader.open(new ExecutionContext()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("'name' of " + db.name() + ".items has type varchar(10)");
    }

    @Test
    void rejectsAnIncrementalStreamWithoutCursor() {
        db.execute("CREATE TABLE items (id int PRIMARY KEY, seq int)");
        var stream = new ConfiguredStream(
                MySqlSourceFixture.discovered(config, "items"),
                SyncMode.INCREMENTAL,
                DestinationSyncMode.APPEND,
                List.of(),
                null,
                null,
                null);
        assertThatThrownBy(() -> MySqlSourceFixture.SOURCE.reader(config, stream, Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(
                        "streams.items.cursor_field: incremental sync needs a cursor column; choose one of [id, seq]");
    }
}
