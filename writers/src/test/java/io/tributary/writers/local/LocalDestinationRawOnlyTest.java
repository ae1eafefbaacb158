package io.tributary.writers.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.connector.catalog.ConfiguredStream;
import io.tributary.connector.catalog.DestinationSyncMode;
import io.tributary.connector.catalog.Stream;
import io.tributary.connector.catalog.SyncMode;
import io.tributary.connector.destination.LoadContext;
import io.tributary.connector.destination.StreamLoader;
import io.tributary.connector.record.SourceRecord;
import io.tributary.connector.schema.NormalizedRecord;
import io.tributary.connector.schema.StreamTables;
import io.tributary.writers.parquet.DuckDb;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Normalization mode raw: the stream's folder holds the raw records as Airbyte's S3 destination wrote them. */
class LocalDestinationRawOnlyTest {

    @TempDir
    Path root;

    private final LocalDestination destination = new LocalDestination();

    private void sync(String format, List<NormalizedRecord> records) throws Exception {
        Map<String, Object> raw = new HashMap<>();
        raw.put("destination_path", root.toString());
        raw.put("format", format);
        Stream stream = new Stream(
                "customers",
                "shop",
                JsonNodeFactory.instance.objectNode(),
                List.of(SyncMode.FULL_REFRESH),
                false,
                List.of(),
                List.of(),
                List.of());
        StreamLoader loader = destination.loader(
                destination.spec().validate(raw, "destinations.lake.config"),
                new ConfiguredStream(
                        stream,
                        SyncMode.FULL_REFRESH,
                        DestinationSyncMode.OVERWRITE,
                        List.of(),
                        List.of(),
                        "shop",
                        "customers"),
                StreamTables.rawOnly("customers", "shop"),
                new LoadContext("demo", 7));
        ExecutionContext ctx = new ExecutionContext();
        loader.open(ctx);
        loader.write(new Chunk<>(records));
        loader.update(ctx);
        loader.close();
        loader.complete();
    }

    private static NormalizedRecord record(long id) {
        ObjectNode data = JsonNodeFactory.instance.objectNode().put("id", id).put("price", new BigDecimal("12.30"));
        data.putObject("contact").put("email", "c" + id + "@example.com");
        data.putArray("tags").add("a").add("b");
        return new NormalizedRecord(new SourceRecord(data, 1_700_000_000_123L), "ab-" + id, new ArrayList<>());
    }

    @Test
    void jsonLinesHoldOneRawRecordPerLineWithTheDataAsAnObject() throws Exception {
        sync("jsonl", List.of(record(1), record(2)));
        try (var dirs = Files.list(root.resolve("shop"))) {
            assertThat(dirs.map(p -> p.getFileName().toString())).containsExactly("customers");
        }
        List<String> lines = Files.readAllLines(
                LocalFiles.visibleFiles(root.resolve("shop/customers")).get(0));
        assertThat(lines)
                .containsExactly(
                        "{\"_airbyte_ab_id\":\"ab-1\",\"_airbyte_emitted_at\":1700000000123,\"_airbyte_data\":"
                                + "{\"id\":1,\"price\":12.30,\"contact\":{\"email\":\"c1@example.com\"},\"tags\":[\"a\",\"b\"]}}",
                        "{\"_airbyte_ab_id\":\"ab-2\",\"_airbyte_emitted_at\":1700000000123,\"_airbyte_data\":"
                                + "{\"id\":2,\"price\":12.30,\"contact\":{\"email\":\"c2@example.com\"},\"tags\":[\"a\",\"b\"]}}");
    }

    @Test
    void parquetHoldsTheRawRecordWithTheDataAsAJsonColumn() throws Exception {
        sync("parquet", List.of(record(1), record(2)));
        Path files = root.resolve("shop/customers/*.parquet");
        assertThat(DuckDb.columnTypes(files))
                .containsExactly(
                        Map.entry("_airbyte_ab_id", "VARCHAR"),
                        Map.entry("_airbyte_emitted_at", "BIGINT"),
                        Map.entry("_airbyte_data", "JSON"));
        assertThat(DuckDb.query("SELECT _airbyte_ab_id AS id, _airbyte_data->>'$.contact.email' AS email, "
                        + "CAST(_airbyte_data AS VARCHAR) AS data FROM " + DuckDb.parquet(files) + " ORDER BY 1"))
                .extracting(r -> r.get("id") + "|" + r.get("email") + "|" + r.get("data"))
                .containsExactly(
                        "ab-1|c1@example.com|{\"id\":1,\"price\":12.30,\"contact\":{\"email\":\"c1@example.com\"},\"tags\":[\"a\",\"b\"]}",
                        "ab-2|c2@example.com|{\"id\":2,\"price\":12.30,\"contact\":{\"email\":\"c2@example.com\"},\"tags\":[\"a\",\"b\"]}");
    }
}
