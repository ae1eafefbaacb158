package io.tributary.batch.testconnectors;

import io.tributary.connector.catalog.Catalog;
import io.tributary.connector.catalog.ConfiguredStream;
import io.tributary.connector.catalog.Stream;
import io.tributary.connector.catalog.SyncMode;
import io.tributary.connector.config.ConfigField;
import io.tributary.connector.config.ConfigSpec;
import io.tributary.connector.config.ConnectorConfig;
import io.tributary.connector.record.SourceRecord;
import io.tributary.connector.source.CheckResult;
import io.tributary.connector.source.Source;
import java.util.List;
import java.util.Map;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A test source (type {@code sequence}) producing records {@code {id, name, nested: {n}}} for ids
 * 1..count; it can fail once it reaches {@code fail_at} (to prove restarts) and slow down per
 * record (to kill a sync mid-way). Incremental by {@code id}: a later sync continues after the
 * previous sync's cursor.
 */
public final class SequenceSource implements Source {

    private static final ConfigSpec SPEC = ConfigSpec.of(
            "Sequence",
            ConfigField.integer("count").required().atLeast(0).describe("how many records"),
            ConfigField.integer("fail_at").defaultsTo(0L).describe("throw when reading this id; 0 never"),
            ConfigField.integer("delay_micros").defaultsTo(0L).describe("pause per record"),
            ConfigField.list("streams").defaultsTo(List.of("numbers")).describe("stream names"),
            ConfigField.string("token").secret().describe("a secret that must never be printed"));

    @Override
    public String type() {
        return "sequence";
    }

    @Override
    public ConfigSpec spec() {
        return SPEC;
    }

    @Override
    public CheckResult check(ConnectorConfig config) {
        return CheckResult.success("ok");
    }

    @Override
    public Catalog discover(ConnectorConfig config) {
        ObjectNode schema = JsonMapper.builder().build().readValue("""
                {"type":"object","properties":{"id":{"type":"integer"},"name":{"type":["null","string"]},
                 "nested":{"type":"object","properties":{"n":{"type":"integer"}}}}}""", ObjectNode.class);
        return new Catalog(config.list("streams").stream()
                .map(name -> new Stream(
                        name,
                        "seq",
                        schema,
                        List.of(SyncMode.FULL_REFRESH, SyncMode.INCREMENTAL),
                        false,
                        List.of("id"),
                        List.of(List.of("id")),
                        List.of("id")))
                .toList());
    }

    @Override
    public ItemStreamReader<SourceRecord> reader(
            ConnectorConfig config, ConfiguredStream stream, Map<String, Object> previousSync) {
        long count = config.integer("count");
        long failAt = config.integer("fail_at");
        long delayMicros = config.integer("delay_micros");
        String key = stream.name() + ".last_id";
        long start = stream.syncMode() == SyncMode.INCREMENTAL && previousSync.get(key) instanceof Long l ? l : 0L;
        return new ItemStreamReader<>() {
            long last = start;

            @Override
            public void open(ExecutionContext context) {
                if (context.containsKey(key)) {
                    last = context.getLong(key);
                }
            }

            @Override
            public void update(ExecutionContext context) {
                context.putLong(key, last);
            }

            @Override
            public SourceRecord read() {
                if (last >= count) {
                    return null;
                }
                long id = last + 1;
                if (id == failAt) {
                    throw new ItemStreamException("sequence source failing at id " + id + " as configured");
                }
                if (delayMicros > 0) {
                    long until = System.nanoTime() + delayMicros * 1000;
                    while (System.nanoTime() < until) {
                        Thread.onSpinWait();
                    }
                }
                last = id;
                ObjectNode data = JsonNodeFactory.instance.objectNode();
                data.put("id", id);
                data.put("name", "name " + id);
                data.putObject("nested").put("n", id * 10);
                return new SourceRecord(data, 1_700_000_000_000L);
            }
        };
    }
}
