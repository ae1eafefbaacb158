package io.tributary.normalization;

import io.tributary.connector.catalog.ConfiguredStream;
import io.tributary.connector.catalog.DestinationSyncMode;
import io.tributary.connector.catalog.Stream;
import io.tributary.connector.catalog.SyncMode;
import io.tributary.connector.naming.NamingConvention;
import io.tributary.connector.record.SourceRecord;
import io.tributary.connector.schema.TableRow;
import io.tributary.connector.schema.TableSchema;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Streams, records and options for normalization tests. */
final class StreamFixtures {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final Instant NOW = Instant.parse("2026-01-02T03:04:05.678Z");
    static final NormalizationOptions OPTIONS =
            NormalizationOptions.defaults(NamingConvention.POSTGRES).withClock(Clock.fixed(NOW, ZoneOffset.UTC));

    /** The product's example stream, {@code customers}. */
    static final String CUSTOMERS_SCHEMA = """
            {"type": "object", "properties": {
              "id": {"type": "integer"},
              "name": {"type": ["null", "string"]},
              "contact": {"type": ["null", "object"], "properties": {
                "email": {"type": "string"},
                "phone": {"type": "string"}}},
              "addresses": {"type": ["null", "array"], "items": {"type": "object", "properties": {
                "street": {"type": "string"},
                "city": {"type": "string"}}}}}}
            """;

    static final String CUSTOMER_RECORD = """
            {"id": 1, "name": "Ada", "contact": {"email": "ada@example.com", "phone": "+33 1 23"}, \
            "addresses": [{"street": "1 rue A", "city": "Paris"}, {"street": "2 Main St", "city": "Boston"}]}""";

    private StreamFixtures() {}

    static ConfiguredStream stream(String name, String jsonSchema, List<List<String>> primaryKey) {
        ObjectNode schema = (ObjectNode) JSON.readTree(jsonSchema);
        Stream stream = new Stream(
                name, "public", schema, List.of(SyncMode.FULL_REFRESH), false, List.of(), primaryKey, List.of());
        return new ConfiguredStream(
                stream, SyncMode.FULL_REFRESH, DestinationSyncMode.APPEND, List.of(), primaryKey, "public", name);
    }

    static ConfiguredStream stream(String name, String jsonSchema) {
        return stream(name, jsonSchema, List.of());
    }

    static StreamNormalizer normalizer(String name, String jsonSchema) {
        return Normalization.forStream(stream(name, jsonSchema), OPTIONS);
    }

    static SourceRecord record(String json) {
        return new SourceRecord(
                (ObjectNode) JSON.readTree(json), NOW.minusSeconds(60).toEpochMilli());
    }

    static List<String> columnNames(TableSchema table) {
        return table.columns().stream().map(c -> c.name()).toList();
    }

    /** A row's value by column name. */
    static Object value(TableRow row, String column) {
        int index = row.table().indexOf(column);
        if (index < 0) {
            throw new AssertionError(
                    "Table " + row.table().name() + " has no column " + column + ": " + columnNames(row.table()));
        }
        return row.values()[index];
    }

    static List<TableRow> rowsOf(List<TableRow> rows, String table) {
        return rows.stream().filter(r -> r.table().name().equals(table)).toList();
    }

    static String describe(TableRow row) {
        return row.table().name() + Arrays.toString(row.values());
    }
}
