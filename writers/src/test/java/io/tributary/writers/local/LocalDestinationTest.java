package io.tributary.writers.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.connector.catalog.ConfiguredStream;
import io.tributary.connector.catalog.DestinationSyncMode;
import io.tributary.connector.catalog.Stream;
import io.tributary.connector.catalog.SyncMode;
import io.tributary.connector.config.ConfigException;
import io.tributary.connector.config.ConnectorConfig;
import io.tributary.connector.destination.LoadContext;
import io.tributary.connector.destination.StreamLoader;
import io.tributary.connector.record.SourceRecord;
import io.tributary.connector.registry.ConnectorRegistry;
import io.tributary.connector.schema.Column;
import io.tributary.connector.schema.ColumnType;
import io.tributary.connector.schema.NormalizedRecord;
import io.tributary.connector.schema.StreamTables;
import io.tributary.connector.schema.TableRow;
import io.tributary.connector.schema.TableSchema;
import io.tributary.writers.parquet.DuckDb;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

class LocalDestinationTest {

    private static final TableSchema CUSTOMERS = new TableSchema(
            "customers",
            "shop",
            List.of(
                    Column.of("id", ColumnType.INTEGER),
                    Column.of("name", ColumnType.STRING),
                    new Column("balance", List.of("balance"), ColumnType.NUMBER, 38, 10),
                    Column.of("active", ColumnType.BOOLEAN),
                    Column.of("born", ColumnType.DATE),
                    Column.of("wakes", ColumnType.TIME),
                    Column.of("wakes_tz", ColumnType.TIME_TZ),
                    Column.of("seen", ColumnType.TIMESTAMP),
                    Column.of("seen_tz", ColumnType.TIMESTAMP_TZ),
                    Column.of("extra", ColumnType.JSON),
                    Column.metadata("_airbyte_ab_id", ColumnType.STRING)),
            List.of("id"),
            null);
    private static final TableSchema ADDRESSES = new TableSchema(
            "customers_addresses",
            "shop",
            List.of(
                    Column.metadata("_airbyte_customers_hashid", ColumnType.STRING),
                    Column.of("city", ColumnType.STRING)),
            List.of(),
            "customers");

    @TempDir
    Path root;

    private final LocalDestination destination = new LocalDestination();

    private ConnectorConfig config(Map<String, Object> extra) {
        Map<String, Object> raw = new HashMap<>(extra);
        raw.put("destination_path", root.toString());
        return destination.spec().validate(raw, "destinations.lake.config");
    }

    private StreamLoader loader(DestinationSyncMode mode, long syncId) {
        Stream stream = new Stream(
                "customers",
                "shop",
                JsonNodeFactory.instance.objectNode(),
                List.of(SyncMode.FULL_REFRESH),
                false,
                List.of(),
                List.of(),
                List.of());
        return destination.loader(
                config(Map.of()),
                new ConfiguredStream(stream, SyncMode.FULL_REFRESH, mode, List.of(), List.of(), "shop", "customers"),
                new StreamTables(List.of(CUSTOMERS, ADDRESSES)),
                new LoadContext("demo", syncId));
    }

    private static NormalizedRecord customer(long id, String... cities) {
        Object[] values = {
            id,
            "Zoë 東京 " + id,
            new BigDecimal("12345678901234567890.0123456789"),
            id % 2 == 0,
            LocalDate.of(1990, 1, 2),
            LocalTime.of(7, 0),
            OffsetTime.of(7, 0, 0, 0, ZoneOffset.ofHours(2)),
            LocalDateTime.of(2024, 5, 1, 12, 0),
            OffsetDateTime.of(2024, 5, 1, 12, 0, 0, 500_000_000, ZoneOffset.ofHours(-5)),
            "{\"vip\":true,\"score\":1.10}",
            "ab-" + id
        };
        List<TableRow> rows = new java.util.ArrayList<>();
        rows.add(new TableRow(CUSTOMERS, values));
        for (String city : cities) {
            rows.add(new TableRow(ADDRESSES, new Object[] {"h" + id, city}));
        }
        return new NormalizedRecord(new SourceRecord(JsonNodeFactory.instance.objectNode(), 0L), "ab-" + id, rows);
    }

    private void sync(DestinationSyncMode mode, long syncId, List<List<NormalizedRecord>> chunks) throws Exception {
        StreamLoader loader = loader(mode, syncId);
        ExecutionContext ctx = new ExecutionContext();
        loader.open(ctx);
        for (List<NormalizedRecord> chunk : chunks) {
            loader.write(new Chunk<>(chunk));
            loader.update(ctx);
        }
        loader.close();
        loader.complete();
    }

