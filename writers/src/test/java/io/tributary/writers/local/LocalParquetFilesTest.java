package io.tributary.writers.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.connector.catalog.ConfiguredStream;
import io.tributary.connector.catalog.DestinationSyncMode;
import io.tributary.connector.catalog.Stream;
import io.tributary.connector.catalog.SyncMode;
import io.tributary.connector.destination.LoadContext;
import io.tributary.connector.destination.StreamLoader;
import io.tributary.connector.record.SourceRecord;
import io.tributary.connector.schema.Column;
import io.tributary.connector.schema.ColumnType;
import io.tributary.connector.schema.NormalizedRecord;
import io.tributary.connector.schema.StreamTables;
import io.tributary.connector.schema.TableRow;
import io.tributary.connector.schema.TableSchema;
import io.tributary.writers.format.FloatLines;
import io.tributary.writers.parquet.DuckDb;
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

class LocalParquetFilesTest {

    private static final TableSchema ORDERS = new TableSchema(
            "orders",
            "shop",
            List.of(
                    Column.of("id", ColumnType.INTEGER),
                    Column.of("customer", ColumnType.STRING),
                    Column.of("total", ColumnType.NUMBER),
                    Column.metadata("_airbyte_ab_id", ColumnType.STRING)),
            List.of("id"),
            null);
    private static final TableSchema LINES = new TableSchema(
            "orders_lines",
            "shop",
            List.of(
                    Column.metadata("_airbyte_orders_hashid", ColumnType.STRING),
                    Column.of("order_id", ColumnType.INTEGER),
                    Column.of("sku", ColumnType.STRING)),
            List.of(),
            "orders");
    private static final StreamTables TABLES = new StreamTables(List.of(ORDERS, LINES));

    @TempDir
    Path root;

    private final LocalDestination destination = new LocalDestination();

    private static ConfiguredStream stream(String name, String namespace) {
        Stream stream = new Stream(
                name,
                namespace,
                JsonNodeFactory.instance.objectNode(),
                List.of(SyncMode.FULL_REFRESH),
                false,
                List.of(),
                List.of(),
                List.of());
        return new ConfiguredStream(
                stream, SyncMode.FULL_REFRESH, DestinationSyncMode.APPEND, List.of(), List.of(), namespace, name);
    }

    private StreamLoader loader(Map<String, Object> extra, ConfiguredStream stream, StreamTables tables, long syncId) {
        Map<String, Object> raw = new HashMap<>(Map.of("destination_path", root.toString(), "format", "parquet"));
        raw.putAll(extra);
        return destination.loader(
                destination.spec().validate(raw, "test"), stream, tables, new LoadContext("demo", syncId));
    }

    /** A loader writing files of at most {@code fileSizeBytes}: smaller than file_size_mb allows, to roll over often. */
    private StreamLoader smallFilesLoader(long fileSizeBytes) {
        LocalConfig defaults = LocalConfig.from(
                destination.spec().validate(Map.of("destination_path", root.toString(), "format", "parquet"), "test"));
        return new LocalStreamLoader(
                new LocalConfig(defaults.destinationPath(), defaults.format(), fileSizeBytes),
                stream("orders", "shop"),
                TABLES,
                new LoadContext("demo", 9));
    }

