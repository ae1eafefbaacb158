package io.tributary.readers.postgres.cdc;

import io.tributary.connector.catalog.Catalog;
import io.tributary.connector.catalog.ConfiguredStream;
import io.tributary.connector.catalog.DestinationSyncMode;
import io.tributary.connector.catalog.Stream;
import io.tributary.connector.catalog.SyncMode;
import io.tributary.connector.config.ConnectorConfig;
import io.tributary.connector.record.SourceRecord;
import io.tributary.readers.postgres.PostgresSource;
import io.tributary.readers.postgres.shared.CdcSettings;
import io.tributary.testsupport.postgres.ReplicationSlots;
import io.tributary.testsupport.postgres.TestDatabase;
import io.tributary.testsupport.postgres.TestPostgres;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * A test database with CDC settings of its own (slot base and publication names unique to the test),
 * and syncs run the way a chunk-oriented step runs them: {@code update} at the end of every chunk,
 * the context "committed" only then. {@link #close} drops the slots: left behind, they retain WAL.
 */
final class CdcFixture implements AutoCloseable {

    static final PostgresSource SOURCE = new PostgresSource();

    final TestDatabase db;
    final String slotBase;
    final String publication;
    final Map<String, Object> settings = new HashMap<>();

    CdcFixture(String prefix) {
        db = TestPostgres.get().createDatabase(prefix);
        slotBase = "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        publication = slotBase + "_pub";
        TestPostgres server = db.server();
        settings.putAll(db.connectionSettings());
        settings.put("replication_method", "cdc");
        settings.put("replication_slot", slotBase);
        settings.put("publication", publication);
        settings.put("heartbeat_seconds", 1);
    }

    ConnectorConfig config() {
        return SOURCE.spec().validate(settings, "sources.test.config");
    }

    String slot(String table) {
        return CdcSettings.from(config()).slotName("public", table);
    }

    Stream discovered(String table) {
        Catalog catalog = SOURCE.discover(config());
        return catalog.find(table)
                .orElseThrow(() -> new AssertionError("no stream " + table + " in " + catalog.streams()));
    }

    ConfiguredStream cdc(String table) {
        Stream s = discovered(table);
        return new ConfiguredStream(
                s,
                SyncMode.INCREMENTAL,
                DestinationSyncMode.APPEND_DEDUP,
                s.defaultCursorField(),
                s.sourceDefinedPrimaryKey(),
                "public",
                table);
    }

    ItemStreamReader<SourceRecord> reader(ConfiguredStream stream, Map<String, Object> previousSync) {
        return SOURCE.reader(config(), stream, previousSync);
    }

    /** What one run of a load step left: its records and the context as last committed. */
    record Run(List<SourceRecord> records, ExecutionContext committed, boolean completed) {}

    /**
     * Runs a load step until the reader ends, or until {@code maxChunks} chunks committed (then it "dies":
     * no further update, close as a crash would leave things).
     *
     * @param restartFrom the committed context of a failed run of the same sync, or an empty one
     */
    Run run(
            ConfiguredStream stream,
            Map<String, Object> previousSync,
            ExecutionContext restartFrom,
            int chunkSize,
            int maxChunks,
            ChunkListener listener)
            throws Exception {
        ExecutionContext context = new ExecutionContext(restartFrom);
        ExecutionContext committed = new ExecutionContext(restartFrom);
        List<SourceRecord> records = new ArrayList<>();
        ItemStreamReader<SourceRecord> reader = reader(stream, previousSync);
        reader.open(context);
        boolean completed = false;
        try {
            int chunks = 0;
            while (chunks < maxChunks) {
                List<SourceRecord> chunk = new ArrayList<>();
                SourceRecord r = null;
                while (chunk.size() < chunkSize && (r = reader.read()) != null) {
                    chunk.add(r);
                }
                reader.update(context);
                records.addAll(chunk);
                committed = new ExecutionContext(context);
                chunks++;
                listener.committed(committed);
                if (r == null) {
                    completed = true;
                    break;
                }
            }
        } finally {
            reader.close();
        }
        return new Run(records, committed, completed);
    }

    /** One whole sync; {@code state} is the previous sync's committed state and becomes this one's. */
    List<SourceRecord> sync(ConfiguredStream stream, Map<String, Object> state, int chunkSize) throws Exception {
        Run run = run(stream, Map.copyOf(state), new ExecutionContext(), chunkSize, Integer.MAX_VALUE, c -> {});
        state.clear();
        run.committed().entrySet().forEach(e -> state.put(e.getKey(), e.getValue()));
        return run.records();
    }

    /** Called after each chunk's context is committed. */
    @FunctionalInterface
    interface ChunkListener {
        void committed(ExecutionContext context) throws Exception;
    }

    String confirmedFlush(String table) {
        return ReplicationSlots.confirmedFlush(db, slot(table));
    }

    @Override
    public void close() {
        ReplicationSlots.dropAll(db);
        db.close();
    }
}
