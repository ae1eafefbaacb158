package io.tributary.batch.postgres;

import com.zaxxer.hikari.HikariDataSource;
import io.tributary.batch.config.ConnectionsFileLoader;
import io.tributary.batch.config.TributaryConfig;
import io.tributary.batch.engine.SyncEngine;
import io.tributary.batch.engine.SyncResult;
import io.tributary.batch.repository.RepositoryDataSource;
import io.tributary.connector.registry.ConnectorRegistry;
import io.tributary.testsupport.postgres.TestDatabase;
import io.tributary.testsupport.postgres.TestPostgres;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A source database, a target database and a job repository on the test server, and a connections
 * file between them: {@code shop} (PostgreSQL source) to {@code warehouse} (PostgreSQL destination,
 * schema {@code warehouse}).
 */
final class PostgresSyncFixture implements AutoCloseable {

    final TestPostgres pg = TestPostgres.get();
    final TestDatabase source;
    final TestDatabase target;
    final TestDatabase repository;
    private final HikariDataSource repositoryDataSource;
    private final SyncEngine engine;

    PostgresSyncFixture(String prefix) {
        source = pg.createDatabase(prefix + "_src");
        target = pg.createDatabase(prefix + "_dst");
        repository = pg.createDatabase(prefix + "_repo");
        repositoryDataSource = RepositoryDataSource.create(repository.jdbcUrl(), pg.user(), pg.password());
        engine = SyncEngine.create(repositoryDataSource, ConnectorRegistry.load(), Duration.ofSeconds(5));
    }

    /**
     * The connections file: one connection per entry of {@code connections}, each given as
     * {@code name: {chunk_size..., streams: [...]}} text that follows {@code source: shop, destination: warehouse}.
     */
    String yaml(String connections) {
        return """
                sources: { shop: { type: postgres, config: { %1$s, schemas: [public] } } }
                destinations: { warehouse: { type: postgres, config: { %2$s, schema: warehouse } } }
                connections:
                %3$s""".formatted(source.connectionSettingsYaml(), target.connectionSettingsYaml(), connections.indent(2));
    }

    static TributaryConfig parse(String yaml) {
        return new ConnectionsFileLoader(n -> null)
                .load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "t.yml");
    }

    SyncResult sync(String yaml, String connection) {
        return engine.sync(parse(yaml), connection);
    }

    @Override
    public void close() {
        repositoryDataSource.close();
        source.close();
        target.close();
        repository.close();
    }
}
