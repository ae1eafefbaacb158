package io.tributary.readers.postgres.cdc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.connector.catalog.ConfiguredStream;
import io.tributary.connector.catalog.DestinationSyncMode;
import io.tributary.connector.catalog.Stream;
import io.tributary.connector.catalog.SyncMode;
import io.tributary.connector.config.ConfigException;
import io.tributary.connector.record.SourceRecord;
import io.tributary.connector.source.CheckResult;
import io.tributary.testsupport.postgres.ReplicationSlots;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.infrastructure.item.ItemStreamException;

/** Discover, check and the set-up a CDC sync does (publication, replica identity), with the messages a user gets. */
class PostgresCdcSetupIT {

    private CdcFixture fx;
    private String role;

    @BeforeEach
    void createDatabase() {
        fx = new CdcFixture("cdc_setup");
        fx.db.execute(
                "CREATE TABLE keyed (id int PRIMARY KEY, name text)",
                "CREATE TABLE loose (name text)",
                "CREATE TABLE loose_full (name text)",
                "ALTER TABLE loose_full REPLICA IDENTITY FULL",
                "CREATE VIEW keyed_view AS SELECT * FROM keyed",
                "INSERT INTO keyed VALUES (1, 'a')",
                "INSERT INTO loose VALUES ('x')");
    }

    @AfterEach
    void dropDatabase() {
        fx.close();
        if (role != null) {
            fx.db.server().admin("DROP ROLE IF EXISTS " + role);
        }
    }

    @Test
    void discoverOffersChangeCaptureForTablesWhoseUpdatesAndDeletesCanBeCaptured() {
        Stream keyed = fx.discovered("keyed");
        assertThat(keyed.supportedSyncModes()).containsExactly(SyncMode.FULL_REFRESH, SyncMode.INCREMENTAL);
        assertThat(keyed.sourceDefinedCursor()).isTrue();
        assertThat(keyed.defaultCursorField()).containsExactly(CdcCatalog.LSN);
        assertThat(keyed.jsonSchema().get("properties").propertyNames())
                .containsExactly("id", "name", CdcCatalog.LSN, CdcCatalog.UPDATED_AT, CdcCatalog.DELETED_AT);
        assertThat(keyed.jsonSchema()
                        .at("/properties/_ab_cdc_deleted_at/format")
                        .asString())
                .isEqualTo("date-time");

        assertThat(fx.discovered("loose_full").supportedSyncModes()).contains(SyncMode.INCREMENTAL);
        assertThat(fx.discovered("loose").supportedSyncModes()).containsExactly(SyncMode.FULL_REFRESH);
        assertThat(fx.discovered("keyed_view").supportedSyncModes()).containsExactly(SyncMode.FULL_REFRESH);
        assertThat(fx.discovered("loose").jsonSchema().get("properties").has(CdcCatalog.LSN))
                .isFalse();
    }

    @Test
    void aFullRefreshOfACdcStreamReadsTheTableWithoutTheChangeFields() throws Exception {
        Stream keyed = fx.discovered("keyed");
        ConfiguredStream full = new ConfiguredStream(
                keyed, SyncMode.FULL_REFRESH, DestinationSyncMode.OVERWRITE, null, null, null, null);
        List<SourceRecord> records = fx.sync(full, new HashMap<>(), 10);
        assertThat(records).extracting(r -> r.data().toString()).containsExactly("{\"id\":1,\"name\":\"a\"}");
        assertThat(ReplicationSlots.names(fx.db)).isEmpty();
    }

    @Test
    void checkSaysWhatUpdatesAndDeletesCarryAndWhichTablesCannotBeCaptured() {
        CheckResult result = CdcFixture.SOURCE.check(fx.config());
        assertThat(result.succeeded()).as(result.message()).isTrue();
        assertThat(result.message())
                .contains("CDC (logical replication, pgoutput)")
                .contains("deletes carry the primary key")
                .contains("unchanged TOASTed values")
                .contains("public.loose_full: REPLICA IDENTITY FULL, deletes carry the whole old row")
                .contains("public.loose has no primary key")
                .contains("ALTER TABLE \"public\".\"loose\" REPLICA IDENTITY FULL")
                .contains("publication '" + fx.publication + "' does not exist yet: the first sync creates it");
    }

    @Test
    void checkFailsForAUserWithoutTheReplicationRightAndSaysHowToGrantIt() {
        role = "cdc_norepl_" + fx.slotBase;
        fx.db.server().admin("CREATE ROLE " + role + " LOGIN");
        fx.db.execute("GRANT SELECT ON ALL TABLES IN SCHEMA public TO " + role);
        fx.settings.put("username", role);
        fx.settings.remove("password");
        CheckResult result = CdcFixture.SOURCE.check(fx.config());
        assertThat(result.succeeded()).isFalse();
        assertThat(result.message())
                .contains("may not use logical replication: run ALTER ROLE \"" + role + "\" REPLICATION");
    }

