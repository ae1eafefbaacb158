package io.tributary.batch.normalization;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL JSONB -> normalized PostgreSQL tables, end to end through the sync engine: the
 * product's customers example becomes {@code customers} with flattened contact columns and
 * {@code customers_addresses}, and joining the child table to its parent on the hashid gives back
 * every original address.
 */
class PostgresJsonbNormalizationIT {

    @Test
    void jsonbDocumentsBecomeFlatColumnsAndAChildTableThatJoinsBackToTheOriginalArrays() {
        TestPostgres pg = TestPostgres.get();
        try (TestDatabase source = pg.createDatabase("norm_src");
                TestDatabase target = pg.createDatabase("norm_dst");
                TestDatabase repository = pg.createDatabase("norm_repo");
                HikariDataSource repo = RepositoryDataSource.create(repository.jdbcUrl(), pg.user(), pg.password())) {
            source.execute("""
                    CREATE TABLE customers (id bigint PRIMARY KEY, name text, contact jsonb, addresses jsonb)""", """
                    INSERT INTO customers VALUES
                      (1, 'Ada', '{"email": "ada@example.com", "phone": "+33 1 23"}',
                          '[{"street": "1 rue A", "city": "Paris"}, {"street": "2 Main St", "city": "Boston"}]'),
                      (2, 'Grace', '{"email": "grace@example.com", "phone": null}', '[{"street": "3 Navy Rd", "city": "Arlington"}]'),
                      (3, 'Linus', null, '[]')""");
            String yaml = """
                    sources: { shop: { type: postgres, config: { host: %1$s, port: %2$d, database: %3$s, username: %5$s, password: "%6$s", schemas: [public] } } }
                    destinations: { warehouse: { type: postgres, config: { host: %1$s, port: %2$d, database: %4$s, username: %5$s, password: "%6$s", schema: public } } }
                    connections:
                      customers:
                        source: shop
                        destination: warehouse
                        namespace_definition: destination
                        streams: [{ name: public.customers, destination_sync_mode: overwrite }]
                    """.formatted(pg.host(), pg.port(), source.name(), target.name(), pg.user(), pg.password());
            TributaryConfig config = new ConnectionsFileLoader(n -> null)
                    .load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "t.yml");
            SyncResult result = SyncEngine.create(repo, ConnectorRegistry.load(), Duration.ofSeconds(5))
                    .sync(config, "customers");
            assertThat(result.succeeded()).as(String.valueOf(result.failure())).isTrue();

            assertThat(target.query("SELECT id, name, contact_email, contact_phone FROM public.customers ORDER BY id"))
                    .containsExactly(
                            new Object[] {1L, "Ada", "ada@example.com", "+33 1 23"},
                            new Object[] {2L, "Grace", "grace@example.com", null},
                            new Object[] {3L, "Linus", null, null});
            List<Object[]> joined = target.query("""
                    SELECT c.id, a.street, a.city
                    FROM public.customers c JOIN public.customers_addresses a
                      ON a._airbyte_customers_hashid = c._airbyte_customers_hashid
                    ORDER BY c.id, a.street""");
            assertThat(joined)
                    .containsExactly(
                            new Object[] {1L, "1 rue A", "Paris"},
                            new Object[] {1L, "2 Main St", "Boston"},
                            new Object[] {2L, "3 Navy Rd", "Arlington"});
            assertThat(target.queryValue("SELECT count(*) FROM public._airbyte_raw_customers"))
                    .isEqualTo(3L);
            assertThat(target.queryValue(
                            "SELECT _airbyte_data->'addresses'->0->>'city' FROM public._airbyte_raw_customers "
                                    + "WHERE _airbyte_data->>'id' = '1'"))
                    .isEqualTo("Paris");
        }
    }
}
