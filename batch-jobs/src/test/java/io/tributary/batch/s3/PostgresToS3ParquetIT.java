package io.tributary.batch.s3;

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
import io.tributary.testsupport.s3.TestS3Server;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The data-lake path end to end: the demo's PostgreSQL {@code customers} (nested contact object,
 * array of addresses) synced by the engine into the S3 server as normalized Parquet, read back by
 * DuckDB, an independent reader: {@code customers} and {@code customers_addresses} with exact values.
 */
class PostgresToS3ParquetIT {

    @TempDir
    Path download;

    @Test
    void theCustomersTableLandsInTheBucketAsNormalizedParquetThatDuckDbReadsBackExactly() throws Exception {
        TestPostgres pg = TestPostgres.get();
        TestS3Server s3 = TestS3Server.get();
        String bucket = s3.createBucket("lake");
        try (TestDatabase source = pg.createDatabase("s3_src");
                TestDatabase repository = pg.createDatabase("s3_repo");
                HikariDataSource repo = RepositoryDataSource.create(repository.jdbcUrl(), pg.user(), pg.password())) {
            source.execute("""
                    CREATE TABLE customers (id bigint PRIMARY KEY, name text, balance numeric(12,2), signed_up timestamptz,
                                            contact jsonb, addresses jsonb)""", """
                    INSERT INTO customers
                    SELECT i, 'Customer ' || i || ' ✓', (i * 1.25)::numeric(12,2), timestamptz '2025-01-01 00:00:00+00' + i * interval '1 hour',
                           jsonb_build_object('email', 'c' || i || '@example.com', 'phone', CASE WHEN i % 10 = 0 THEN NULL ELSE '+33 ' || i END),
                           (SELECT jsonb_agg(jsonb_build_object('street', i || '-' || a || ' Main St', 'city', 'City ' || a))
                              FROM generate_series(1, 1 + i % 3) a)
                    FROM generate_series(1, 2000) i""");
            String yaml = """
                    sources: { shop: { type: postgres, config: { host: %s, port: %d, database: %s, username: %s, password: "%s", schemas: [public] } } }
                    destinations:
                      lake:
                        type: s3
                        config:
                          s3_endpoint: "%s"
                          s3_bucket_name: %s
                          s3_bucket_path: tributary
                          s3_bucket_region: %s
                          access_key_id: %s
                          secret_access_key: "%s"
                          format: parquet
                          compression_codec: SNAPPY
                    connections:
                      customers_to_lake:
                        source: shop
                        destination: lake
                        chunk_size: 500
                        streams: [public.customers]
                    """.formatted(
                            pg.host(),
                            pg.port(),
                            source.name(),
                            pg.user(),
                            pg.password(),
                            s3.endpoint(),
                            bucket,
                            TestS3Server.REGION,
                            s3.accessKeyId(),
                            s3.secretAccessKey());
            TributaryConfig config = new ConnectionsFileLoader(n -> null)
                    .load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "t.yml");
            SyncResult result = SyncEngine.create(repo, ConnectorRegistry.load(), Duration.ofSeconds(5))
                    .sync(config, "customers_to_lake");
            assertThat(result.succeeded()).as(String.valueOf(result.failure())).isTrue();
            assertThat(result.records()).isEqualTo(2000);

            Path customers = downloadTable(s3.client(), bucket, "tributary/public/customers/");
            Path addresses = downloadTable(s3.client(), bucket, "tributary/public/customers_addresses/");
            try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
                    Statement s = duck.createStatement()) {
                ResultSet rs = s.executeQuery("SELECT count(*), sum(id), sum(balance), count(contact_phone), "
                        + "min(signed_up), max(name) FROM read_parquet('" + customers + "/*.parquet')");
                rs.next();
                assertThat(rs.getLong(1)).isEqualTo(2000);
                assertThat(rs.getLong(2)).isEqualTo(2001000);
                assertThat(rs.getBigDecimal(3)).isEqualByComparingTo("2501250.00");
                assertThat(rs.getLong(4)).as("NULL phones stay NULL").isEqualTo(1800);
                assertThat(rs.getObject(5).toString()).startsWith("2025-01-01");
                assertThat(rs.getString(6)).isEqualTo("Customer 999 ✓");
                rs = s.executeQuery("SELECT typeof(balance), typeof(signed_up) FROM read_parquet('" + customers
                        + "/*.parquet') LIMIT 1");
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("DECIMAL(12,2)");
                assertThat(rs.getString(2)).isEqualTo("TIMESTAMP WITH TIME ZONE");
                rs = s.executeQuery("SELECT count(*) FROM read_parquet('" + customers + "/*.parquet') c "
                        + "JOIN read_parquet('" + addresses + "/*.parquet') a "
                        + "ON a._airbyte_customers_hashid = c._airbyte_customers_hashid "
                        + "WHERE a.street LIKE c.id || '-%'");
                rs.next();
                long expectedAddresses = ((Number)
                                source.queryValue("SELECT sum(jsonb_array_length(addresses)) FROM customers"))
                        .longValue();
                assertThat(rs.getLong(1)).as("every address joins its customer").isEqualTo(expectedAddresses);
            }
        }
    }

    private Path downloadTable(S3Client client, String bucket, String prefix) throws Exception {
        Path dir = download.resolve(prefix);
        Files.createDirectories(dir);
        List<S3Object> objects = new ArrayList<>(
                client.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix)).contents().stream()
                        .toList());
        assertThat(objects).as("objects under " + prefix).isNotEmpty();
        for (S3Object o : objects) {
            Path target = dir.resolve(o.key().substring(o.key().lastIndexOf('/') + 1));
            client.getObject(b -> b.bucket(bucket).key(o.key()), target);
        }
        return dir;
    }
}