    @Test
    void aSyncThatMayNotCreateThePublicationFailsWithTheSqlToRun() {
        role = "cdc_nopub_" + fx.slotBase;
        fx.db.server().admin("CREATE ROLE " + role + " LOGIN REPLICATION");
        fx.db.execute("GRANT SELECT ON keyed TO " + role);
        ConfiguredStream stream = fx.cdc("keyed");
        fx.settings.put("username", role);
        fx.settings.remove("password");

        assertThatThrownBy(() -> fx.sync(stream, new HashMap<>(), 10))
                .isInstanceOf(ItemStreamException.class)
                .hasMessageContaining(
                        "publication '" + fx.publication + "' does not exist and user '" + role + "' may not create it")
                .hasMessageContaining("CREATE PUBLICATION \"" + fx.publication + "\" FOR TABLE \"public\".\"keyed\";");
        assertThat(ReplicationSlots.names(fx.db)).isEmpty();

        fx.db.execute("CREATE PUBLICATION \"" + fx.publication + "\" FOR TABLE keyed");
        assertThat(ReplicationSlots.names(fx.db)).isEmpty();
    }

    @Test
    void aPublicationThatDoesNotPublishDeletesIsRefusedWithTheFix() {
        fx.db.execute(
                "CREATE PUBLICATION \"" + fx.publication + "\" FOR TABLE keyed WITH (publish = 'insert, update')");
        ConfiguredStream stream = fx.cdc("keyed");
        assertThatThrownBy(() -> fx.sync(stream, new HashMap<>(), 10))
                .hasMessageContaining("does not publish delete changes")
                .hasMessageContaining("SET (publish = 'insert, update, delete, truncate')");
    }

    @Test
    void theSyncAddsItsTableToAnExistingPublication() throws Exception {
        fx.db.execute(
                "CREATE TABLE other (id int PRIMARY KEY)",
                "CREATE PUBLICATION \"" + fx.publication + "\" FOR TABLE other");
        ConfiguredStream stream = fx.cdc("keyed");
        fx.sync(stream, new HashMap<>(), 10);
        assertThat(fx.db.query("SELECT tablename FROM pg_publication_tables WHERE pubname = '" + fx.publication
                        + "' ORDER BY 1"))
                .extracting(r -> r[0])
                .containsExactly("keyed", "other");
    }

    @Test
    void aTableWithoutPrimaryKeyOrFullReplicaIdentityIsNeverAddedToThePublication() {
        Stream loose = fx.discovered("loose");
        ConfiguredStream forced =
                new ConfiguredStream(loose, SyncMode.INCREMENTAL, DestinationSyncMode.APPEND, null, null, null, null);
        assertThatThrownBy(() -> fx.sync(forced, new HashMap<>(), 10))
                .hasMessageContaining("public.loose has no primary key")
                .hasMessageContaining("PostgreSQL would reject UPDATE and DELETE on it")
                .hasMessageContaining("REPLICA IDENTITY FULL");
        assertThat(fx.db.query("SELECT 1 FROM pg_publication WHERE pubname = '" + fx.publication + "'"))
                .isEmpty();
    }

    @Test
    void badSlotNamesAreRejectedWhenTheConfigurationIsRead() {
        fx.settings.put("replication_slot", "Shop-Slot");
        assertThatThrownBy(() -> CdcFixture.SOURCE.discover(fx.config()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("replication_slot: 'Shop-Slot' is not a usable slot base name")
                .hasMessageContaining("lower-case");
    }

    @Test
    void aStandardConfigurationIgnoresTheChangeCaptureSettings() {
        Map<String, Object> standard = new HashMap<>(fx.settings);
        standard.put("replication_method", "standard");
        fx.settings.clear();
        fx.settings.putAll(standard);
        assertThat(fx.discovered("keyed").sourceDefinedCursor()).isFalse();
        assertThat(fx.discovered("keyed").jsonSchema().get("properties").has(CdcCatalog.LSN))
                .isFalse();
    }

    @Test
    void changeCaptureIntoAnOverwrittenTableIsRefused() {
        Stream keyed = fx.discovered("keyed");
        ConfiguredStream overwrite = new ConfiguredStream(
                keyed, SyncMode.INCREMENTAL, DestinationSyncMode.OVERWRITE, null, null, null, null);
        assertThatThrownBy(() -> fx.reader(overwrite, Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("streams.keyed.destination_sync_mode: overwrite would replace the table");
    }

    @Test
    void withoutInitialSnapshotOnlyChangesMadeAfterTheFirstSyncArrive() throws Exception {
        fx.settings.put("initial_snapshot", false);
        ConfiguredStream stream = fx.cdc("keyed");
        Map<String, Object> state = new HashMap<>();
        assertThat(fx.sync(stream, state, 10)).isEmpty();
        fx.db.execute("INSERT INTO keyed VALUES (2, 'b')");
        assertThat(fx.sync(stream, state, 10))
                .extracting(r -> r.data().get("id").asInt())
                .containsExactly(2);
    }
}
