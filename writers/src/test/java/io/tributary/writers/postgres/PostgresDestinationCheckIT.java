package io.tributary.writers.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.connector.catalog.DestinationSyncMode;
import io.tributary.connector.catalog.SyncMode;
import io.tributary.connector.destination.LoadContext;
import io.tributary.connector.destination.StreamLoader;
import io.tributary.connector.schema.Column;
import io.tributary.connector.schema.ColumnType;
import io.tributary.connector.schema.StreamTables;
import io.tributary.connector.schema.TableSchema;
import io.tributary.connector.source.CheckResult;
import io.tributary.testsupport.postgres.TestDatabase;
import io.tributary.testsupport.postgres.TestPostgres;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;

/** check and the loader say which privilege is missing, and leave nothing behind. */
class PostgresDestinationCheckIT {

    private static final String READER =
            "dest_reader_" + UUID.randomUUID().toString().substring(0, 8);
    private static TestDatabase db;

    @BeforeAll
    static void createDatabaseAndRole() {
        db = TestPostgres.get().createDatabase("pg_dest_check");
        db.execute(
                "CREATE SCHEMA analytics",
                "CREATE ROLE " + READER + " LOGIN",
                "GRANT USAGE ON SCHEMA analytics TO " + READER,
                "REVOKE CREATE ON DATABASE " + db.name() + " FROM PUBLIC");
    }

    @AfterAll
    static void dropDatabaseAndRole() {
        db.close();
        db.server().admin("DROP ROLE IF EXISTS " + READER);
    }

    private static Map<String, Object> settings(String schema, String user) {
        Map<String, Object> raw = LoaderFixture.settings(db);
        raw.put("schema", schema);
        raw.put("username", user);
        return raw;
    }

    private static CheckResult check(Map<String, Object> raw) {
        return LoaderFixture.DESTINATION.check(LoaderFixture.config(raw));
    }

    @Test
    void succeedsForAUserWhoMayCreateTablesAndLeavesNothingBehind() {
        CheckResult result = check(settings("fresh_schema", db.server().user()));
        assertThat(result.succeeded()).as(result.message()).isTrue();
        assertThat(result.message()).contains("may create tables in schema 'fresh_schema'");
        assertThat(db.query("SELECT 1 FROM pg_namespace WHERE nspname = 'fresh_schema'"))
                .as("the check rolled back")
                .isEmpty();
    }

    @Test
    void namesTheMissingGrantOnTheSchema() {
        CheckResult result = check(settings("analytics", READER));
        assertThat(result.succeeded()).isFalse();
        assertThat(result.message())
                .contains("user \"" + READER + "\" may not create tables in schema 'analytics'")
                .contains("GRANT USAGE, CREATE ON SCHEMA \"analytics\" TO \"" + READER + "\"");
    }

    @Test
    void namesTheMissingGrantOnTheDatabaseForANewSchema() {
        CheckResult result = check(settings("not_there_yet", READER));
        assertThat(result.succeeded()).isFalse();
        assertThat(result.message())
                .contains("may not create schema 'not_there_yet'")
                .contains("GRANT CREATE ON DATABASE");
    }

    @Test
    void theLoaderFailsToOpenWithTheSameExplanation() {
        TableSchema table =
                LoaderFixture.table("events", List.of(Column.of("id", ColumnType.INTEGER)), List.of(), null, List.of());
        StreamLoader loader = LoaderFixture.DESTINATION.loader(
                LoaderFixture.config(settings("analytics", READER)),
                LoaderFixture.stream("events", SyncMode.FULL_REFRESH, DestinationSyncMode.APPEND, null, List.of()),
                new StreamTables(List.of(table)),
                new LoadContext("test", 1));
        assertThatThrownBy(() -> loader.open(new ExecutionContext()))
                .isInstanceOf(ItemStreamException.class)
                .hasMessageContaining("analytics.events: cannot prepare the load")
                .hasMessageContaining("GRANT USAGE, CREATE ON SCHEMA \"analytics\"");
    }

    @Test
    void reportsAnUnreachableServer() {
        Map<String, Object> raw = settings("analytics", db.server().user());
        raw.put("host", "no-such-host.invalid");
        CheckResult result = check(raw);
        assertThat(result.succeeded()).isFalse();
        assertThat(result.message()).contains("is not known");
    }
}
