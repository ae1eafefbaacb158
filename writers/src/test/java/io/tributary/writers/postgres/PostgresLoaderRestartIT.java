package io.tributary.writers.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.connector.catalog.ConfiguredStream;
import io.tributary.connector.catalog.DestinationSyncMode;
import io.tributary.connector.catalog.SyncMode;
import io.tributary.connector.config.ConnectorConfig;
import io.tributary.connector.destination.LoadContext;
import io.tributary.connector.destination.StreamLoader;
import io.tributary.connector.schema.Column;
import io.tributary.connector.schema.ColumnType;
import io.tributary.connector.schema.NormalizedRecord;
import io.tributary.connector.schema.StreamTables;
import io.tributary.connector.schema.TableSchema;
import io.tributary.testsupport.postgres.TestDatabase;
import io.tributary.testsupport.postgres.TestPostgres;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;

/**
 * What a crash at each point of a load leaves behind, simulated as Spring Batch sees it: the
 * destination commits a chunk in {@code write}, then the step's context (filled by {@code update})
 * is committed; a crash between the two loses the context but not the destination's commit.
 */
class PostgresLoaderRestartIT {

    private static final TableSchema ITEMS = LoaderFixture.table(
            "items",
            List.of(
                    Column.of("id", ColumnType.INTEGER),
                    new Column("price", List.of("price"), ColumnType.NUMBER, 3, 1)),
            List.of("id"),
            null,
            List.of());
    private static final StreamTables TABLES = new StreamTables(List.of(ITEMS));

    private TestDatabase db;
    private ConnectorConfig config;

    @BeforeEach
    void createDatabase() {
        db = TestPostgres.get().createDatabase("pg_load_restart");
        config = LoaderFixture.config(LoaderFixture.settings(db));
    }

    @AfterEach
    void dropDatabase() {
        db.close();
    }

    private static List<NormalizedRecord> items(int from, int to) {
        return IntStream.rangeClosed(from, to)
                .mapToObj(i -> LoaderFixture.record(ITEMS, (long) i, BigDecimal.ONE))
                .toList();
    }

    private StreamLoader loader(ConfiguredStream stream, long syncId) {
        return LoaderFixture.DESTINATION.loader(config, stream, TABLES, new LoadContext("test", syncId));
    }

    private List<Long> ids() {
        return db.query("SELECT id FROM analytics.items ORDER BY id").stream()
                .map(r -> (Long) r[0])
                .toList();
    }

    private static List<Long> range(int from, int to) {
        return IntStream.rangeClosed(from, to).mapToObj(i -> (long) i).toList();
    }

    @Test
    void aChunkCommittedHereButNotInTheJobRepositoryIsNotDuplicated() throws Exception {
        ConfiguredStream stream =
                LoaderFixture.stream("items", SyncMode.INCREMENTAL, DestinationSyncMode.APPEND, null, List.of("id"));
        ExecutionContext live = new ExecutionContext();
        StreamLoader first = loader(stream, 7);
        first.open(live);
        first.write(new Chunk<>(items(1, 3)));
        first.update(live);
        ExecutionContext committed = new ExecutionContext(live);
        first.write(new Chunk<>(items(4, 6))); // committed in PostgreSQL ...
        first.close(); // ... and the JVM dies before the job repository commits

        StreamLoader second = loader(stream, 7);
        ExecutionContext restarted = new ExecutionContext(committed);
        second.open(restarted);
        second.write(new Chunk<>(items(4, 6))); // the reader reads those records again
        second.update(restarted);
        second.write(new Chunk<>(items(7, 8)));
        second.update(restarted);
        second.complete();
        second.close();
        assertThat(ids()).isEqualTo(range(1, 8));
    }