    private List<Long> ids() {
        return LocalFiles.rows(root.resolve("shop/customers")).stream()
                .map(r -> r.get("id").longValue())
                .toList();
    }

    private List<String> cities() {
        return LocalFiles.rows(root.resolve("shop/customers_addresses")).stream()
                .map(r -> r.get("city").asString())
                .toList();
    }

    @Test
    void writesEachColumnAsJsonWithExactDecimalsIsoTimesAndEmbeddedJson() throws Exception {
        NormalizedRecord record = customer(1, "Paris");
        record.rows().get(0).values()[1] = null;
        sync(DestinationSyncMode.OVERWRITE, 1, List.of(List.of(record)));

        List<String> lines = Files.readAllLines(
                LocalFiles.visibleFiles(root.resolve("shop/customers")).get(0));
        assertThat(lines)
                .containsExactly("{\"id\":1,\"name\":null,\"balance\":12345678901234567890.0123456789,"
                        + "\"active\":false,\"born\":\"1990-01-02\",\"wakes\":\"07:00:00\",\"wakes_tz\":\"07:00:00+02:00\","
                        + "\"seen\":\"2024-05-01T12:00:00\",\"seen_tz\":\"2024-05-01T12:00:00.5-05:00\","
                        + "\"extra\":{\"vip\":true,\"score\":1.10},\"_airbyte_ab_id\":\"ab-1\"}");
    }

