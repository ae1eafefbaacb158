package io.tributary.batch.cdc;

import com.zaxxer.hikari.HikariDataSource;
import io.tributary.batch.config.ConnectionsFileLoader;
import io.tributary.batch.config.TributaryConfig;
import io.tributary.batch.engine.SyncEngine;
import io.tributary.batch.engine.SyncResult;
import io.tributary.batch.repository.RepositoryDataSource;
import io.tributary.connector.registry.ConnectorRegistry;
import io.tributary.testsupport.postgres.ReplicationSlots;
import io.tributary.testsupport.postgres.TestDatabase;
import io.tributary.testsupport.postgres.TestPostgres;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

/**
 * A source database captured by CDC (slot base and publication unique to the test), a target
 * database for the PostgreSQL destination (schema {@code warehouse}) and a job repository, with the
 * connections file between them. {@link #close} drops the slots: left behind, they retain WAL.
 */
final class CdcSyncFixture implements AutoCloseable {

    final TestPostgres pg = TestPostgres.get();
    final TestDatabase source;
    final TestDatabase target;
    final TestDatabase repository;
    final String slotBase = "e" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    private final HikariDataSource repositoryDataSource;
    final SyncEngine engine;

    CdcSyncFixture(String prefix) {
        source = pg.createDatabase(prefix + "_src");
        target = pg.createDatabase(prefix + "_dst");
        repository = pg.createDatabase(prefix + "_repo");
        repositoryDataSource = RepositoryDataSource.create(repository.jdbcUrl(), pg.user(), pg.password());
        engine = SyncEngine.create(repositoryDataSource, ConnectorRegistry.load(), Duration.ofSeconds(5));
    }

    /** The connections file: {@code shop} (CDC source) to {@code warehouse}, then {@code connections} (indented YAML). */
    String yaml(String connections) {
        return yaml("""
                warehouse: { type: postgres, config: { %s, schema: warehouse } }
                """.formatted(target.connectionSettingsYaml()), connections);
    }

    /** The connections file: {@code shop} (CDC source), {@code destinations} and {@code connections} (indented YAML). */
    String yaml(String destinations, String connections) {
        return """
                sources:
                  shop:
                    type: postgres
                    config: { %1$s,
                              replication_method: cdc, replication_slot: %2$s, publication: %2$s_pub, heartbeat_seconds: 1 }
                destinations:
                %3$s
                connections:
                %4$s""".formatted(
                        source.connectionSettingsYaml(),
                        slotBase,
                        destinations.indent(2).stripTrailing(),
                        connections.indent(2));
    }

    static TributaryConfig parse(String yaml) {
        return new ConnectionsFileLoader(n -> null)
                .load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "t.yml");
    }

    SyncResult sync(String yaml, String connection) {
        return engine.sync(parse(yaml), connection);
    }

    String slot(String table) {
        return slotBase + "_public_" + table;
    }

    @Override
    public void close() {
        repositoryDataSource.close();
        ReplicationSlots.dropAll(source);
        source.close();
        target.close();
        repository.close();
    }
}
