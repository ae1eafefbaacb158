package io.tributary.writers.s3;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.connector.catalog.ConfiguredStream;
import io.tributary.connector.destination.LoadContext;
import io.tributary.connector.destination.StreamLoader;
import io.tributary.connector.schema.StreamTables;
import io.tributary.connector.schema.TableSchema;
import io.tributary.testsupport.contract.WriterRestartContract;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

class S3DestinationRestartIT extends WriterRestartContract {

    private final S3Bucket bucket = new S3Bucket("contract");

    @TempDir
    Path downloads;

    @Override
    protected StreamLoader loader(ConfiguredStream stream, StreamTables tables, LoadContext context) {
        S3Destination destination = new S3Destination();
        return destination.loader(
                destination
                        .spec()
                        .validate(
                                bucket.destinationConfig(
                                        Map.of("s3_bucket_path", "lake", "compression_codec", "SNAPPY")),
                                "test"),
                stream,
                tables,
                context);
    }

    @Override
    protected List<Long> visibleIds(TableSchema table) {
        return bucket.parquetRows("lake/" + namespace() + "/" + table.name() + "/", "id", downloads).stream()
                .map(r -> (Long) r.get("id"))
                .toList();
    }

    @AfterEach
    void noUploadIsLeftOpenAfterACompletedSync() {
        // Every contract test ends with complete(): nothing may stay half uploaded or staged.
        assertThat(bucket.openUploads()).isEmpty();
        assertThat(bucket.keys("lake/.tributary-staging/")).isEmpty();
        bucket.close();
    }
}