    @Test
    void completingAgainAfterACrashChangesNothing() throws Exception {
        ConfiguredStream stream =
                LoaderFixture.stream("items", SyncMode.INCREMENTAL, DestinationSyncMode.APPEND, null, List.of("id"));
        ExecutionContext context = new ExecutionContext();
        StreamLoader first = loader(stream, 8);
        first.open(context);
        first.write(new Chunk<>(items(1, 2)));
        first.update(context);
        first.complete();
        first.close();

        StreamLoader again = loader(stream, 8);
        again.open(new ExecutionContext(context));
        again.complete();
        again.close();
        assertThat(ids()).isEqualTo(range(1, 2));
    }

    @Test
    void aFailedChunkLeavesTheStagedDataAsItWasBeforeIt() throws Exception {
        ConfiguredStream stream =
                LoaderFixture.stream("items", SyncMode.INCREMENTAL, DestinationSyncMode.APPEND, null, List.of("id"));
        ExecutionContext context = new ExecutionContext();
        StreamLoader loader = loader(stream, 9);
        loader.open(context);
        loader.write(new Chunk<>(items(1, 2)));
        loader.update(context);
        List<NormalizedRecord> bad = new ArrayList<>(items(3, 4));
        bad.add(LoaderFixture.record(ITEMS, 5L, new BigDecimal("1000"))); // does not fit numeric(3,1)
        assertThatThrownBy(() -> loader.write(new Chunk<>(bad)))
                .isInstanceOf(ItemStreamException.class)
                .hasMessageContaining("loading chunk 2 failed")
                .hasMessageContaining("numeric field overflow");
        loader.write(new Chunk<>(items(3, 4)));
        loader.update(context);
        loader.complete();
        loader.close();
        assertThat(ids()).isEqualTo(range(1, 4));
    }

    @Test
    void theNextSyncMergesWhatAnAbandonedIncrementalSyncCommitted() throws Exception {
        ConfiguredStream stream =
                LoaderFixture.stream("items", SyncMode.INCREMENTAL, DestinationSyncMode.APPEND, null, List.of("id"));
        ExecutionContext context = new ExecutionContext();
        StreamLoader abandoned = loader(stream, 10);
        abandoned.open(context);
        abandoned.write(new Chunk<>(items(1, 3)));
        abandoned.update(context);
        abandoned.close(); // failed, and never restarted: its cursor moved past items 1-3

        LoaderFixture.sync(config, stream, TABLES, 11, items(4, 5));
        assertThat(ids()).isEqualTo(range(1, 5));
    }

    @Test
    void theNextSyncDropsWhatAnAbandonedFullRefreshStaged() throws Exception {
        ConfiguredStream stream =
                LoaderFixture.stream("items", SyncMode.FULL_REFRESH, DestinationSyncMode.APPEND, null, List.of("id"));
        StreamLoader abandoned = loader(stream, 12);
        ExecutionContext context = new ExecutionContext();
        abandoned.open(context);
        abandoned.write(new Chunk<>(items(1, 3)));
        abandoned.update(context);
        abandoned.close();

        LoaderFixture.sync(config, stream, TABLES, 13, items(1, 5)); // a full refresh reads everything again
        assertThat(ids()).isEqualTo(range(1, 5));
    }

    @Test
    void aSyncWhoseStagedDataANewerSyncTookOverCannotResume() throws Exception {
        ConfiguredStream stream =
                LoaderFixture.stream("items", SyncMode.INCREMENTAL, DestinationSyncMode.APPEND, null, List.of("id"));
        ExecutionContext context = new ExecutionContext();
        StreamLoader old = loader(stream, 14);
        old.open(context);
        old.write(new Chunk<>(items(1, 1)));
        old.update(context);
        old.close();
        LoaderFixture.sync(config, stream, TABLES, 15, items(2, 2));

        StreamLoader restarted = loader(stream, 14);
        assertThatThrownBy(() -> restarted.open(new ExecutionContext(context)))
                .isInstanceOf(ItemStreamException.class)
                .hasMessageContaining("already loaded 1 chunk(s) but its staged data is gone")
                .hasMessageContaining("start a new sync");
        assertThat(ids()).as("nothing lost, nothing twice").isEqualTo(range(1, 2));
    }
}