    private static Chunk<NormalizedRecord> orders(long from, long to) {
        List<NormalizedRecord> records = new ArrayList<>();
        for (long id = from; id < to; id++) {
            String abId = "ab-" + id;
            records.add(new NormalizedRecord(
                    new SourceRecord(JsonNodeFactory.instance.objectNode(), 0L),
                    abId,
                    List.of(
                            new TableRow(ORDERS, new Object[] {
                                id, "customer " + (id % 977), new java.math.BigDecimal(id + ".25"), abId
                            }),
                            new TableRow(
                                    LINES, new Object[] {"h" + id, id, "sku-" + Long.toHexString(id * 2654435761L)}))));
        }
        return new Chunk<>(records);
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

    private List<Long> ids(String table, String column) {
        return DuckDb.query("SELECT " + column + " AS id FROM "
                        + DuckDb.parquet(root.resolve("shop/" + table + "/*.parquet")) + " ORDER BY 1")
                .stream()
                .map(r -> (Long) r.get("id"))
                .toList();
    }

    @Test
    void aJsonLinesFileOfFloatsSyncsToParquetDoublesWhoseSumDuckDbReadsBack() throws Exception {
        Path file = root.resolve("readings.jsonl");
        double sum = FloatLines.write(file, 10_000);
        List<List<NormalizedRecord>> chunks = FloatLines.read(file, 1_000);

        sync(
                loader(Map.of(), stream("readings", "lab"), FloatLines.TABLES, 1),
                chunks.stream().map(Chunk::new).toList());

        Path glob = root.resolve("lab/readings/*.parquet");
        assertThat(DuckDb.columnTypes(glob)).containsEntry("ratio", "DOUBLE");
        Map<String, Object> read = DuckDb.query("SELECT count(*) AS n, sum(ratio) AS total, "
                        + "max(CASE WHEN id = 1 THEN ratio END) AS first FROM " + DuckDb.parquet(glob))
                .get(0);
        assertThat(read.get("n")).isEqualTo(10_000L);
        assertThat((Double) read.get("total")).isCloseTo(sum, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(read.get("first")).isEqualTo(0.016666666666666666);
    }

    @Test
    void twoHundredThousandRowsLandInAtMostTwoFilesPerTableWithDefaultSettings() throws Exception {
        List<Chunk<NormalizedRecord>> chunks = new ArrayList<>();
        for (long from = 0; from < 200_000; from += 5_000) {
            chunks.add(orders(from, from + 5_000));
        }

        long started = System.nanoTime();
        sync(loader(Map.of(), stream("orders", "shop"), TABLES, 2), chunks);
        double seconds = (System.nanoTime() - started) / 1e9;

        List<Path> files = LocalFiles.visibleFiles(root.resolve("shop/orders"));
        System.out.printf(
                "[measure] local Parquet, 200000 rows (+ 200000 child rows) in chunks of 5000: %.2f s, "
                        + "%d file(s) of %s bytes%n",
                seconds,
                files.size(),
                files.stream().map(f -> f.toFile().length()).toList());
        assertThat(files).hasSizeBetween(1, 2);
        assertThat(LocalFiles.visibleFiles(root.resolve("shop/orders_lines"))).hasSizeBetween(1, 2);
        assertThat(DuckDb.query("SELECT count(*) AS n, count(DISTINCT id) AS ids FROM "
                                + DuckDb.parquet(root.resolve("shop/orders/*.parquet")))
                        .get(0))
                .containsEntry("n", 200_000L)
                .containsEntry("ids", 200_000L);
        assertThat(DuckDb.query("SELECT count(*) AS n FROM "
                                + DuckDb.parquet(root.resolve("shop/orders_lines/*.parquet")))
                        .get(0))
                .containsEntry("n", 200_000L);
    }

    @Test
    void filesSpanChunksAndRollOverAtTheTargetSize() throws Exception {
        List<Chunk<NormalizedRecord>> chunks = new ArrayList<>();
        for (long from = 0; from < 10_000; from += 500) {
            chunks.add(orders(from, from + 500));
        }

        sync(smallFilesLoader(40 * 1024), chunks);

        int files = LocalFiles.visibleFiles(root.resolve("shop/orders")).size();
        assertThat(files).as("20 chunks, files of about 40 KB").isBetween(2, 19);
        assertThat(ids("orders", "id")).hasSize(10_000).doesNotHaveDuplicates();
        assertThat(ids("orders_lines", "order_id")).hasSize(10_000).doesNotHaveDuplicates();
    }

    @Test
    void aCrashWhileAFileSpansCommittedAndUncommittedChunksLosesAndRepeatsNoRow() throws Exception {
        StreamLoader first = smallFilesLoader(40 * 1024);
        ExecutionContext live = new ExecutionContext();
        first.open(live);
        long next = 0;
        for (int i = 0; i < 7; i++, next += 500) {
            first.write(orders(next, next + 500));
            first.update(live);
        }
        ExecutionContext committed = new ExecutionContext(live);
        first.write(orders(next, next + 500));
        first.write(orders(next + 500, next + 1_000));
        // killed: the last two chunks never committed and the first loader is never closed

        StreamLoader second = smallFilesLoader(40 * 1024);
        second.open(committed);
        for (; next < 10_000; next += 500) {
            second.write(orders(next, next + 500));
            second.update(committed);
        }
        second.close();
        StreamLoader completing = smallFilesLoader(40 * 1024);
        completing.open(new ExecutionContext(committed));
        completing.complete();

        List<Long> expected = new ArrayList<>();
        for (long id = 0; id < 10_000; id++) {
            expected.add(id);
        }
        assertThat(ids("orders", "id")).containsExactlyElementsOf(expected);
        assertThat(ids("orders_lines", "order_id")).containsExactlyElementsOf(expected);
        assertThat(root.resolve("shop/orders")).isDirectoryNotContaining("glob:**/.staging-*");
    }

    @Test
    void completeRebuildsTheOpenFileFromTheJournalWhenTheLoadStepDiedBeforeClosing() throws Exception {
        StreamLoader first = smallFilesLoader(1L << 30);
        ExecutionContext live = new ExecutionContext();
        first.open(live);
        first.write(orders(0, 300));
        first.update(live);
        first.write(orders(300, 600));
        first.update(live);
        // killed after the last commit, before close(): no hand-over, the open file exists only as journals

        StreamLoader completing = smallFilesLoader(1L << 30);
        completing.open(new ExecutionContext(live));
        completing.complete();

        assertThat(LocalFiles.visibleFiles(root.resolve("shop/orders"))).hasSize(1);
        assertThat(ids("orders", "id")).hasSize(600).doesNotHaveDuplicates();
    }
}
