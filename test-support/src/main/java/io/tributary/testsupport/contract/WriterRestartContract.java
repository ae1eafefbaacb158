package io.tributary.testsupport.contract;

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
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * The restart contract every destination's {@link StreamLoader} passes: a chunk whose commit never
 * happened leaves the destination as it was before that chunk, and a restart from the last committed
 * {@link ExecutionContext} gives exactly-once output. The test plays Spring Batch's part: {@code open},
 * then per chunk {@code write}, {@code update} and the commit (a copy of the context), {@code close},
 * then {@code complete}; a "crash" abandons the loader and a new one (as a new JVM would make) opens
 * with the last committed copy.
 *
 * <p>The stream is {@code items} ({@code id}, {@code name}, {@code price}, metadata columns) with a
 * child table {@code items_tags} (two tags per item, {@code id = item id * 10 + k}).
 *
 * <p>A subclass gives a clean destination per test instance and implements {@link #loader} and
 * {@link #visibleIds}.
 */
public abstract class WriterRestartContract {

    private static final AtomicLong SYNC_IDS = new AtomicLong(System.currentTimeMillis() % 1_000_000 * 1000);

    private final String streamName = "items_" + UUID.randomUUID().toString().substring(0, 8);

    /** A loader as a freshly started JVM would create it for {@code stream}. */
    protected abstract StreamLoader loader(ConfiguredStream stream, StreamTables tables, LoadContext context);

    /** The {@code id} values of the rows a reader of the destination sees now in {@code table}, duplicates kept. */
    protected abstract List<Long> visibleIds(TableSchema table);

    /** The destination namespace the contract's stream writes to. */
    protected String namespace() {
        return "contract";
    }

    protected final TableSchema itemsTable() {
        return new TableSchema(
                streamName,
                namespace(),
                List.of(
                        Column.of("id", ColumnType.INTEGER),
                        Column.of("name", ColumnType.STRING),
                        new Column("price", List.of("price"), ColumnType.NUMBER, 12, 2),
                        Column.metadata("_airbyte_ab_id", ColumnType.STRING),
                        Column.metadata("_airbyte_emitted_at", ColumnType.INTEGER)),
                List.of("id"),
                null);
    }

    protected final TableSchema tagsTable() {
        return new TableSchema(
                streamName + "_tags",
                namespace(),
                List.of(
                        Column.metadata("_airbyte_" + streamName + "_hashid", ColumnType.STRING),
                        Column.of("id", ColumnType.INTEGER),
                        Column.of("tag", ColumnType.STRING),
                        Column.metadata("_airbyte_ab_id", ColumnType.STRING)),
                List.of(),
                streamName);
    }

    protected final StreamTables tables() {
        return new StreamTables(List.of(itemsTable(), tagsTable()));
    }

    protected final ConfiguredStream stream(DestinationSyncMode mode) {
        Stream stream = new Stream(
                streamName,
                namespace(),
                JsonNodeFactory.instance.objectNode(),
                List.of(SyncMode.FULL_REFRESH),
                false,
                List.of(),
                List.of(List.of("id")),
                List.of());
        return new ConfiguredStream(
                stream, SyncMode.FULL_REFRESH, mode, List.of(), List.of(List.of("id")), namespace(), streamName);
    }

    /** A chunk of records with item ids {@code from} (inclusive) to {@code to} (exclusive). */
    protected final Chunk<NormalizedRecord> chunk(long from, long to) {
        List<NormalizedRecord> records = new ArrayList<>();
        for (long id = from; id < to; id++) {
            String abId = UUID.randomUUID().toString();
            Object[] item = {id, "item " + id + " ✓", new BigDecimal(id + ".25"), abId, 1_700_000_000_000L + id};
            List<TableRow> rows = new ArrayList<>();
            rows.add(new TableRow(itemsTable(), item));
            for (int k = 0; k < 2; k++) {
                rows.add(new TableRow(tagsTable(), new Object[] {"hash" + id, id * 10 + k, "tag-" + k, abId}));
            }
            records.add(new NormalizedRecord(
                    new SourceRecord(JsonNodeFactory.instance.objectNode().put("id", id), 1_700_000_000_000L + id),
                    abId,
                    rows));
        }
        return new Chunk<>(records);
    }

    /** One sync as Spring Batch runs it: open, chunks with commits, close, complete. */
    protected final void runSync(DestinationSyncMode mode, long syncId, long... chunkBounds) throws Exception {
        StreamLoader loader = loader(stream(mode), tables(), context(syncId));
        ExecutionContext ctx = new ExecutionContext();
        loader.open(ctx);
        for (int i = 0; i + 1 < chunkBounds.length; i++) {
            loader.write(chunk(chunkBounds[i], chunkBounds[i + 1]));
            loader.update(ctx);
        }
        loader.close();
        loader.complete();
    }

    protected final LoadContext context(long syncId) {
        return new LoadContext("contract", syncId);
    }

    protected static long newSyncId() {
        return SYNC_IDS.incrementAndGet();
    }

    private static List<Long> range(long from, long to) {
        List<Long> ids = new ArrayList<>();
        for (long id = from; id < to; id++) {
            ids.add(id);
        }
        return ids;
    }

    private static List<Long> tagIds(List<Long> itemIds) {
        List<Long> ids = new ArrayList<>();
        for (long id : itemIds) {
            ids.add(id * 10);
            ids.add(id * 10 + 1);
        }
        return ids;
    }

    private void assertVisible(List<Long> items) {
        assertThat(visibleIds(itemsTable())).as("items visible").containsExactlyInAnyOrderElementsOf(items);
        assertThat(visibleIds(tagsTable()))
                .as("child table rows visible")
                .containsExactlyInAnyOrderElementsOf(tagIds(items));
    }

    @Test
    void anUninterruptedSyncWritesEveryRowOnceInEveryTable() throws Exception {
        runSync(DestinationSyncMode.OVERWRITE, newSyncId(), 0, 5, 10, 12);

        assertVisible(range(0, 12));
    }

    @Test
    void anUncommittedChunkLeavesTheDestinationAsBeforeItAndARestartWritesEachRowOnce() throws Exception {
        runSync(DestinationSyncMode.OVERWRITE, newSyncId(), 100, 104);
        long syncId = newSyncId();
        StreamLoader first = loader(stream(DestinationSyncMode.OVERWRITE), tables(), context(syncId));
        ExecutionContext live = new ExecutionContext();
        first.open(live);
        first.write(chunk(0, 5));
        first.update(live);
        ExecutionContext committed = new ExecutionContext(live);
        first.write(chunk(5, 10));
        // killed here: chunk 5..10 never committed, the first loader is never closed

        StreamLoader second = loader(stream(DestinationSyncMode.OVERWRITE), tables(), context(syncId));
        second.open(new ExecutionContext(committed));
        assertThat(visibleIds(itemsTable()))
                .as("after restart, before the new data is complete")
                .containsAll(range(100, 104))
                .doesNotContainAnyElementsOf(range(5, 10))
                .doesNotHaveDuplicates();
        ExecutionContext ctx = new ExecutionContext(committed);
        second.write(chunk(5, 10));
        second.update(ctx);
        second.write(chunk(10, 13));
        second.update(ctx);
        second.close();
        second.complete();

        assertVisible(range(0, 13));
    }

    @Test
    void aFailedChunkFollowedByCloseAndRestartAppendsEachRowExactlyOnce() throws Exception {
        runSync(DestinationSyncMode.APPEND, newSyncId(), 100, 103);
        long syncId = newSyncId();
        StreamLoader first = loader(stream(DestinationSyncMode.APPEND), tables(), context(syncId));
        ExecutionContext live = new ExecutionContext();
        first.open(live);
        first.write(chunk(0, 4));
        first.update(live);
        first.write(chunk(4, 8));
        first.update(live);
        ExecutionContext committed = new ExecutionContext(live);
        first.write(chunk(8, 12));
        // the chunk's transaction rolled back (no commit of the context); the step fails and closes its streams
        first.close();
        assertThat(visibleIds(itemsTable())).doesNotContainAnyElementsOf(range(8, 12));

        StreamLoader second = loader(stream(DestinationSyncMode.APPEND), tables(), context(syncId));
        ExecutionContext ctx = new ExecutionContext(committed);
        second.open(ctx);
        assertThat(visibleIds(itemsTable())).containsAll(range(100, 103)).doesNotContainAnyElementsOf(range(8, 12));
        second.write(chunk(8, 12));
        second.update(ctx);
        second.close();
        second.complete();

        List<Long> expected = new ArrayList<>(range(100, 103));
        expected.addAll(range(0, 12));
        assertVisible(expected);
    }

    @Test
    void aCrashBeforeTheFirstCommitRestartsFromNothing() throws Exception {
        long syncId = newSyncId();
        StreamLoader first = loader(stream(DestinationSyncMode.APPEND), tables(), context(syncId));
        first.open(new ExecutionContext());
        first.write(chunk(0, 6));

        StreamLoader second = loader(stream(DestinationSyncMode.APPEND), tables(), context(syncId));
        ExecutionContext ctx = new ExecutionContext();
        second.open(ctx);
        second.write(chunk(0, 6));
        second.update(ctx);
        second.close();
        second.complete();

        assertVisible(range(0, 6));
    }

    @Test
    void completeRunAgainOnARestartedLoaderChangesNothing() throws Exception {
        runSync(DestinationSyncMode.OVERWRITE, newSyncId(), 100, 102);
        long syncId = newSyncId();
        StreamLoader first = loader(stream(DestinationSyncMode.OVERWRITE), tables(), context(syncId));
        ExecutionContext ctx = new ExecutionContext();
        first.open(ctx);
        first.write(chunk(0, 3));
        first.update(ctx);
        first.write(chunk(3, 7));
        first.update(ctx);
        first.close();
        first.complete();

        StreamLoader again = loader(stream(DestinationSyncMode.OVERWRITE), tables(), context(syncId));
        again.open(new ExecutionContext(ctx));
        again.close();
        again.complete();

        assertVisible(range(0, 7));
    }

    @Test
    void aSecondOverwriteReplacesTheFirstAndAnAppendAddsToIt() throws Exception {
        runSync(DestinationSyncMode.OVERWRITE, newSyncId(), 0, 4);
        runSync(DestinationSyncMode.OVERWRITE, newSyncId(), 10, 13, 15);
        assertVisible(range(10, 15));

        runSync(DestinationSyncMode.APPEND, newSyncId(), 20, 22);
        List<Long> expected = new ArrayList<>(range(10, 15));
        expected.addAll(range(20, 22));
        assertVisible(expected);
    }
}
