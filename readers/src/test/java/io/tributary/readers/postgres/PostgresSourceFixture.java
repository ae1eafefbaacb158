package io.tributary.readers.postgres;

import io.tributary.connector.catalog.Catalog;
import io.tributary.connector.catalog.ConfiguredStream;
import io.tributary.connector.catalog.DestinationSyncMode;
import io.tributary.connector.catalog.Stream;
import io.tributary.connector.catalog.SyncMode;
import io.tributary.connector.config.ConnectorConfig;
import io.tributary.connector.record.SourceRecord;
import io.tributary.testsupport.postgres.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/** Configurations, catalogs and whole reads against a test database. */
final class PostgresSourceFixture {

    static final PostgresSource SOURCE = new PostgresSource();

    private PostgresSourceFixture() {}

    static Map<String, Object> settings(TestDatabase db) {
        return db.connectionSettings();
    }

    static ConnectorConfig config(TestDatabase db) {
        return config(settings(db));
    }

    static ConnectorConfig config(Map<String, Object> raw) {
        return SOURCE.spec().validate(raw, "sources.test.config");
    }

    static Stream discovered(ConnectorConfig config, String name) {
        Catalog catalog = SOURCE.discover(config);
        return catalog.find(name)
                .orElseThrow(() -> new AssertionError("no stream " + name + " in " + catalog.streams()));
    }

    static ConfiguredStream fullRefresh(Stream stream) {
        return new ConfiguredStream(
                stream, SyncMode.FULL_REFRESH, DestinationSyncMode.OVERWRITE, null, null, null, null);
    }

    static ConfiguredStream incremental(Stream stream, String cursor) {
        return new ConfiguredStream(
                stream, SyncMode.INCREMENTAL, DestinationSyncMode.APPEND, List.of(cursor), null, null, null);
    }

    /** Reads a whole stream; {@code state} receives the context as it would be committed at the end. */
    static List<SourceRecord> readAll(ItemStreamReader<SourceRecord> reader, ExecutionContext state) throws Exception {
        List<SourceRecord> records = new ArrayList<>();
        reader.open(state);
        try {
            for (SourceRecord r = reader.read(); r != null; r = reader.read()) {
                records.add(r);
            }
            reader.update(state);
        } finally {
            reader.close();
        }
        return records;
    }

    /**
     * One sync of a stream given the state the previous sync committed ({@code state}, empty at first),
     * which is replaced by what this sync commits.
     */
    static List<SourceRecord> sync(ConnectorConfig config, ConfiguredStream stream, Map<String, Object> state)
            throws Exception {
        ExecutionContext fresh = new ExecutionContext();
        List<SourceRecord> records = readAll(SOURCE.reader(config, stream, Map.copyOf(state)), fresh);
        state.clear();
        fresh.entrySet().forEach(e -> state.put(e.getKey(), e.getValue()));
        return records;
    }
}
