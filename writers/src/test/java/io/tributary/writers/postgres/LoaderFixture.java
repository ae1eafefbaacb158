package io.tributary.writers.postgres;

import io.tributary.connector.catalog.ConfiguredStream;
import io.tributary.connector.catalog.DestinationSyncMode;
import io.tributary.connector.catalog.Stream;
import io.tributary.connector.catalog.SyncMode;
import io.tributary.connector.config.ConnectorConfig;
import io.tributary.connector.destination.LoadContext;
import io.tributary.connector.destination.StreamLoader;
import io.tributary.connector.record.SourceRecord;
import io.tributary.connector.schema.Column;
import io.tributary.connector.schema.NormalizedRecord;
import io.tributary.connector.schema.StreamTables;
import io.tributary.connector.schema.TableRow;
import io.tributary.connector.schema.TableSchema;
import io.tributary.testsupport.postgres.TestDatabase;
import io.tributary.testsupport.postgres.TestPostgres;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Streams, normalized records and whole syncs for loader tests, without a source or a normalizer. */
final class LoaderFixture {

    static final PostgresDestination DESTINATION = new PostgresDestination();
    static final JsonMapper JSON = JsonMapper.builder().build();

    private LoaderFixture() {}

    static Map<String, Object> settings(TestDatabase db) {
        TestPostgres server = db.server();
        Map<String, Object> raw = db.connectionSettings();
        raw.put("schema", "analytics");
        return raw;
    }

    static ConnectorConfig config(Map<String, Object> raw) {
        return DESTINATION.spec().validate(raw, "destinations.test.config");
    }

    static ConfiguredStream stream(
            String name, SyncMode syncMode, DestinationSyncMode mode, List<String> cursor, List<String> key) {
        Stream stream = new Stream(
                name,
                "src",
                JSON.createObjectNode().put("type", "object"),
                List.of(SyncMode.FULL_REFRESH, SyncMode.INCREMENTAL),
                false,
                List.of(),
                List.of(),
                List.of());
        return new ConfiguredStream(
                stream, syncMode, mode, cursor, key.stream().map(List::of).toList(), null, null);
    }

    /** A table of {@code columns} plus the metadata columns normalization adds. */
    static TableSchema table(
            String name, List<Column> columns, List<String> primaryKey, String parent, List<Column> links) {
        List<Column> all = new ArrayList<>(columns);
        all.addAll(links);
        all.add(Column.metadata("_airbyte_ab_id", io.tributary.connector.schema.ColumnType.STRING));
        all.add(Column.metadata("_airbyte_emitted_at", io.tributary.connector.schema.ColumnType.TIMESTAMP_TZ));
        all.add(Column.metadata("_airbyte_" + name + "_hashid", io.tributary.connector.schema.ColumnType.STRING));
        return new TableSchema(name, null, all, primaryKey, parent);
    }

    /** A record whose own row has {@code values} (data columns, then any link values) followed by the metadata. */
    static NormalizedRecord record(TableSchema table, Object... values) {
        String abId = UUID.randomUUID().toString();
        ObjectNode data = JSON.createObjectNode();
        for (int i = 0; i < values.length && i < table.columns().size(); i++) {
            Column c = table.columns().get(i);
            if (!c.isMetadata()) {
                data.putPOJO(c.name(), values[i]);
            }
        }
        return new NormalizedRecord(
                new SourceRecord(JSON.valueToTree(data), 1_700_000_000_000L),
                abId,
                new ArrayList<>(List.of(row(table, abId, values))));
    }

    /** A row of {@code table} for a record with {@code abId}: values, then ab id, emitted at and a hashid. */
    static TableRow row(TableSchema table, String abId, Object... values) {
        Object[] all = new Object[table.columns().size()];
        System.arraycopy(values, 0, all, 0, values.length);
        all[values.length] = abId;
        all[values.length + 1] = java.time.OffsetDateTime.parse("2023-11-14T22:13:20Z");
        all[values.length + 2] = Integer.toHexString(java.util.Arrays.deepHashCode(values));
        return new TableRow(table, all);
    }

    /** One whole sync: open, write {@code chunks}, update after each, complete, close. */
    @SafeVarargs
    static void sync(
            ConnectorConfig config,
            ConfiguredStream stream,
            StreamTables tables,
            long syncId,
            List<NormalizedRecord>... chunks)
            throws Exception {
        StreamLoader loader = DESTINATION.loader(config, stream, tables, new LoadContext("test", syncId));
        ExecutionContext context = new ExecutionContext();
        loader.open(context);
        try {
            for (List<NormalizedRecord> chunk : chunks) {
                loader.write(new Chunk<>(chunk));
                loader.update(context);
            }
            loader.complete();
        } finally {
            loader.close();
        }
    }
}
