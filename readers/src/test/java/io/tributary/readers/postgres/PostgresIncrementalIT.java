package io.tributary.readers.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.connector.catalog.ConfiguredStream;
import io.tributary.connector.catalog.DestinationSyncMode;
import io.tributary.connector.catalog.SyncMode;
import io.tributary.connector.config.ConfigException;
import io.tributary.connector.config.ConnectorConfig;
import io.tributary.connector.record.SourceRecord;
import io.tributary.testsupport.postgres.TestDatabase;
import io.tributary.testsupport.postgres.TestPostgres;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/** Incremental syncs by a cursor column: what each sync reads, across ties, late rows and state limits. */
class PostgresIncrementalIT {

    private TestDatabase db;
    private ConnectorConfig config;
    private final Map<String, Object> state = new HashMap<>();

    @BeforeEach
    void createDatabase() {
        db = TestPostgres.get().createDatabase("pg_incr");
        config = PostgresSourceFixture.config(db);
    }

    @AfterEach
    void dropDatabase() {
        db.close();
    }

    private List<Integer> syncIds(String table, String cursor) throws Exception {
        ConfiguredStream stream =
                PostgresSourceFixture.incremental(PostgresSourceFixture.discovered(config, table), cursor);
        List<SourceRecord> records = PostgresSourceFixture.sync(config, stream, state);
        return records.stream().map(r -> r.data().get("id").asInt()).toList();
    }

    @Test
    void readsRowsThatJoinTheLastValueLaterExactlyOnceWhateverTheirKey() throws Exception {
        db.execute(
                "CREATE TABLE events (id int PRIMARY KEY, updated_at timestamptz)",
                "INSERT INTO events VALUES (2, '2024-01-01 10:00+00'), (3, '2024-01-01 10:00+00'), "
                        + "(4, '2024-01-01 11:00+00'), (5, '2024-01-01 11:00+00')");
        assertThat(syncIds("events", "updated_at")).containsExactly(2, 3, 4, 5);

        // committed after the first sync with the last value: one key above, one below the keys read
        db.execute("INSERT INTO events VALUES (6, '2024-01-01 11:00+00'), (1, '2024-01-01 11:00+00'), "
                + "(7, '2024-01-01 12:00+00')");
        assertThat(syncIds("events", "updated_at")).containsExactly(1, 6, 7);

        assertThat(syncIds("events", "updated_at")).as("nothing changed").isEmpty();

        db.execute("UPDATE events SET updated_at = '2024-01-02 00:00+00' WHERE id = 2");
        assertThat(syncIds("events", "updated_at")).containsExactly(2);
    }

    @Test
    void comparesNumericCursorsByValue() throws Exception {
        db.execute(
                "CREATE TABLE amounts (id int PRIMARY KEY, version numeric)",
                "INSERT INTO amounts VALUES (1, 1.0), (2, 1.00), (3, 0.5)");
        assertThat(syncIds("amounts", "version")).containsExactly(3, 1, 2);
        assertThat(syncIds("amounts", "version"))
                .as("1.0 and 1.00 are the same value")
                .isEmpty();
    }

    @Test
    void keepsTheStateBoundedWhenVeryManyRowsShareTheLastValue() throws Exception {
        db.execute(
                "CREATE TABLE bulk (id int PRIMARY KEY, loaded_at date)",
                "INSERT INTO bulk SELECT g, date '2024-01-01' FROM generate_series(1, " + (CursorScan.MAX_TIES + 500)
                        + ") g");
        assertThat(syncIds("bulk", "loaded_at")).hasSize(CursorScan.MAX_TIES + 500);
        String saved = state.get("bulk.incremental.cursor").toString();
        assertThat(saved.length()).as("the state does not list every tied key").isLessThan(500);
        assertThat(CursorPosition.parse(saved).tiesComplete()).isFalse();

        db.execute("INSERT INTO bulk VALUES (5000, '2024-01-01'), (5001, '2024-01-02')");
        assertThat(syncIds("bulk", "loaded_at"))
                .as("a later row with a greater key at the same value, and a newer one")
                .containsExactly(5000, 5001);
        assertThat(syncIds("bulk", "loaded_at")).isEmpty();
    }