    @Test
    void writesParquetThatDuckDbReadsPerTableDirectoryWithTypesAndValues() throws Exception {
        StreamLoader loader = destination.loader(
                config(Map.of("format", "parquet", "compression_codec", "zstd")),
                new ConfiguredStream(
                        new Stream(
                                "customers",
                                "shop",
                                JsonNodeFactory.instance.objectNode(),
                                List.of(SyncMode.FULL_REFRESH),
                                false,
                                List.of(),
                                List.of(),
                                List.of()),
                        SyncMode.FULL_REFRESH,
                        DestinationSyncMode.OVERWRITE,
                        List.of(),
                        List.of(),
                        "shop",
                        "customers"),
                new StreamTables(List.of(CUSTOMERS, ADDRESSES)),
                new LoadContext("demo", 3));
        ExecutionContext ctx = new ExecutionContext();
        loader.open(ctx);
        loader.write(new Chunk<>(List.of(customer(1, "Paris", "Lyon"), customer(2))));
        loader.update(ctx);
        loader.write(new Chunk<>(List.of(customer(3, "Köln"))));
        loader.update(ctx);
        loader.close();
        loader.complete();

        Path customers = root.resolve("shop/customers/*.parquet");
        assertThat(LocalFiles.visibleFiles(root.resolve("shop/customers")))
                .extracting(p -> p.getFileName().toString())
                .allMatch(n -> n.matches("\\d+_3_\\d+\\.parquet"));
        assertThat(DuckDb.columnTypes(customers))
                .containsEntry("balance", "DECIMAL(38,10)")
                .containsEntry("seen_tz", "TIMESTAMP WITH TIME ZONE")
                .containsEntry("extra", "JSON");
        assertThat(DuckDb.query("SELECT id, name, balance FROM " + DuckDb.parquet(customers) + " ORDER BY id"))
                .extracting(r -> r.get("id"), r -> r.get("name"), r -> r.get("balance"))
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                1L, "Zoë 東京 1", new BigDecimal("12345678901234567890.0123456789")),
                        org.assertj.core.groups.Tuple.tuple(
                                2L, "Zoë 東京 2", new BigDecimal("12345678901234567890.0123456789")),
                        org.assertj.core.groups.Tuple.tuple(
                                3L, "Zoë 東京 3", new BigDecimal("12345678901234567890.0123456789")));
        assertThat(DuckDb.query("SELECT city FROM " + DuckDb.parquet(root.resolve("shop/customers_addresses/*.parquet"))
                        + " ORDER BY city"))
                .extracting(r -> r.get("city"))
                .containsExactly("Köln", "Lyon", "Paris");
    }

    @Test
    void writesOneDirectoryPerTableOfTheStreamIncludingChildTables() throws Exception {
        sync(DestinationSyncMode.OVERWRITE, 1, List.of(List.of(customer(1, "Paris", "Lyon"), customer(2))));

        assertThat(ids()).containsExactly(1L, 2L);
        assertThat(cities()).containsExactly("Paris", "Lyon");
        ObjectNode address =
                LocalFiles.rows(root.resolve("shop/customers_addresses")).get(0);
        assertThat(address.get("_airbyte_customers_hashid").asString()).isEqualTo("h1");
    }

    @Test
    void overwriteTwiceKeepsOnlyTheSecondSyncsFiles() throws Exception {
        sync(DestinationSyncMode.OVERWRITE, 1, List.of(List.of(customer(1, "A")), List.of(customer(2, "B"))));
        sync(DestinationSyncMode.OVERWRITE, 2, List.of(List.of(customer(3, "C"))));

        assertThat(ids()).containsExactly(3L);
        assertThat(cities()).containsExactly("C");
        assertThat(LocalFiles.visibleFiles(root.resolve("shop/customers")))
                .singleElement()
                .satisfies(f -> assertThat(f.getFileName().toString()).matches("\\d+_2_0\\.jsonl"));
    }

    @Test
    void appendTwiceKeepsBothSyncsUnderUniqueNames() throws Exception {
        sync(DestinationSyncMode.APPEND, 1, List.of(List.of(customer(1, "A")), List.of(customer(2))));
        sync(DestinationSyncMode.APPEND, 2, List.of(List.of(customer(3, "C"))));

        assertThat(ids()).containsExactlyInAnyOrder(1L, 2L, 3L);
        assertThat(cities()).containsExactlyInAnyOrder("A", "C");
        assertThat(LocalFiles.visibleFiles(root.resolve("shop/customers")))
                .as("a sync's chunks share one file up to file_size_mb")
                .extracting(p -> p.getFileName().toString().replaceFirst("^\\d+_", ""))
                .containsExactlyInAnyOrder("1_0.jsonl", "2_0.jsonl");
    }

    @Test
    void aCrashBetweenChunksThenRestartLeavesNoStagedLeftoversAndNoDuplicates() throws Exception {
        sync(DestinationSyncMode.OVERWRITE, 1, List.of(List.of(customer(100))));
        StreamLoader first = loader(DestinationSyncMode.OVERWRITE, 2);
        ExecutionContext ctx = new ExecutionContext();
        first.open(ctx);
        first.write(new Chunk<>(List.of(customer(1, "A"))));
        first.update(ctx);
        ExecutionContext committed = new ExecutionContext(ctx);
        first.write(new Chunk<>(List.of(customer(2, "B"))));
        assertThat(ids()).as("nothing of the running sync is visible").containsExactly(100L);

        StreamLoader second = loader(DestinationSyncMode.OVERWRITE, 2);
        second.open(committed);
        assertThat(root.resolve("shop/customers/.staging-2"))
                .isDirectoryContaining("glob:**/chunk-0.rows")
                .isDirectoryNotContaining("glob:**/chunk-1.rows")
                .isDirectoryNotContaining("glob:**/*.tmp");
        second.write(new Chunk<>(List.of(customer(2, "B"))));
        second.update(committed);
        second.close();
        second.complete();

        assertThat(ids()).containsExactlyInAnyOrder(1L, 2L);
        assertThat(cities()).containsExactlyInAnyOrder("A", "B");
        assertThat(root.resolve("shop/customers")).isDirectoryNotContaining("glob:**/.staging-*");
    }

    @Test
    void completeFinishesAnOverwriteThatCrashedHalfwayThroughPublishing() throws Exception {
        sync(DestinationSyncMode.OVERWRITE, 1, List.of(List.of(customer(100, "Old"))));
        StreamLoader loader = loader(DestinationSyncMode.OVERWRITE, 2);
        ExecutionContext ctx = new ExecutionContext();
        loader.open(ctx);
        loader.write(new Chunk<>(List.of(customer(1, "A"))));
        loader.update(ctx);
        loader.write(new Chunk<>(List.of(customer(2, "B"))));
        loader.update(ctx);
        loader.close();
        // the first complete() moved one table's file in, then the JVM died
        Files.move(
                root.resolve("shop/customers/.staging-2/file-0-2.jsonl"), root.resolve("shop/customers/5_2_0.jsonl"));
        assertThat(ids()).containsExactlyInAnyOrder(100L, 1L, 2L);
        assertThat(cities()).containsExactlyInAnyOrder("Old");

        StreamLoader restarted = loader(DestinationSyncMode.OVERWRITE, 2);
        restarted.open(new ExecutionContext(ctx));
        restarted.complete();
        restarted.complete();

        assertThat(ids()).containsExactlyInAnyOrder(1L, 2L);
        assertThat(cities()).containsExactlyInAnyOrder("A", "B");
    }

    @Test
    void aChunkThatFailsWhileWritingLeavesNoPartBehind() throws Exception {
        StreamLoader loader = loader(DestinationSyncMode.APPEND, 1);
        ExecutionContext ctx = new ExecutionContext();
        loader.open(ctx);
        TableSchema stranger =
                new TableSchema("orders", "shop", List.of(Column.of("id", ColumnType.INTEGER)), List.of(), null);
        NormalizedRecord bad = new NormalizedRecord(
                new SourceRecord(JsonNodeFactory.instance.objectNode(), 0L),
                "x",
                List.of(new TableRow(stranger, new Object[] {1L})));

        assertThatThrownBy(() -> loader.write(new Chunk<>(List.of(customer(1, "A"), bad))))
                .hasMessageContaining("'orders' is not one of this stream's tables");
        assertThat(root.resolve("shop/customers/.staging-1")).isEmptyDirectory();
        assertThat(root.resolve("shop/customers_addresses/.staging-1")).isEmptyDirectory();

        loader.write(new Chunk<>(List.of(customer(1, "A"))));
        loader.update(ctx);
        loader.complete();
        assertThat(ids()).containsExactly(1L);
        assertThat(LocalFiles.visibleFiles(root.resolve("shop/customers")))
                .extracting(p -> p.getFileName().toString())
                .singleElement()
                .asString()
                .endsWith("_1_0.jsonl");
    }

    @Test
    void aStreamWithoutNamespaceGoesToTheDefaultDirectory() throws Exception {
        TableSchema table =
                new TableSchema("events", null, List.of(Column.of("id", ColumnType.INTEGER)), List.of(), null);
        Stream stream = new Stream(
                "events",
                null,
                JsonNodeFactory.instance.objectNode(),
                List.of(SyncMode.FULL_REFRESH),
                false,
                List.of(),
                List.of(),
                List.of());
        StreamLoader loader = destination.loader(
                config(Map.of()),
                new ConfiguredStream(
                        stream,
                        SyncMode.FULL_REFRESH,
                        DestinationSyncMode.APPEND,
                        List.of(),
                        List.of(),
                        null,
                        "events"),
                new StreamTables(List.of(table)),
                new LoadContext("demo", 7));
        ExecutionContext ctx = new ExecutionContext();
        loader.open(ctx);
        loader.write(new Chunk<>(List.of(new NormalizedRecord(
                new SourceRecord(JsonNodeFactory.instance.objectNode(), 0L),
                "a",
                List.of(new TableRow(table, new Object[] {5L}))))));
        loader.update(ctx);
        loader.complete();

        assertThat(LocalFiles.rows(root.resolve("default/events")))
                .extracting(r -> r.get("id").longValue())
                .containsExactly(5L);
    }

    @Test
    void rejectsAMissingPathAndAnUnknownFormatNamingTheField() {
        assertThatThrownBy(() -> destination.spec().validate(Map.of("format", "csv"), "destinations.lake.config"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("destinations.lake.config.destination_path: required field is missing")
                .hasMessageContaining(
                        "destinations.lake.config.format: 'csv' is not allowed; use one of [jsonl, parquet]");
    }

    @Test
    void rejectsAppendDedupWithTheAlternatives() {
        assertThatThrownBy(() -> loader(DestinationSyncMode.APPEND_DEDUP, 1))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("stream shop.customers")
                .hasMessageContaining("use overwrite or append");
    }

    @Test
    void checkSucceedsOnAWritableDirectoryAndExplainsAnUnwritableOne() throws Exception {
        assertThat(destination.check(config(Map.of())).succeeded()).isTrue();

        Path file = Files.writeString(root.resolve("a-file"), "x");
        var result = destination.check(destination
                .spec()
                .validate(Map.of("destination_path", file.resolve("sub").toString()), "destinations.lake.config"));
        assertThat(result.succeeded()).isFalse();
        assertThat(result.message()).contains("destination_path").contains("is not a writable directory");
    }

    @Test
    void isFoundByTypeThroughTheServiceLoader() {
        assertThat(ConnectorRegistry.load().destination("local")).isInstanceOf(LocalDestination.class);
    }
}
