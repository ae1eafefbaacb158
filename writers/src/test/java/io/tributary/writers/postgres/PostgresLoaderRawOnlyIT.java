package io.tributary.writers.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.connector.catalog.ConfiguredStream;
import io.tributary.connector.catalog.DestinationSyncMode;
import io.tributary.connector.catalog.SyncMode;
import io.tributary.connector.config.ConfigException;
import io.tributary.connector.config.ConnectorConfig;
import io.tributary.connector.destination.LoadContext;
import io.tributary.connector.record.SourceRecord;
import io.tributary.connector.schema.NormalizedRecord;
import io.tributary.connector.schema.StreamTables;
import io.tributary.testsupport.postgres.TestDatabase;
import io.tributary.testsupport.postgres.TestPostgres;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/** Normalization mode raw: only {@code _airbyte_raw_<stream>} is loaded, in each sync mode that makes sense without typed tables. */
class PostgresLoaderRawOnlyIT {

    private static final StreamTables RAW = StreamTables.rawOnly("customers", null);

    private TestDatabase db;
    private ConnectorConfig config;
    private long syncId = 300;

    @BeforeEach
    void createDatabase() {
        db = TestPostgres.get().createDatabase("pg_raw_only");
        config = LoaderFixture.config(LoaderFixture.settings(db));
    }

    @AfterEach
    void dropDatabase() {
        db.close();
    }

    private static NormalizedRecord record(long id, String name) {
        ObjectNode data = LoaderFixture.JSON.createObjectNode().put("id", id).put("name", name);
        data.putObject("contact").put("email", name + "@example.com");
        return new NormalizedRecord(
                new SourceRecord(data, 1_700_000_000_000L), UUID.randomUUID().toString(), new ArrayList<>());
    }

    private static ConfiguredStream stream(DestinationSyncMode mode) {
        return LoaderFixture.stream("customers", SyncMode.FULL_REFRESH, mode, null, List.of("id"));
    }

    private List<String> tables() {
        return db
                .query("SELECT table_name FROM information_schema.tables WHERE table_schema = 'analytics' ORDER BY 1")
                .stream()
                .map(r -> (String) r[0])
                .toList();
    }

    @Test
    void overwriteLoadsOnlyTheRawTableWithTheRecordsAsJsonb() throws Exception {
        LoaderFixture.sync(
                config,
                stream(DestinationSyncMode.OVERWRITE),
                RAW,
                ++syncId,
                List.of(record(1, "ann"), record(2, "bob")),
                List.of(record(3, "cy")));
        assertThat(tables()).containsExactly("_airbyte_raw_customers", "_tributary_loads");
        assertThat(db
                        .query("SELECT _airbyte_data->>'id', _airbyte_data->'contact'->>'email', _airbyte_emitted_at"
                                + " FROM analytics._airbyte_raw_customers ORDER BY 1")
                        .stream()
                        .map(r -> r[0] + "|" + r[1] + "|" + r[2])
                        .toList())
                .containsExactly(
                        "1|ann@example.com|2023-11-14 22:13:20.0",
                        "2|bob@example.com|2023-11-14 22:13:20.0",
                        "3|cy@example.com|2023-11-14 22:13:20.0");
        assertThat(db.queryValue("SELECT pg_typeof(_airbyte_data)::text FROM analytics._airbyte_raw_customers LIMIT 1"))
                .isEqualTo("jsonb");

        LoaderFixture.sync(config, stream(DestinationSyncMode.OVERWRITE), RAW, ++syncId, List.of(record(4, "dee")));
        assertThat(db.queryValue(
                        "SELECT string_agg(_airbyte_data->>'name', ',') FROM analytics._airbyte_raw_customers"))
                .isEqualTo("dee");
        assertThat(db.queryValue("SELECT status FROM analytics._tributary_loads WHERE stream_table = 'customers'"))
                .isEqualTo("COMPLETED");
    }

    @Test
    void appendKeepsEveryVersionInTheRawTable() throws Exception {
        LoaderFixture.sync(config, stream(DestinationSyncMode.APPEND), RAW, ++syncId, List.of(record(1, "ann")));
        LoaderFixture.sync(
                config,
                stream(DestinationSyncMode.APPEND),
                RAW,
                ++syncId,
                List.of(record(1, "anne"), record(2, "bob")));
        assertThat(db.queryValue("SELECT count(*) FROM analytics._airbyte_raw_customers"))
                .isEqualTo(3L);
        assertThat(tables()).doesNotContain("customers");
    }

    @Test
    void appendDedupNeedsTypedTablesAndSaysSo() {
        assertThatThrownBy(() -> LoaderFixture.DESTINATION.loader(
                        config, stream(DestinationSyncMode.APPEND_DEDUP), RAW, new LoadContext("test", 1)))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(
                        "streams.customers: destination_sync_mode append_dedup keeps one row per primary key")
                .hasMessageContaining(
                        "use destination_sync_mode append (the raw table keeps every version) or normalization mode basic");
    }
}
