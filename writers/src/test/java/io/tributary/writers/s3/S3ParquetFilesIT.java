package io.tributary.writers.s3;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.connector.catalog.ConfiguredStream;
import io.tributary.connector.catalog.DestinationSyncMode;
import io.tributary.connector.catalog.Stream;
import io.tributary.connector.catalog.SyncMode;
import io.tributary.connector.destination.LoadContext;
import io.tributary.connector.destination.StreamLoader;
import io.tributary.connector.schema.NormalizedRecord;
import io.tributary.connector.schema.StreamTables;
import io.tributary.writers.format.FloatLines;
import io.tributary.writers.parquet.DuckDb;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import tools.jackson.databind.node.JsonNodeFactory;

class S3ParquetFilesIT {

    private static final AtomicLong SYNC_IDS = new AtomicLong(System.currentTimeMillis() % 100_000 * 1000 + 500);

    private final S3Bucket bucket = new S3Bucket("s3files");
    private final S3Destination destination = new S3Destination();

    @TempDir
    Path downloads;

    @AfterEach
    void closeBucket() {
        bucket.close();
    }

    private StreamLoader loader(ConfiguredStream stream, StreamTables tables) {
        Map<String, Object> raw = new HashMap<>(Map.of("s3_bucket_path", "lake"));
        return destination.loader(
                destination.spec().validate(bucket.destinationConfig(raw), "test"),
                stream,
                tables,
                new LoadContext("crm", SYNC_IDS.incrementAndGet()));
    }

    private static void sync(StreamLoader loader, List<Chunk<NormalizedRecord>> chunks) throws Exception {
        ExecutionContext ctx = new ExecutionContext();
        loader.open(ctx);
        for (Chunk<NormalizedRecord> chunk : chunks) {
            loader.write(chunk);
            loader.update(ctx);
        }
        loader.close();
        loader.complete();
    }

    @Test
    void aJsonLinesFileOfFloatsSyncsToS3ParquetDoublesWhoseSumDuckDbReadsBack() throws Exception {
        Path file = downloads.resolve("readings.jsonl");
        double sum = FloatLines.write(file, 10_000);
        Stream stream = new Stream(
                "readings",
                "lab",
                JsonNodeFactory.instance.objectNode(),
                List.of(SyncMode.FULL_REFRESH),
                false,
                List.of(),
                List.of(),
                List.of());

        sync(
                loader(
                        new ConfiguredStream(
                                stream,
                                SyncMode.FULL_REFRESH,
                                DestinationSyncMode.OVERWRITE,
                                List.of(),
                                List.of(),
                                "lab",
                                "readings"),
                        FloatLines.TABLES),
                FloatLines.read(file, 1_000).stream().map(Chunk::new).toList());

        Path glob = bucket.downloadParquet("lake/lab/readings/", downloads);
        assertThat(DuckDb.columnTypes(glob)).containsEntry("ratio", "DOUBLE");
        Map<String, Object> read = DuckDb.query("SELECT count(*) AS n, sum(ratio) AS total, "
                        + "max(CASE WHEN id = 1 THEN ratio END) AS first FROM " + DuckDb.parquet(glob))
                .get(0);
        assertThat(read.get("n")).isEqualTo(10_000L);
        assertThat((Double) read.get("total")).isCloseTo(sum, Offset.offset(1e-6));
        assertThat(read.get("first")).isEqualTo(0.016666666666666666);
    }

    @Test
    void twoHundredThousandRowsLandInAtMostTwoFilesPerTableWithDefaultSettings() throws Exception {
        List<Chunk<NormalizedRecord>> chunks = new ArrayList<>();
        for (long from = 0; from < 200_000; from += 5_000) {
            chunks.add(S3Fixture.customers(from, from + 5_000, 20));
        }

        sync(loader(S3Fixture.stream(DestinationSyncMode.OVERWRITE), S3Fixture.TABLES), chunks);

        List<String> keys = bucket.keys("lake/shop/customers/");
        System.out.printf(
                "[measure] S3 Parquet, 200000 rows in chunks of 5000: %d file(s) of %s bytes%n",
                keys.size(), keys.stream().map(bucket::size).toList());
        assertThat(keys).hasSizeBetween(1, 2);
        assertThat(bucket.keys("lake/shop/customers_addresses/")).hasSizeBetween(1, 2);
        assertThat(DuckDb.query("SELECT count(*) AS n, count(DISTINCT id) AS ids FROM "
                                + DuckDb.parquet(bucket.downloadParquet("lake/shop/customers/", downloads)))
                        .get(0))
                .containsEntry("n", 200_000L)
                .containsEntry("ids", 200_000L);
        assertThat(bucket.keys("lake/.tributary-staging/")).isEmpty();
    }
}
