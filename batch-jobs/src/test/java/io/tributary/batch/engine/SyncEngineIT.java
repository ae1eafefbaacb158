package io.tributary.batch.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import io.tributary.batch.config.ConnectionsFileLoader;
import io.tributary.batch.config.TributaryConfig;
import io.tributary.batch.repository.RepositoryDataSource;
import io.tributary.connector.registry.ConnectorRegistry;
import io.tributary.testsupport.postgres.TestDatabase;
import io.tributary.testsupport.postgres.TestPostgres;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyncEngineIT {

    @TempDir
    Path lake;

    private TestDatabase database;
    private HikariDataSource dataSource;
    private SyncEngine engine;

    @BeforeEach
    void startEngine() {
        database = TestPostgres.get().createDatabase("engine");
        dataSource = RepositoryDataSource.create(
                database.jdbcUrl(),
                TestPostgres.get().user(),
                TestPostgres.get().password());
        engine = SyncEngine.create(dataSource, ConnectorRegistry.load(), Duration.ofSeconds(1));
    }

    @AfterEach
    void stopEngine() {
        dataSource.close();
        database.close();
    }

    private TributaryConfig config(long count, long failAt, String syncMode, String destinationMode) {
        String yaml = """
                sources:
                  seq: { type: sequence, config: { count: %d, fail_at: %d } }
                destinations:
                  lake: { type: local, config: { destination_path: "%s" } }
                connections:
                  numbers_to_lake:
                    source: seq
                    destination: lake
                    chunk_size: 100
                    streams: [{ name: numbers, sync_mode: %s, destination_sync_mode: %s }]
                """.formatted(count, failAt, lake, syncMode, destinationMode);
        return new ConnectionsFileLoader(n -> null)
                .load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "t.yml");
    }

    private List<Long> output() {
        return LocalOutput.ids(lake.resolve("seq").resolve("numbers"));
    }

    private static List<Long> range(long from, long to) {
        return LongStream.rangeClosed(from, to).boxed().toList();
    }

    @Test
    void syncsEveryRecordOfAStreamInChunksAndReportsCounts() {
        SyncResult result = engine.sync(config(1_050, 0, "full_refresh", "overwrite"), "numbers_to_lake");
        assertThat(result.status()).isEqualTo("COMPLETED");
        assertThat(result.records()).isEqualTo(1_050);
        assertThat(result.bytes()).isPositive();
        assertThat(output()).isEqualTo(range(1, 1_050));
    }

    @Test
    void restartsAFailedSyncFromItsLastCommittedChunkWithoutDuplicatesOrLosses() {
        SyncResult failed = engine.sync(config(1_000, 450, "full_refresh", "overwrite"), "numbers_to_lake");
        assertThat(failed.status()).isEqualTo("FAILED");
        assertThat(failed.failure()).contains("failing at id 450");
        assertThat(failed.records()).isEqualTo(400);

        SyncResult restarted = engine.restart(config(1_000, 0, "full_refresh", "overwrite"), "numbers_to_lake");
        assertThat(restarted.status()).isEqualTo("COMPLETED");
        assertThat(restarted.jobInstanceId()).isEqualTo(failed.jobInstanceId());
        assertThat(restarted.streams().get(0).records())
                .as("the restart reads only what was not committed")
                .isEqualTo(600);
        assertThat(output()).isEqualTo(range(1, 1_000));
    }

    @Test
    void keepsThePreviousDataVisibleWhileAnOverwriteFails() {
        engine.sync(config(300, 0, "full_refresh", "overwrite"), "numbers_to_lake");
        SyncResult failed = engine.sync(config(500, 250, "full_refresh", "overwrite"), "numbers_to_lake");
        assertThat(failed.succeeded()).isFalse();
        assertThat(output()).isEqualTo(range(1, 300));
    }

    @Test
    void doesNotRerunACompletedSyncOnRestart() {
        engine.sync(config(10, 0, "full_refresh", "overwrite"), "numbers_to_lake");
        assertThatThrownBy(() -> engine.restart(config(10, 0, "full_refresh", "overwrite"), "numbers_to_lake"))
                .isInstanceOf(SyncException.class)
                .hasMessageContaining("completed; there is nothing to restart");
        assertThat(output()).isEqualTo(range(1, 10));
    }

    @Test
    void refusesToRestartAConnectionThatNeverSynced() {
        assertThatThrownBy(() -> engine.restart(config(10, 0, "full_refresh", "overwrite"), "numbers_to_lake"))
                .isInstanceOf(SyncException.class)
                .hasMessageContaining("has no sync to restart");
    }

    @Test
    void continuesAnIncrementalStreamFromThePreviousSyncsCursor() {
        engine.sync(config(250, 0, "incremental", "append"), "numbers_to_lake");
        SyncResult second = engine.sync(config(400, 0, "incremental", "append"), "numbers_to_lake");
        assertThat(second.records()).isEqualTo(150);
        assertThat(output()).isEqualTo(range(1, 400));
    }

    @Test
    void listsTheHistoryNewestFirst() {
        engine.sync(config(10, 0, "full_refresh", "overwrite"), "numbers_to_lake");
        engine.sync(config(20, 5, "full_refresh", "overwrite"), "numbers_to_lake");
        List<SyncResult> history = engine.history("numbers_to_lake", 10);
        assertThat(history).extracting(SyncResult::status).containsExactly("FAILED", "COMPLETED");
    }
}