    @Test
    void readsTablesWithoutPrimaryKeyByPhysicalAddressWithinEqualValues() throws Exception {
        db.execute(
                "CREATE TABLE log (id int, at date)",
                "INSERT INTO log VALUES (1, '2024-01-01'), (1, '2024-01-01'), (2, '2024-01-02')");
        assertThat(syncIds("log", "at")).containsExactly(1, 1, 2);
        db.execute("INSERT INTO log VALUES (3, '2024-01-02')");
        assertThat(syncIds("log", "at")).containsExactly(3);
    }

    @Test
    void readsViewsByRowTextWithinEqualValues() throws Exception {
        db.execute(
                "CREATE TABLE base (id int PRIMARY KEY, at date)",
                "CREATE VIEW recent AS SELECT id, at FROM base",
                "INSERT INTO base VALUES (1, '2024-01-01'), (2, '2024-01-01')");
        assertThat(syncIds("recent", "at")).containsExactly(1, 2);
        db.execute("INSERT INTO base VALUES (3, '2024-01-01')");
        assertThat(syncIds("recent", "at")).containsExactly(3);
    }

    @Test
    void skipsRowsWhoseCursorIsNull() throws Exception {
        db.execute("CREATE TABLE items (id int PRIMARY KEY, seq int)", "INSERT INTO items VALUES (1, NULL), (2, 5)");
        assertThat(syncIds("items", "seq")).containsExactly(2);
    }

    @Test
    void startsOverWhenTheCursorColumnChanges() throws Exception {
        db.execute(
                "CREATE TABLE items (id int PRIMARY KEY, a int, b int)",
                "INSERT INTO items VALUES (1, 1, 2), (2, 2, 1)");
        assertThat(syncIds("items", "a")).containsExactly(1, 2);
        assertThat(syncIds("items", "a")).isEmpty();
        assertThat(syncIds("items", "b"))
                .as("the saved value belongs to column a")
                .containsExactly(2, 1);
    }

    @Test
    void rejectsACursorColumnThatDoesNotExistNamingTheChoices() {
        db.execute("CREATE TABLE items (id int PRIMARY KEY, updated_at timestamp, doc jsonb)");
        var stream = PostgresSourceFixture.incremental(PostgresSourceFixture.discovered(config, "items"), "modified");
        var reader = PostgresSourceFixture.SOURCE.reader(config, stream, Map.of());
        assertThatThrownBy(() -> reader.open(new ExecutionContext()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("streams.items.cursor_field: column 'modified' does not exist in public.items")
                .hasMessageContaining("[id, updated_at]");
    }

    @Test
    void rejectsACursorColumnThatCannotOrderRows() {
        db.execute("CREATE TABLE items (id int PRIMARY KEY, doc jsonb)");
        var stream = PostgresSourceFixture.incremental(PostgresSourceFixture.discovered(config, "items"), "doc");
        var reader = PostgresSourceFixture.SOURCE.reader(config, stream, Map.of());
        assertThatThrownBy(() -> reader.open(new ExecutionContext()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("'doc' of public.items has type jsonb, which does not order rows");
    }

    @Test
    void rejectsAnIncrementalStreamWithoutCursor() {
        db.execute("CREATE TABLE items (id int PRIMARY KEY, seq int)");
        var stream = new ConfiguredStream(
                PostgresSourceFixture.discovered(config, "items"),
                SyncMode.INCREMENTAL,
                DestinationSyncMode.APPEND,
                List.of(),
                null,
                null,
                null);
        assertThatThrownBy(() -> PostgresSourceFixture.SOURCE.reader(config, stream, Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(
                        "streams.items.cursor_field: incremental sync needs a cursor column; choose one of [id, seq]");
    }
}
