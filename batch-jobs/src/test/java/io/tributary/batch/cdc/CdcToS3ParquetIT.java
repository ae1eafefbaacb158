package io.tributary.batch.cdc;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.batch.engine.SyncResult;
import io.tributary.testsupport.s3.TestS3Server;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * CDC into the data lake: every change lands as a Parquet row with its {@code _ab_cdc_*} fields, so
 * that the latest row of each key that is not a delete (read back by DuckDB) is the source table.
 */
class CdcToS3ParquetIT {

    @TempDir
    Path download;

    @Test
    void theLatestParquetRowOfEachKeyThatIsNotADeleteIsTheSourceTable() throws Exception {
        TestS3Server s3 = TestS3Server.get();
        String bucket = s3.createBucket("cdc");
        try (CdcSyncFixture fx = new CdcSyncFixture("cdc_s3")) {
            fx.source.execute(
                    "CREATE TABLE customers (id int PRIMARY KEY, name text NOT NULL, balance numeric(12,2))",
                    "INSERT INTO customers SELECT g, 'name ' || g, g * 1.25 FROM generate_series(1, 300) g");
            String yaml = fx.yaml(
                    """
                    lake:
                      type: s3
                      config: { s3_endpoint: "%s", s3_bucket_name: %s, s3_bucket_path: tributary, s3_bucket_region: %s,
                                access_key_id: %s, secret_access_key: "%s", format: parquet }
                    """.formatted(s3.endpoint(), bucket, TestS3Server.REGION, s3.accessKeyId(), s3.secretAccessKey()),
                    """
                    to_lake: { source: shop, destination: lake, chunk_size: 100,
                               streams: [{ name: public.customers, sync_mode: incremental, destination_sync_mode: append }] }
                    """);
            sync(fx, yaml);
            fx.source.execute(
                    "UPDATE customers SET name = 'renamed', balance = NULL WHERE id % 4 = 0",
                    "DELETE FROM customers WHERE id % 9 = 0",
                    "INSERT INTO customers VALUES (1000, 'new', 1)",
                    "UPDATE customers SET id = 2000 WHERE id = 1");
            sync(fx, yaml);

            Path files = downloadTable(s3.client(), bucket, "tributary/public/customers/");
            try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
                    Statement s = duck.createStatement()) {
                ResultSet rs = s.executeQuery(
                        "SELECT string_agg(id || '|' || name || '|' || coalesce(balance::text, '-'), ',' "
                                + "ORDER BY id) FROM (SELECT DISTINCT ON (id) * FROM read_parquet('" + files
                                + "/*.parquet') "
                                + "ORDER BY id, _ab_cdc_lsn DESC) WHERE _ab_cdc_deleted_at IS NULL");
                rs.next();
                assertThat(rs.getString(1))
                        .isEqualTo(fx.source.queryValue("SELECT string_agg(id || '|' || name || '|' "
                                + "|| coalesce(balance::text, '-'), ',' ORDER BY id) FROM customers"));
                rs = s.executeQuery(
                        "SELECT count(*), count(_ab_cdc_deleted_at), typeof(any_value(_ab_cdc_deleted_at)), "
                                + "typeof(any_value(_ab_cdc_lsn)) FROM read_parquet('" + files + "/*.parquet')");
                rs.next();
                assertThat(rs.getLong(1)).isEqualTo(300 + 75 + 33 + 1 + 2);
                assertThat(rs.getLong(2))
                        .as("deletes, the old key of the key change included")
                        .isEqualTo(33 + 1);
                assertThat(rs.getString(3)).isEqualTo("TIMESTAMP WITH TIME ZONE");
                assertThat(rs.getString(4)).isEqualTo("BIGINT");
            }
        }
    }

    private static void sync(CdcSyncFixture fx, String yaml) {
        SyncResult result = fx.sync(yaml, "to_lake");
        assertThat(result.succeeded()).as(String.valueOf(result.failure())).isTrue();
    }

    private Path downloadTable(S3Client client, String bucket, String prefix) throws Exception {
        Path dir = download.resolve(prefix);
        Files.createDirectories(dir);
        List<S3Object> objects = new ArrayList<>(
                client.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix)).contents().stream()
                        .toList());
        assertThat(objects).as("objects under " + prefix).isNotEmpty();
        for (S3Object o : objects) {
            client.getObject(
                    b -> b.bucket(bucket).key(o.key()),
                    dir.resolve(o.key().substring(o.key().lastIndexOf('/') + 1)));
        }
        return dir;
    }
}
