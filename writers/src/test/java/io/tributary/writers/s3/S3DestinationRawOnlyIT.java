package io.tributary.writers.s3;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.connector.catalog.DestinationSyncMode;
import io.tributary.connector.destination.LoadContext;
import io.tributary.connector.destination.StreamLoader;
import io.tributary.connector.record.SourceRecord;
import io.tributary.connector.schema.NormalizedRecord;
import io.tributary.connector.schema.StreamTables;
import io.tributary.writers.parquet.DuckDb;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Normalization mode raw on S3: the stream's folder holds the raw records, and a restart rebuilds them from the journal. */
class S3DestinationRawOnlyIT {

    private static final AtomicLong SYNC_IDS = new AtomicLong(System.currentTimeMillis() % 100_000 * 1000 + 500);
    private static final String CUSTOMERS = "lake/shop/customers/";

    private final S3Bucket bucket = new S3Bucket("s3raw");

    @TempDir
    Path downloads;

    @AfterEach
    void closeBucket() {
        bucket.close();
    }

    private StreamLoader loader(String format, long syncId) {
        Map<String, Object> raw = new HashMap<>(Map.of("s3_bucket_path", "lake", "format", format));
        S3Destination destination = new S3Destination();
        return destination.loader(
                destination.spec().validate(bucket.destinationConfig(raw), "test"),
                S3Fixture.stream(DestinationSyncMode.OVERWRITE),
                StreamTables.rawOnly("customers", "shop"),
                new LoadContext("crm", syncId));
    }

    private static Chunk<NormalizedRecord> records(long from, long to) {
        List<NormalizedRecord> records = new ArrayList<>();
        for (long id = from; id < to; id++) {
            ObjectNode data =
                    JsonNodeFactory.instance.objectNode().put("id", id).put("balance", new BigDecimal(id + ".50"));
            data.putObject("contact").put("email", "c" + id + "@example.com");
            records.add(new NormalizedRecord(new SourceRecord(data, 1_700_000_000_000L + id), "ab-" + id, List.of()));
        }
        return new Chunk<>(records);
    }

    @Test
    void jsonLinesHoldTheRawRecordsInTheStreamsFolder() throws Exception {
        StreamLoader loader = loader("jsonl", SYNC_IDS.incrementAndGet());
        ExecutionContext ctx = new ExecutionContext();
        loader.open(ctx);
        loader.write(records(0, 3));
        loader.update(ctx);
        loader.close();
        loader.complete();

        assertThat(bucket.keys("lake/shop/")).allMatch(k -> k.startsWith(CUSTOMERS));
        assertThat(bucket.jsonRows(CUSTOMERS))
                .extracting(ObjectNode::toString)
                .containsExactlyInAnyOrder(
                        "{\"_airbyte_ab_id\":\"ab-0\",\"_airbyte_emitted_at\":1700000000000,\"_airbyte_data\":"
                                + "{\"id\":0,\"balance\":0.50,\"contact\":{\"email\":\"c0@example.com\"}}}",
                        "{\"_airbyte_ab_id\":\"ab-1\",\"_airbyte_emitted_at\":1700000000001,\"_airbyte_data\":"
                                + "{\"id\":1,\"balance\":1.50,\"contact\":{\"email\":\"c1@example.com\"}}}",
                        "{\"_airbyte_ab_id\":\"ab-2\",\"_airbyte_emitted_at\":1700000000002,\"_airbyte_data\":"
                                + "{\"id\":2,\"balance\":2.50,\"contact\":{\"email\":\"c2@example.com\"}}}");
    }

    @Test
    void aRestartAfterAnUncommittedChunkRebuildsTheRawParquetFileWithoutLossOrDuplicates() throws Exception {
        long syncId = SYNC_IDS.incrementAndGet();
        StreamLoader first = loader("parquet", syncId);
        ExecutionContext ctx = new ExecutionContext();
        first.open(ctx);
        first.write(records(0, 50));
        first.update(ctx);
        ExecutionContext committed = new ExecutionContext(ctx);
        first.write(records(50, 80)); // never committed: the process dies here, without close()

        StreamLoader restarted = loader("parquet", syncId);
        restarted.open(committed);
        restarted.write(records(50, 120));
        restarted.update(committed);
        restarted.close();
        StreamLoader completing = loader("parquet", syncId);
        completing.open(committed);
        completing.complete();
        completing.close();

        List<Map<String, Object>> rows = bucket.parquetRows(
                CUSTOMERS,
                "_airbyte_ab_id AS id, _airbyte_emitted_at AS emitted, " + "_airbyte_data->>'$.contact.email' AS email",
                downloads);
        assertThat(rows).hasSize(120);
        assertThat(rows.stream().map(r -> r.get("id")).distinct()).hasSize(120);
        assertThat(rows).allSatisfy(r -> {
            long id = Long.parseLong(((String) r.get("id")).substring(3));
            assertThat(r.get("emitted")).isEqualTo(1_700_000_000_000L + id);
            assertThat(r.get("email")).isEqualTo("c" + id + "@example.com");
        });
        Path files = bucket.downloadParquet(CUSTOMERS, downloads);
        assertThat(DuckDb.columnTypes(files)).containsEntry("_airbyte_data", "JSON");
    }
}
