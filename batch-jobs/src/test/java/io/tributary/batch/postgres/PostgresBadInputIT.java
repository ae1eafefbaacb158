package io.tributary.batch.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.batch.engine.SyncResult;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Bad input through a whole sync: each case fails with a message that names the place and the fix,
 * and what earlier syncs delivered stays as it was.
 */
class PostgresBadInputIT {

    private static final String LOADER =
            "loader_" + UUID.randomUUID().toString().substring(0, 8);
    private static PostgresSyncFixture fixture;

    @BeforeAll
    static void createTablesAndAFirstSync() {
        fixture = new PostgresSyncFixture("pg_bad");
        fixture.source.execute(
                "CREATE TABLE customers (id int PRIMARY KEY, name text, updated_at timestamptz)",
                "INSERT INTO customers VALUES (1, 'ann', '2024-01-01'), (2, 'bob', '2024-01-02')",
                "CREATE TABLE log (at timestamptz, line text)",
                "INSERT INTO log VALUES ('2024-01-01', 'x')");
        SyncResult first = fixture.sync(fixture.yaml("""
                good: { source: shop, destination: warehouse, namespace_definition: destination,
                        streams: [{ name: public.customers, destination_sync_mode: overwrite }] }
                """), "good");
        assertThat(first.succeeded()).as(first.failure()).isTrue();
        fixture.pg.admin("CREATE ROLE " + LOADER + " LOGIN");
        fixture.target.execute("GRANT USAGE ON SCHEMA warehouse TO " + LOADER);
    }

    @AfterAll
    static void dropDatabasesAndRole() {
        fixture.close();
        fixture.pg.admin("DROP ROLE IF EXISTS " + LOADER);
    }

    private static String failure(String connection, String yamlConnection) {
        String yaml = fixture.yaml(yamlConnection);
        try {
            SyncResult result = fixture.sync(yaml, connection);
            assertThat(result.succeeded())
                    .as("the sync of %s must fail", connection)
                    .isFalse();
            return result.failure();
        } catch (RuntimeException refusedBeforeStarting) {
            return refusedBeforeStarting.getMessage();
        }
    }

    private static void assertDeliveredDataIntact() {
        assertThat(fixture.target.query("SELECT id, name FROM warehouse.customers ORDER BY id"))
                .extracting(r -> r[0] + ":" + r[1])
                .containsExactly("1:ann", "2:bob");
    }

    @Test
    void aCursorColumnThatDoesNotExist() {
        String message = failure("cursor", """
                cursor: { source: shop, destination: warehouse, namespace_definition: destination,
                          streams: [{ name: public.customers, sync_mode: incremental, cursor_field: [modified_at],
                                      destination_sync_mode: append }] }
                """);
        assertThat(message).contains("modified_at").contains("updated_at");
        assertDeliveredDataIntact();
    }

    @Test
    void dedupForAStreamWithoutPrimaryKey() {
        String message = failure("dedup", """
                dedup: { source: shop, destination: warehouse, namespace_definition: destination,
                         streams: [{ name: public.log, sync_mode: incremental, cursor_field: [at],
                                     destination_sync_mode: append_dedup }] }
                """);
        assertThat(message).contains("append_dedup").contains("primary key").contains("primary_key");
    }

    @Test
    void aTableThatDoesNotExist() {
        String message = failure("missing", """
                missing: { source: shop, destination: warehouse, namespace_definition: destination,
                           streams: [{ name: public.vanished, destination_sync_mode: overwrite }] }
                """);
        assertThat(message).contains("vanished");
    }

    @Test
    void aDestinationUserWhoLostCreateOnTheSchemaThenAfterTheGrantTheNextSyncDeliversEverything() {
        fixture.target.execute("CREATE SCHEMA limited", "GRANT USAGE, CREATE ON SCHEMA limited TO " + LOADER);
        String yaml = fixture.yaml("""
                limited: { source: shop, destination: limited_warehouse, namespace_definition: destination,
                           streams: [{ name: public.customers, destination_sync_mode: overwrite }] }
                """)
                .replace(
                        "destinations: {",
                        "destinations: { limited_warehouse: { type: postgres, config: { host: \""
                                + fixture.pg.host() + "\", port: " + fixture.pg.port() + ", database: "
                                + fixture.target.name() + ", username: "
                                + LOADER + ", ssl_mode: disable, schema: limited } },");
        SyncResult first = fixture.sync(yaml, "limited");
        assertThat(first.succeeded()).as(first.failure()).isTrue();

        fixture.target.execute("REVOKE CREATE ON SCHEMA limited FROM " + LOADER);
        SyncResult failed = fixture.sync(yaml, "limited");
        assertThat(failed.succeeded()).isFalse();
        assertThat(failed.failure())
                .contains("may not create tables in schema 'limited'")
                .contains("GRANT USAGE, CREATE ON SCHEMA \"limited\" TO \"" + LOADER + "\"");
        assertThat(fixture.target.query("SELECT id FROM limited.customers ORDER BY id"))
                .as("what the first sync delivered")
                .extracting(r -> r[0])
                .containsExactly(1L, 2L);

        fixture.target.execute("GRANT CREATE ON SCHEMA limited TO " + LOADER);
        SyncResult again = fixture.sync(yaml, "limited");
        assertThat(again.succeeded()).as(again.failure()).isTrue();
        assertThat(fixture.target.query("SELECT id FROM limited.customers ORDER BY id"))
                .extracting(r -> r[0])
                .containsExactly(1L, 2L);
        assertDeliveredDataIntact();
    }
}
